/**
 * `npm run demo`: the whole product without a MiniMax account. Builds the web UI if needed, starts
 * the MiniMax Agent simulator with two demo accounts and the Open Platform simulator with one demo
 * API key (Coding Plan), starts the headless relay against both (data in
 * .relay-data/demo) and prints where everything is. Ctrl-C stops both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runHeadless, type HeadlessHandle } from '../src/main/headless';
import { exitOnSignals } from '../src/main/headless/shutdown';
import { startOpenSimulator } from '../tools/minimax-open-sim/index';
import { startSimulator, type Simulator } from '../tools/minimax-sim/index';

const ROOT = join(import.meta.dirname, '..');
const out = (text: string): boolean => process.stdout.write(`${text}\n`);

function buildUiIfMissing(): void {
  if (existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return;
  out('Building the web UI once (npx electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) out('The UI build failed; the relay still runs and /ui/ explains how to build it.');
}

async function startSim(): Promise<Simulator> {
  try {
    return await startSimulator({ port: 8787 });
  } catch {
    return startSimulator({ port: 0 });
  }
}

async function startRelay(env: NodeJS.ProcessEnv): Promise<HeadlessHandle> {
  // A fresh admin token each run, so the printed UI link always works.
  const args = ['--data-dir', join(ROOT, '.relay-data', 'demo'), '--new-admin-token'];
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
  buildUiIfMissing();
  const sim = await startSim();
  const accounts = [
    // Fixed ids: a second demo run updates the same two accounts instead of adding two more.
    sim.admin.createAccount({ realUserId: '100000000001', name: 'demo-alice' }),
    sim.admin.createAccount({ realUserId: '100000000002', name: 'demo-bob' }),
  ];
  out(`Simulator of the MiniMax Agent upstream: ${sim.url} (accounts ${accounts.map((a) => a.name).join(', ')})`);
  const openSim = await startOpenSimulator({ port: 0 });
  // A fixed key: a second demo run updates the same API-key account instead of adding another.
  const demoKey = openSim.admin.addKey({ key: 'sk-demo-open-platform-key-0001', region: 'cn', kind: 'coding-plan', planTotal: 1500 });
  out(`Simulator of the MiniMax Open Platform: ${openSim.url} (API key ${demoKey.key.slice(0, 12)}…, Coding Plan)`);

  const relay = await startRelay({
    ...process.env,
    MINIMAX_RELAY_AGENT_URL: sim.url,
    MINIMAX_RELAY_TOKENS: accounts.map((account) => account.credential).join(','),
    MINIMAX_RELAY_OPEN_URL: openSim.url,
    MINIMAX_RELAY_OPEN_KEYS: `cn:coding-plan:${demoKey.key}`,
  });
  const base = relay.core.relay.status().baseUrl ?? '';
  out('');
  out('Try a request (or open the Web UI link above):');
  out(`  curl ${base}/v1/chat/completions -H 'content-type: application/json' \\`);
  out(`    -d '{"model":"MiniMax-M2.7","messages":[{"role":"user","content":"Hello!"}]}'`);
  out('Or speech (served by the API-key account):');
  out(`  curl ${base}/v1/audio/speech -H 'content-type: application/json' -o hello.mp3 \\`);
  out(`    -d '{"model":"tts-1","voice":"alloy","input":"Hello!"}'`);
  out('');
  out('Press Ctrl-C to stop.');

  exitOnSignals(() => Promise.allSettled([relay.close(), sim.close(), openSim.close()]));
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
