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
  // The simulator's default 200 credits a day would run out after 10,000 replies over 50 accounts.
  const credentials = Array.from({ length: ACCOUNTS }, (_, i) => sim.admin.createAccount({ name: `soak${i}`, credits: 1_000_000 }).credential);
  const relay = await startHeadless({ agentUrl: sim.url, credentials });
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(relay.rssMb()), 1_000);
  let ok = 0;
  let failed = 0;
  let slowest = 0;
  try {
    const endAt = performance.now() + seconds * 1_000;
    const client = async (id: number): Promise<void> => {
      for (let i = 0; performance.now() < endAt; i++) {
        const started = performance.now();
        try {
          const res = await fetch(`${relay.baseUrl}/v1/chat/completions`, {
            // A reply takes about a second here; one still running after two minutes is stuck.
            signal: AbortSignal.timeout(120_000),
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
        slowest = Math.max(slowest, performance.now() - started);
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
  // The request log's ring (5,000 entries) fills during the first minute or so; from then on
  // memory should be flat, so the drift from the second minute shows growth without that warm-up.
  const second = mean(samples.slice(60, 120));
  const group = 'soak';
  const afterWarmUp: BenchResult[] =
    seconds >= 240 ? [{ group, name: 'relay RSS drift, 2nd minute → last', value: ((last - second) / second) * 100, unit: '%', note: 'after the request-log ring has filled' }] : [];
  return [
    { group, name: 'requests served', value: ok, unit: 'count', note: `${CONCURRENT} concurrent streams, ${seconds} s, ${ACCOUNTS} accounts` },
    { group, name: 'requests failed', value: failed, unit: 'count', target: '= 0' },
    { group, name: 'relay RSS, first window', value: first, unit: 'MB', note: `mean of the first ${window} s` },
    { group, name: 'relay RSS, last window', value: last, unit: 'MB', note: `mean of the last ${window} s` },
    { group, name: 'relay RSS drift', value: drift, unit: '%', target: '< 10', note: 'first window → last window' },
    ...afterWarmUp,
    { group, name: 'slowest request', value: slowest, unit: 'ms', note: 'client side, cut at 120 s' },
  ];
}
