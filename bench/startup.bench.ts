/**
 * Start-up of the headless server: spawn it on an empty data dir (store, key file and admin token
 * created on the way), time to its "listening" line and to the first `/health` 200. Median of several runs, for the built entry (what `minimax-relay` runs) and the
 * source entry through tsx (`npm run serve`).
 */
import { existsSync } from 'node:fs';
import { percentile } from './delivery-lag.bench';
import type { BenchResult } from './run';
import { startSimulator } from '../tools/minimax-sim';
import { BUILT_ENTRY, startHeadless, type HeadlessEntry } from '../test/support/headless-process';

const RUNS = 5;

async function timeOnce(entry: HeadlessEntry, agentUrl: string): Promise<{ listening: number; health: number }> {
  const relay = await startHeadless({ entry, agentUrl });
  try {
    for (;;) {
      const res = await fetch(`${relay.baseUrl}/health`).catch(() => null);
      if (res?.status === 200) return { listening: relay.listeningMs, health: performance.now() - relay.startedAt };
    }
  } finally {
    await relay.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const sim = await startSimulator();
  const results: BenchResult[] = [];
  try {
    const entries: HeadlessEntry[] = existsSync(BUILT_ENTRY) ? ['built', 'source'] : ['source'];
    for (const entry of entries) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeOnce(entry, sim.url));
      const label = entry === 'built' ? 'built entry (out/main/headless.js)' : 'source entry (tsx)';
      const target = entry === 'built' || entries.length === 1 ? '< 300' : undefined;
      results.push(
        { group: 'startup', name: `${label}: to "listening"`, value: percentile(runs.map((r) => r.listening), 50), unit: 'ms', ...(target ? { target } : {}), note: `median of ${RUNS}` },
        { group: 'startup', name: `${label}: to first /health 200`, value: percentile(runs.map((r) => r.health), 50), unit: 'ms', note: `median of ${RUNS}` },
      );
    }
  } finally {
    await sim.close();
  }
  return results;
}
