/**
 * The data directory as the relay leaves it after start: owner-only permissions on a directory
 * that existed before (with loose permissions) and on `logs/`, temp files of interrupted writes
 * removed, and the admin token never printed when it came from the environment.
 */
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRelayCore } from '../../src/main/core';

const posix = process.platform !== 'win32';
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

describe('data directory', () => {
  it.runIf(posix)('restricts a pre-existing directory, logs/ and their files to the owner, and removes stale temp files', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'relay-datadir-'));
    dirs.push(dataDir);
    fs.chmodSync(dataDir, 0o755);
    fs.mkdirSync(join(dataDir, 'logs'), { mode: 0o755 });
    fs.chmodSync(join(dataDir, 'logs'), 0o755);
    fs.writeFileSync(join(dataDir, 'logs', 'requests-2026-12-01.jsonl'), '', { mode: 0o644 });
    fs.writeFileSync(join(dataDir, 'notes.txt'), 'x', { mode: 0o644 });
    const stale = ['store.json.tmp-1234567890abcdef', 'secret.key.1b4e28ba-2fa1-11d2-883f-0016d3cca427.tmp'];
    for (const name of stale) {
      fs.writeFileSync(join(dataDir, name), 'partial');
      fs.utimesSync(join(dataDir, name), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }
    fs.writeFileSync(join(dataDir, 'logs', 'stats.json.4242.tmp'), 'partial');
    fs.utimesSync(join(dataDir, 'logs', 'stats.json.4242.tmp'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    // A temp file written a moment ago may belong to another process's write in progress.
    fs.writeFileSync(join(dataDir, 'store.json.tmp-9999999999ffffff'), 'in progress');

    const core = await createRelayCore({ dataDir, host: 'web', env: { serverPort: 0 } });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, 'logs'))).toBe(0o700);
      expect(modeOf(join(dataDir, 'logs', 'requests-2026-12-01.jsonl'))).toBe(0o600);
      expect(modeOf(join(dataDir, 'notes.txt'))).toBe(0o600);
      for (const name of stale) expect(fs.existsSync(join(dataDir, name))).toBe(false);
      expect(fs.existsSync(join(dataDir, 'logs', 'stats.json.4242.tmp'))).toBe(false);
      expect(fs.existsSync(join(dataDir, 'store.json.tmp-9999999999ffffff'))).toBe(true);
    } finally {
      await core.close();
    }
  });

  it.runIf(posix)('creates logs/ owner-only in a new directory', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'relay-datadir-')), 'fresh');
    dirs.push(dataDir);
    const core = await createRelayCore({ dataDir, host: 'web', env: { serverPort: 0 } });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, 'logs'))).toBe(0o700);
    } finally {
      await core.close();
    }
  });
});
