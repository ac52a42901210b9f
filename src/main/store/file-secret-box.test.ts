import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import type { Logger } from '../logs/types';
import { createFileSecretBox } from './file-secret-box';
import { makeTempDir } from './__test__/test-helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('relay-box-');
  cleanups.push(cleanup);
  return dir;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    warnings,
    debug: () => {},
    info: () => {},
    warn: (a: unknown, b?: string) => warnings.push(typeof a === 'string' ? a : (b ?? '')),
    error: () => {},
    child: () => logger,
  };
  return logger as Logger & { warnings: string[] };
}

describe('createFileSecretBox', () => {
  it('round-trips, with a versioned format and a fresh IV per seal', () => {
    const box = createFileSecretBox(tempDir());
    const a = box.seal('eyJsecret.token.value');
    const b = box.seal('eyJsecret.token.value');
    expect(a.startsWith('v1:')).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(box.open(a)).toBe('eyJsecret.token.value');
    expect(box.kind).toBe('aes-file');
  });

  it('creates the key file owner-only and reuses it on the next start', () => {
    const dir = tempDir();
    const sealed = createFileSecretBox(dir).seal('hello');
    const keyFile = path.join(dir, 'secret.key');
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(createFileSecretBox(dir).open(sealed)).toBe('hello');
  });

  it('leaves no temp file behind and keeps the first key when a second box starts on the same dir', () => {
    const dir = tempDir();
    const first = createFileSecretBox(dir);
    const sealed = first.seal('same key');
    expect(createFileSecretBox(dir).open(sealed)).toBe('same key');
    expect(fs.readdirSync(dir)).toEqual(['secret.key']);
    expect(fs.readFileSync(path.join(dir, 'secret.key'), 'utf8').length).toBeGreaterThan(40);
  });

  it.skipIf(process.platform === 'win32')('warns about and tightens a key file readable by others', () => {
    const dir = tempDir();
    createFileSecretBox(dir);
    const keyFile = path.join(dir, 'secret.key');
    fs.chmodSync(keyFile, 0o644);
    const logger = recordingLogger();
    createFileSecretBox(dir, { logger });
    expect(logger.warnings.join(' ')).toMatch(/readable by others/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('rejects tampered data, foreign keys and unknown formats with a RelayError', () => {
    const box = createFileSecretBox(tempDir());
    const sealed = box.seal('credential');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff;
    const tampered = `v1:${raw.toString('base64')}`;
    const other = createFileSecretBox(tempDir());
    for (const bad of [tampered, 'v2:abc', 'v1:', 'plain text']) {
      expect(() => box.open(bad)).toThrow(RelayError);
    }
    expect(() => other.open(sealed)).toThrow(expect.objectContaining({ code: 'invalid_credential' }));
  });

  it('refuses a damaged key file instead of silently making a new key', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'secret.key'), 'short', { mode: 0o600 });
    expect(() => createFileSecretBox(dir)).toThrow(expect.objectContaining({ code: 'encryption_unavailable' }));
  });
});
