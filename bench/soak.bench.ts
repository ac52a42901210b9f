/**
 * Soak: 50 streams at all times over 50 accounts for BENCH_SOAK_SECONDS (default 300). Each client
 * starts its next request as soon as one ends. The relay runs as its own process; its RSS is
 * sampled every second, and the drift is the mean of the last minute against the first (for runs
 * under four minutes, the first and last quarter).
 */
import type { BenchResult } from './run';
import { startSimulator } from '../tools/minimax-sim';
import { startHeadless } from '../test/support/headless-process';

const ACCOUNTS = 50;
const CONCURRENT = 50;
const REPLY = 'soak test words '.repeat(25);

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

export async function run(): Promise<BenchResult[]> {
  const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 300);
  const sim = await startSimulator({ tickMs: 50, charsPerTick: 80 });
  sim.admin.setDefaultReply(() => ({ text: REPLY }));
  const credentials = Array.from({ length: ACCOUNTS }, (_, i) => sim.admin.createAccount({ name: `soak${i}` }).credential);
  const relay = await startHeadless({ agentUrl: sim.url, credentials });
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(relay.rssMb()), 1_000);
  let ok = 0;
  let failed = 0;
  try {
    const endAt = performance.now() + seconds * 1_000;
    const client = async (id: number): Promise<void> => {
      for (let i = 0; performance.now() < endAt; i++) {
        try {
          const res = await fetch(`${relay.baseUrl}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: `Soak ${id}/${i}.` }] }),
          });
          const body = await res.text();
          if (res.status === 200 && body.includes('[DONE]') && !body.includes('"error"')) ok += 1;
          else failed += 1;
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT }, (_, id) => client(id)));
  } finally {
    clearInterval(sampler);
    await relay.close();
    await sim.close();
  }
  const window = seconds >= 240 ? 60 : Math.max(1, Math.floor(samples.length / 4));
  const first = mean(samples.slice(0, window));
  const last = mean(samples.slice(-window));
  const drift = ((last - first) / first) * 100;
  const group = 'soak';
  return [
    { group, name: 'requests served', value: ok, unit: 'count', note: `${CONCURRENT} concurrent streams, ${seconds} s, ${ACCOUNTS} accounts` },
    { group, name: 'requests failed', value: failed, unit: 'count', target: '= 0' },
    { group, name: 'relay RSS, first window', value: first, unit: 'MB', note: `mean of the first ${window} s` },
    { group, name: 'relay RSS, last window', value: last, unit: 'MB', note: `mean of the last ${window} s` },
    { group, name: 'relay RSS drift', value: drift, unit: '%', target: '< 10' },
  ];
}
