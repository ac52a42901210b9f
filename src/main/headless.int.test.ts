import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenSimulator } from '../../tools/minimax-open-sim/index';
import { startSimulator, type Simulator } from '../../tools/minimax-sim/index';

const ROOT = join(import.meta.dirname, '..', '..');
// node itself with tsx's loader (not the tsx CLI, which runs the server in a grandchild): the
// process the test signals and waits for is the server that writes the data dir.
const ENTRY = ['--import', 'tsx', 'src/main/headless.ts'];
const ADMIN = 'adm-headless-test-token';

interface Running {
  child: ChildProcess;
  base: string;
  stdout: () => string;
}

let sim: Simulator;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 10, charsPerTick: 200 });
  dataDir = mkdtempSync(join(tmpdir(), 'relay-headless-'));
});
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
});
afterAll(async () => {
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

/** Spawns the CLI on port 0 and waits (bounded) for the line that names the chosen port. */
function startHeadless(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [...ENTRY, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, MINIMAX_RELAY_AGENT_URL: sim.url, MINIMAX_RELAY_ADMIN_TOKEN: ADMIN, MINIMAX_RELAY_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`headless did not start: ${out}${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: match[1], stdout: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`headless exited with ${code}: ${out}${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function api<T>(base: string, path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${base}/api/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('headless server', () => {
  it('answers chat completions with an account from MINIMAX_RELAY_TOKENS, keeps state across a restart and exits cleanly on SIGTERM', async () => {
    const account = sim.admin.createAccount({ name: 'headless' });
    const first = await startHeadless({ MINIMAX_RELAY_TOKENS: account.credential });
    expect(first.stdout()).toContain('1 added');
    // The token came from the environment: the banner names the variable, never the token.
    expect(first.stdout()).toMatch(/Web UI: +http:\/\/127\.0\.0\.1:\d+\/ui\/ +\(sign in with the admin token from MINIMAX_RELAY_ADMIN_TOKEN\)/);
    expect(first.stdout()).not.toContain('adm-headless-test-token');

    const res = await fetch(`${first.base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'ping from the test' }] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toContain('ping from the test');
    await api(first.base, 'models/addMapping', { pattern: 'gpt-*', target: 'MiniMax-M2.5', accountId: null });
    expect(await stop(first.child)).toBe(0);

    const second = await startHeadless({});
    const accounts = await api<{ label: string; counters: { requests: number } }[]>(second.base, 'accounts/list');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.counters.requests).toBe(1);
    const mappings = await api<{ pattern: string }[]>(second.base, 'models/listMappings');
    expect(mappings.map((m) => m.pattern)).toEqual(['gpt-*']);
    const stats = await api<{ today: { requests: number } }>(second.base, 'logs/stats');
    expect(stats.today.requests).toBe(1);
    expect(await stop(second.child)).toBe(0);
  }, 180_000);

  it('imports Open Platform keys from MINIMAX_RELAY_OPEN_KEYS against MINIMAX_RELAY_OPEN_URL and serves speech with them', async () => {
    const open = await startOpenSimulator();
    try {
      const key = open.admin.addKey({ region: 'intl', kind: 'coding-plan', planTotal: 50 });
      const running = await startHeadless({ MINIMAX_RELAY_OPEN_URL: open.url, MINIMAX_RELAY_OPEN_KEYS: `intl:coding-plan:${key.key}` });
      expect(running.stdout()).toContain('Imported accounts from MINIMAX_RELAY_OPEN_KEYS: 1 added');
      const accounts = await api<{ provider: string; region: string; credits: { remaining: number } | null }[]>(running.base, 'accounts/list');
      expect(accounts.find((a) => a.provider === 'minimax-open')).toMatchObject({ region: 'intl', credits: { remaining: 50 } });
      const res = await fetch(`${running.base}/v1/audio/speech`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'tts-1', voice: 'alloy', input: 'headless speech', response_format: 'wav' }),
      });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF');
      expect(await stop(running.child)).toBe(0);
    } finally {
      await open.close();
    }
  }, 180_000);

  it('prints its flags with --help', async () => {
    const child = spawn(process.execPath, [...ENTRY, '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('--data-dir');
    expect(out).toContain('MINIMAX_RELAY_TOKENS');
    expect(out).toContain('MINIMAX_RELAY_OPEN_KEYS');
  }, 60_000);
});
