/**
 * Soak: 50 streams at all times over 50 accounts, a warm-up of BENCH_SOAK_WARMUP_SECONDS (default
 * 60) and then BENCH_SOAK_SECONDS (default 300) measured. Each client starts its next request as
 * soon as one ends. The relay runs as its own process; its RSS is sampled every second. During the
 * warm-up the relay's heap grows to the size its garbage collector settles on for this load (and
 * the request log's ring fills); a leak shows as growth after that, so the drift is the mean of the
 * measured run's last minute against its first (for runs under four minutes, the first and last
 * quarter). The growth during the warm-up is reported too.
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
  const warmUpSeconds = Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? 60);
  const sim = await startSimulator({ tickMs: 50, charsPerTick: 80 });
  sim.admin.setDefaultReply(() => ({ text: REPLY }));
  // The simulator's default 200 credits a day would run out after 10,000 replies over 50 accounts.
  const credentials = Array.from({ length: ACCOUNTS }, (_, i) => sim.admin.createAccount({ name: `soak${i}`, credits: 1_000_000 }).credential);
  const relay = await startHeadless({ agentUrl: sim.url, credentials });
  const idle = relay.rssMb();
  const warmUp: number[] = [];
  const samples: number[] = [];
  const measureFrom = performance.now() + warmUpSeconds * 1_000;
  const sampler = setInterval(() => (performance.now() < measureFrom ? warmUp : samples).push(relay.rssMb()), 1_000);
  let ok = 0;
  let failed = 0;
  let slowest = 0;
  try {
    const endAt = measureFrom + seconds * 1_000;
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
  const group = 'soak';
  return [
    { group, name: 'requests served', value: ok, unit: 'count', note: `${CONCURRENT} concurrent streams, ${warmUpSeconds} s warm-up + ${seconds} s, ${ACCOUNTS} accounts` },
    { group, name: 'requests failed', value: failed, unit: 'count', target: '= 0' },
    { group, name: 'relay RSS, idle → end of warm-up', value: warmUp.at(-1) ?? idle, unit: 'MB', note: `from ${idle.toFixed(0)} MB idle` },
    { group, name: 'relay RSS, first window', value: first, unit: 'MB', note: `mean of the first ${window} s after the warm-up` },
    { group, name: 'relay RSS, last window', value: last, unit: 'MB', note: `mean of the last ${window} s` },
    { group, name: 'relay RSS drift', value: drift, unit: '%', target: '< 10', note: 'first window → last window' },
    { group, name: 'relay RSS, peak', value: Math.max(idle, ...warmUp, ...samples), unit: 'MB', note: 'whole run' },
    { group, name: 'slowest request', value: slowest, unit: 'ms', note: 'client side, cut at 120 s' },
  ];
}
