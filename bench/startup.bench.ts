/**
 * Start-up of the headless server: spawn it on an empty data dir (store, key file and admin token
 * created on the way), time to its "listening" line and to the first `/health` 200. Median of
 * several runs, for the built server (bin/minimax-relay.mjs → out/headless/relay.cjs, what
 * `minimax-relay` runs) and the source entry through tsx (`npm run serve`). Beside the wall-clock
 * figure: the CPU time the server had used by "listening" and the 1-minute load average, so a
 * figure taken on a busy machine shows as such.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { percentile } from './delivery-lag.bench';
import type { BenchResult } from './run';
import { startSimulator } from '../tools/minimax-sim';
import { BUILT_ENTRY, startHeadless, type HeadlessEntry } from '../test/support/headless-process';

const RUNS = 5;

interface Run {
  listening: number;
  health: number;
  cpu: number;
  load: number;
}

async function timeOnce(entry: HeadlessEntry, agentUrl: string): Promise<Run> {
  const load = loadavg()[0] ?? Number.NaN;
  const relay = await startHeadless({ entry, agentUrl });
  try {
    for (;;) {
      const res = await fetch(`${relay.baseUrl}/health`).catch(() => null);
      if (res?.status === 200) return { listening: relay.listeningMs, health: performance.now() - relay.startedAt, cpu: relay.listeningCpuMs, load };
    }
  } finally {
    await relay.close();
  }
}

const list = (values: readonly number[]) => values.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(0))).join(' / ');

export async function run(): Promise<BenchResult[]> {
  const sim = await startSimulator();
  const results: BenchResult[] = [];
  try {
    const entries: HeadlessEntry[] = existsSync(BUILT_ENTRY) ? ['built', 'source'] : ['source'];
    for (const entry of entries) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeOnce(entry, sim.url));
      const label = entry === 'built' ? 'built (bin/minimax-relay.mjs)' : 'source entry (tsx)';
      const target = entry === 'built' || entries.length === 1 ? '< 300' : undefined;
      const loads = runs.map((r) => r.load.toFixed(2)).join(' / ');
      results.push(
        {
          group: 'startup',
          name: `${label}: to "listening"`,
          value: percentile(runs.map((r) => r.listening), 50),
          unit: 'ms',
          ...(target ? { target } : {}),
          note: `median of ${RUNS}: ${list(runs.map((r) => r.listening))}`,
        },
        { group: 'startup', name: `${label}: to first /health 200`, value: percentile(runs.map((r) => r.health), 50), unit: 'ms', note: `median of ${RUNS}` },
        { group: 'startup', name: `${label}: CPU time by "listening"`, value: percentile(runs.map((r) => r.cpu), 50), unit: 'ms', note: `user + system, median of ${RUNS}: ${list(runs.map((r) => r.cpu))}` },
        { group: 'startup', name: `${label}: load average (1 min)`, value: percentile(runs.map((r) => r.load), 50), unit: '', note: `at each start: ${loads}` },
      );
    }
  } finally {
    await sim.close();
  }
  return results;
}
