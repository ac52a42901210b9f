import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../../tools/minimax-sim';
import { runHeadless } from '../headless';

let sim: Simulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 10 });
  dir = mkdtempSync(join(tmpdir(), 'relay-tokens-file-'));
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('headless start with MINIMAX_RELAY_TOKENS_FILE', () => {
  it('imports every line of the file, JSON lines with cookies included, next to MINIMAX_RELAY_TOKENS', async () => {
    const withCookies = sim.admin.createAccount({ name: 'file-json' });
    const plain = sim.admin.createAccount({ name: 'file-plain' });
    const fromEnv = sim.admin.createAccount({ name: 'env-list' });
    const path = join(dir, 'tokens.txt');
    writeFileSync(path, `# relay accounts\n${JSON.stringify({ realUserID: withCookies.realUserId, token: withCookies.token, cookies: 'mm_sessionid=a, b; x=1' })}\n\n${plain.credential}\n`, { mode: 0o600 });
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    const env = { MINIMAX_RELAY_AGENT_URL: sim.url, MINIMAX_RELAY_PORT: '0', MINIMAX_RELAY_LOG_LEVEL: 'silent', MINIMAX_RELAY_ADMIN_TOKEN: 'adm-tokens-file-test', MINIMAX_RELAY_TOKENS: fromEnv.credential, MINIMAX_RELAY_TOKENS_FILE: path };
    let handle: Awaited<ReturnType<typeof runHeadless>> = null;
    try {
      handle = await runHeadless(['--data-dir', join(dir, 'data')], env, false);
    } finally {
      write.mockRestore();
    }
    try {
      expect(out.join('')).toContain('Imported accounts from MINIMAX_RELAY_TOKENS and MINIMAX_RELAY_TOKENS_FILE: 3 added, 0 updated, 0 failed');
      const accounts = await handle!.core.services.accounts.list();
      expect(accounts.map((a) => a.userName).sort()).toEqual(['env-list', 'file-json', 'file-plain']);
    } finally {
      await handle?.close();
    }
  });

  it('refuses to start when the file is missing, naming it', async () => {
    await expect(runHeadless(['--data-dir', join(dir, 'data2')], { MINIMAX_RELAY_PORT: '0', MINIMAX_RELAY_LOG_LEVEL: 'silent', MINIMAX_RELAY_TOKENS_FILE: join(dir, 'missing.txt') }, false)).rejects.toThrow(/MINIMAX_RELAY_TOKENS_FILE .*missing\.txt cannot be read/);
  });
});
