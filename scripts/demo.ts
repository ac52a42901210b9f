/**
 * `npm run demo [-- --protocol 2026-05] [--cloudflare]`: the whole product without a MiniMax account.
 * Builds the web UI if needed, starts the MiniMax Agent simulator with two demo accounts and the
 * Open Platform simulator with one demo API key (Coding Plan), starts the headless relay against
 * both (data in .relay-data/demo) and prints where everything is. Ctrl-C stops them. `--protocol 2026-05` simulates the service since May 2026 (send_msg needs the browser
 * cookies); `--cloudflare` puts it behind a simulated Cloudflare bot check. The demo accounts carry
 * their cookies in both modes, so the relay negotiates the request profile that works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRelayState } from '../src/main/core/relay-state';
import { runHeadless, type HeadlessHandle } from '../src/main/headless';
import { exitOnSignals } from '../src/main/headless/shutdown';
import { startOpenSimulator } from '../tools/minimax-open-sim/index';
import { startSimulator, type SimAccount, type SimOptions, type Simulator } from '../tools/minimax-sim/index';

const ROOT = join(import.meta.dirname, '..');
const out = (text: string): boolean => process.stdout.write(`${text}\n`);

function buildUiIfMissing(): void {
  if (existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return;
  out('Building the web UI once (npx electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) out('The UI build failed; the relay still runs and /ui/ explains how to build it.');
}

const DATA_DIR = join(ROOT, '.relay-data', 'demo');

function demoOptions(): SimOptions {
  const { values } = parseArgs({ options: { protocol: { type: 'string', default: '2026-04' }, cloudflare: { type: 'boolean', default: false } } });
  if (values.protocol !== '2026-04' && values.protocol !== '2026-05') throw new Error(`--protocol must be 2026-04 or 2026-05, not ${values.protocol}`);
  return { protocol: values.protocol, cloudflare: values.cloudflare };
}

async function startSim(options: SimOptions): Promise<Simulator> {
  try {
    return await startSimulator({ ...options, port: 8787 });
  } catch {
    return startSimulator({ ...options, port: 0 });
  }
}

/**
 * Stores the demo accounts with their browser cookies (session, and the Cloudflare clearance), as a
 * login in the desktop app captures them; a token import carries no cookies.
 */
async function storeAccounts(sim: Simulator, accounts: SimAccount[], agentBaseUrl: string): Promise<void> {
  const state = await createRelayState({ dataDir: DATA_DIR, host: 'web', env: { agentBaseUrl } });
  try {
    for (const account of accounts) {
      state.repository.upsert({
        region: 'cn',
        credential: { kind: 'minimax-agent', token: account.token, realUserId: account.realUserId, cookies: sim.admin.cookieHeader(account.realUserId, true) },
        identity: { realUserId: account.realUserId, userName: account.name, email: account.email, tokenExpiresAt: null },
      });
    }
  } finally {
    state.pool.dispose();
    await state.requestLog.close();
    state.store.close();
  }
}

async function startRelay(env: NodeJS.ProcessEnv): Promise<HeadlessHandle> {
  // A fresh admin token each run, so the printed UI link always works.
  const args = ['--data-dir', DATA_DIR, '--new-admin-token'];
  try {
    const handle = await runHeadless(args, env, false);
    if (handle) return handle;
  } catch (error) {
    out(`Port ${env.MINIMAX_RELAY_PORT ?? 8000} is not free (${(error as Error).message}); using another one.`);
  }
  const handle = await runHeadless([...args, '--port', '0'], env, false);
  if (!handle) throw new Error('the relay did not start');
  return handle;
}

async function main(): Promise<void> {
  const options = demoOptions();
  buildUiIfMissing();
  const sim = await startSim(options);
  const accounts = [
    // Fixed ids: a second demo run updates the same two accounts instead of adding two more.
    sim.admin.createAccount({ realUserId: '100000000001', name: 'demo-alice' }),
    sim.admin.createAccount({ realUserId: '100000000002', name: 'demo-bob' }),
  ];
  const mode = `protocol ${options.protocol ?? '2026-04'}${options.cloudflare ? ', behind Cloudflare' : ''}`;
  out(`Simulator of the MiniMax Agent upstream: ${sim.url} (${mode}; accounts ${accounts.map((a) => a.name).join(', ')})`);
  await storeAccounts(sim, accounts, sim.url);
  const openSim = await startOpenSimulator({ port: 0 });
  // A fixed key: a second demo run updates the same API-key account instead of adding another.
  const demoKey = openSim.admin.addKey({ key: 'sk-demo-open-platform-key-0001', region: 'cn', kind: 'coding-plan', planTotal: 1500 });
  out(`Simulator of the MiniMax Open Platform: ${openSim.url} (API key ${demoKey.key.slice(0, 12)}…, Coding Plan)`);

  const relay = await startRelay({
    ...process.env,
    MINIMAX_RELAY_AGENT_URL: sim.url,
    MINIMAX_RELAY_OPEN_URL: openSim.url,
    MINIMAX_RELAY_OPEN_KEYS: `cn:coding-plan:${demoKey.key}`,
  });
  // Shows each account's credits in the UI at once (best effort: the demo runs without them too).
  await relay.core.services.accounts.validateAll().catch(() => undefined);
  const base = relay.core.relay.status().baseUrl ?? '';
  out('');
  out('Try a request (or open the Web UI link above):');
  out(`  curl ${base}/v1/chat/completions -H 'content-type: application/json' \\`);
  out(`    -d '{"model":"MiniMax-M2.7","messages":[{"role":"user","content":"Hello!"}]}'`);
  out('Or speech (served by the API-key account):');
  out(`  curl ${base}/v1/audio/speech -H 'content-type: application/json' -o hello.mp3 \\`);
  out(`    -d '{"model":"tts-1","voice":"alloy","input":"Hello!"}'`);
  out('');
  out('Diagnose the demo accounts (what to send when something breaks):');
  out(`  MINIMAX_RELAY_AGENT_URL=${sim.url} npm run serve -- doctor --data-dir ${DATA_DIR}`);
  out('');
  out('Press Ctrl-C to stop.');

  exitOnSignals(() => Promise.allSettled([relay.close(), sim.close(), openSim.close()]));
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
