/**
 * The headless server as its own OS process (so its memory is its own): the built server through
 * bin/minimax-relay.mjs (the bundle out/headless/relay.cjs, what `minimax-relay` runs) when it is
 * built, else the source through tsx. Benchmarks use it for load, soak and start-up figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
/** What `npm run build` writes for the headless server; BIN runs it. */
export const BUILT_ENTRY = join(ROOT, 'out', 'headless', 'relay.cjs');
export const BIN = join(ROOT, 'bin', 'minimax-relay.mjs');
export const SOURCE_ENTRY = join(ROOT, 'src', 'main', 'headless.ts');

export type HeadlessEntry = 'built' | 'source';

export interface HeadlessOptions {
  entry?: HeadlessEntry;
  agentUrl: string;
  /** `realUserID+token` credentials imported at start. */
  credentials?: readonly string[];
  adminToken?: string;
  apiKeys?: readonly string[];
}

export interface HeadlessProcess {
  child: ChildProcess;
  entry: HeadlessEntry;
  baseUrl: string;
  adminToken: string;
  /** ms from spawn to the "listening" line. */
  listeningMs: number;
  /** CPU time (user + system) the server had used when its "listening" line arrived, in ms (Linux /proc). */
  listeningCpuMs: number;
  startedAt: number;
  /** Resident set size of the server process now (Linux /proc), in MB. */
  rssMb(): number;
  /** POST /api/<domain>/<method> with the admin token. */
  call(path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export function defaultEntry(): HeadlessEntry {
  return existsSync(BUILT_ENTRY) ? 'built' : 'source';
}

export function readRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** USER_HZ of Linux /proc/<pid>/stat: 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;

/** User + system CPU time of a process so far, in ms (Linux /proc; NaN elsewhere). */
export function readCpuMs(pid: number): number {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

export async function startHeadless(options: HeadlessOptions): Promise<HeadlessProcess> {
  const entry = options.entry ?? defaultEntry();
  const dataDir = await mkdtemp(join(tmpdir(), 'relay-headless-'));
  const adminToken = options.adminToken ?? `adm-${crypto.randomUUID()}`;
  const args = entry === 'built' ? [BIN] : ['--import', 'tsx', SOURCE_ENTRY];
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...args, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MINIMAX_RELAY_AGENT_URL: options.agentUrl,
      MINIMAX_RELAY_TOKENS: (options.credentials ?? []).join(','),
      MINIMAX_RELAY_API_KEYS: (options.apiKeys ?? []).join(','),
      MINIMAX_RELAY_ADMIN_TOKEN: adminToken,
      MINIMAX_RELAY_LOG_LEVEL: 'warn',
    },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk.slice(0, 4000)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`headless exited with ${code}: ${stderr}`)));
  });
  const listeningMs = performance.now() - startedAt;
  const pid = child.pid ?? 0;
  const listeningCpuMs = readCpuMs(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    entry,
    baseUrl,
    adminToken,
    listeningMs,
    listeningCpuMs,
    startedAt,
    rssMb: () => readRssMb(pid),
    async call(path, body = {}) {
      const res = await fetch(`${baseUrl}/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!json.ok) throw new Error(`${path}: ${JSON.stringify(json.error)}`);
      return json.value;
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
