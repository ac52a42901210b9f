import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logs/types';
import { createDesktopSecretBox } from './secret-box';

function fakeSafeStorage(report: { available: boolean; backend: string }): SafeStorage {
  // A reversible scramble stands in for the OS: enough to prove the plain text never appears.
  return {
    isEncryptionAvailable: () => report.available,
    getSelectedStorageBackend: () => report.backend,
    encryptString: (plain: string) => Buffer.from(plain).map((byte) => byte ^ 0x5a),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString(),
  } as unknown as SafeStorage;
}

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-secret-box-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })));

const secret = 'eyJhbGciOiJIUzI1NiJ9.payload.sig';

describe('desktop secret box', () => {
  it('seals with the OS key store when a real backend is there', () => {
    const dir = dataDir();
    const box = createDesktopSecretBox({ safeStorage: fakeSafeStorage({ available: true, backend: 'gnome_libsecret' }), platform: 'linux', dataDir: dir, logger: silentLogger });
    const sealed = box.seal(secret);
    expect(box.kind).toBe('os');
    expect(sealed.startsWith('os1:')).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(box.open(sealed)).toBe(secret);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
  });

  it('uses the key file on Linux basic_text, and those values still open once a keyring appears', () => {
    const dir = dataDir();
    const report = { available: true, backend: 'basic_text' };
    const first = createDesktopSecretBox({ safeStorage: fakeSafeStorage(report), platform: 'linux', dataDir: dir, logger: silentLogger });
    const sealed = first.seal(secret);
    expect(first.kind).toBe('aes-file');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(existsSync(join(dir, 'secret.key'))).toBe(true);

    report.backend = 'kwallet5';
    const later = createDesktopSecretBox({ safeStorage: fakeSafeStorage(report), platform: 'linux', dataDir: dir, logger: silentLogger });
    expect(later.kind).toBe('os');
    expect(later.open(sealed)).toBe(secret);
  });

  it('refuses to seal when the OS cannot encrypt, with encryption_unavailable', () => {
    const box = createDesktopSecretBox({ safeStorage: fakeSafeStorage({ available: false, backend: 'unknown' }), platform: 'linux', dataDir: dataDir(), logger: silentLogger });
    expect(() => box.seal(secret)).toThrow(expect.objectContaining({ code: 'encryption_unavailable', message: expect.stringMatching(/keyring/) }));
  });

  it('reports a locked keyring and an unknown format when opening', () => {
    const report = { available: true, backend: 'gnome_libsecret' };
    const box = createDesktopSecretBox({ safeStorage: fakeSafeStorage(report), platform: 'linux', dataDir: dataDir(), logger: silentLogger });
    const sealed = box.seal(secret);
    report.available = false;
    expect(() => box.open(sealed)).toThrow(expect.objectContaining({ code: 'encryption_unavailable' }));
    expect(() => box.open('plain-text')).toThrow(expect.objectContaining({ code: 'store_corrupt' }));
  });
});
