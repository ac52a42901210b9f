/**
 * Starts what a web e2e spec needs: the MiniMax Agent simulator in-process and the headless relay
 * as a child process (`node --import tsx src/main/headless.ts`) pointed at it, with a fresh data dir.
 * The child is the relay itself (no npx or tsx wrapper in between), so when stop() sees it exit
 * nothing is left writing into the data dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator, type SimOptions } from '../../tools/minimax-sim/index';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface RelayProcess {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The UI link with the admin token in the fragment, as printed. */
  uiLink: string;
  adminToken: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartRelayOptions {
  simUrl: string;
  dataDir: string;
  /** Omit to let the relay use its stored port (restart tests); default 0. */
  port?: number | null;
  adminToken?: string;
  env?: Record<string, string>;
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the renderer when out/renderer is missing or older than its sources (the relay serves it at /ui/). */
export function ensureRendererBuilt(): void {
  const built = join(ROOT, 'out', 'renderer', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(join(ROOT, 'src', 'renderer'))) return;
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed; the web UI cannot be served');
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'relay-e2e-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * The UI link from the banner. A token given in the environment is never echoed, so the link is
 * then completed with the token this harness set.
 */
function waitForUiLink(child: ChildProcess, output: { text: string }, timeoutMs: number, adminToken: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the relay printed no UI link within ${timeoutMs} ms:\n${output.text}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output.text += chunk.toString('utf8');
      const match = /Web UI:\s+(http:\/\/\S+)/.exec(output.text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].includes('#token=') ? match[1] : `${match[1]}#token=${encodeURIComponent(adminToken)}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited with ${code}:\n${output.text}`));
    });
  });
}

export async function startRelay(options: StartRelayOptions): Promise<RelayProcess> {
  const adminToken = options.adminToken ?? `e2e-${crypto.randomUUID()}`;
  const args = ['--import', 'tsx', 'src/main/headless.ts', '--data-dir', options.dataDir];
  const port = options.port === undefined ? 0 : options.port;
  if (port !== null) args.push('--port', String(port));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      MINIMAX_RELAY_AGENT_URL: options.simUrl,
      MINIMAX_RELAY_ADMIN_TOKEN: adminToken,
      MINIMAX_RELAY_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  const uiLink = await waitForUiLink(child, output, 45_000, adminToken);
  const baseUrl = new URL(uiLink).origin;
  let exited = child.exitCode !== null;
  child.once('exit', () => (exited = true));
  return {
    baseUrl,
    uiLink,
    adminToken,
    dataDir: options.dataDir,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // SIGTERM lets the relay flush its stores and logs; it is the process that writes them.
      child.kill('SIGTERM');
      const timer = setTimeout(() => !exited && child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

export interface E2eEnv {
  sim: Simulator;
  relay: RelayProcess;
  close(): Promise<void>;
}

/** Simulator + relay with a fresh data dir; close() stops both and removes the dir. */
export async function startEnv(simOptions: SimOptions = {}): Promise<E2eEnv> {
  ensureRendererBuilt();
  const sim = await startSimulator({ tickMs: 20, charsPerTick: 80, ...simOptions });
  const dataDir = makeDataDir();
  try {
    const relay = await startRelay({ simUrl: sim.url, dataDir });
    return {
      sim,
      relay,
      async close() {
        await relay.stop();
        await sim.close();
        removeDir(dataDir);
      },
    };
  } catch (error) {
    await sim.close();
    removeDir(dataDir);
    throw error;
  }
}

/** Calls the management API directly (test setup that is not what the spec is about). */
export async function callApi<T>(relay: RelayProcess, path: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${relay.baseUrl}/api/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${relay.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${path}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}
