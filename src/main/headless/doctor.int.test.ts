import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimOptions, type Simulator } from '../../../tools/minimax-sim';
import { createRelayState } from '../core/relay-state';
import { runDoctor } from './doctor';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: SimOptions): Promise<{ sim: Simulator; dataDir: string; token: string; cookies: string }> {
  const sim = await startSimulator({ tickMs: 5, charsPerTick: 100, ...options });
  cleanups.push(() => sim.close());
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-doctor-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
  const account = sim.admin.createAccount({ name: 'doctor' });
  const cookies = sim.admin.cookieHeader(account.realUserId, true);
  const state = await createRelayState({ dataDir, host: 'web', env: { agentBaseUrl: sim.url } });
  state.repository.upsert({
    region: 'cn',
    label: 'Work',
    credential: { kind: 'minimax-agent', token: account.token, realUserId: account.realUserId, cookies },
    identity: { realUserId: account.realUserId, userName: 'doctor', email: null, tokenExpiresAt: null },
  });
  state.pool.dispose();
  await state.requestLog.close();
  state.store.close();
  return { sim, dataDir, token: account.token, cookies };
}

describe('minimax-relay doctor', () => {
  it.each([
    ['2026-04', {}, 'signed-2026-04'],
    ['2026-05', { protocol: '2026-05' as const }, 'web-cookie-2026-05'],
    ['2026-05 behind Cloudflare', { protocol: '2026-05' as const, cloudflare: true }, 'web-cookie-2026-05'],
  ])('against the %s simulator: prints the report and saves it, redacted', async (_name, options, working) => {
    const { sim, dataDir, token, cookies } = await setup(options);
    let printed = '';
    const result = await runDoctor(['--data-dir', dataDir], { MINIMAX_RELAY_AGENT_URL: sim.url }, { write: (text) => void (printed += text) });
    expect(result.reports.map((r) => r.workingProfiles)).toEqual([[working]]);
    expect(printed).toContain(`Working request profiles: ${working}`);
    expect(result.files).toHaveLength(2);
    for (const file of result.files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of [token, ...token.split('.'), cookies, ...cookies.split('; ').map((c) => c.split('=')[1] ?? 'x')]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(JSON.parse(readFileSync(result.files[0] ?? '', 'utf8'))).toMatchObject({ workingProfiles: [working] });
  });

  it('prints JSON with --json, picks one account with --account, and names an unknown one', async () => {
    const { sim, dataDir } = await setup({});
    let printed = '';
    await runDoctor(['--data-dir', dataDir, '--json', '--account', 'Work'], { MINIMAX_RELAY_AGENT_URL: sim.url }, { write: (text) => void (printed += text) });
    expect(JSON.parse(printed)).toMatchObject({ workingProfiles: ['signed-2026-04'] });
    await expect(runDoctor(['--data-dir', dataDir, '--account', 'nope'], { MINIMAX_RELAY_AGENT_URL: sim.url }, { write: () => undefined })).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });
});
