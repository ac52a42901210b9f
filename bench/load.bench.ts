/**
 * Load: 1,000 concurrent streaming requests over 50 accounts (one running reply per account, so
 * 950 wait in the queue at first). The relay runs as its own process (the headless server, built
 * entry when present), so the peak RSS is the relay's alone; the simulator runs in this process.
 */
import { percentile } from './delivery-lag.bench';
import type { BenchResult } from './run';
import { startSimulator } from '../tools/minimax-sim';
import { startHeadless } from '../test/support/headless-process';

const ACCOUNTS = 50;
const STREAMS = 1_000;
const REPLY = 'streaming load test '.repeat(20);

interface StreamOutcome {
  ok: boolean;
  firstByteMs: number;
}

async function stream(baseUrl: string, i: number): Promise<StreamOutcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: `Load request ${i}.` }] }),
    });
    const firstByteMs = performance.now() - started;
    const body = await res.text();
    return { ok: res.status === 200 && body.includes('[DONE]') && !body.includes('"error"'), firstByteMs };
  } catch {
    return { ok: false, firstByteMs: performance.now() - started };
  }
}

export async function run(): Promise<BenchResult[]> {
  const sim = await startSimulator({ tickMs: 50, charsPerTick: 80 });
  sim.admin.setDefaultReply(() => ({ text: REPLY }));
  const credentials = Array.from({ length: ACCOUNTS }, (_, i) => sim.admin.createAccount({ name: `load${i}` }).credential);
  const relay = await startHeadless({ agentUrl: sim.url, credentials });
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    // The default queue (200) would turn most of the burst away with 429: this measures queueing.
    await relay.call('settings/update', { pool: { queueLength: 2_000, queueWaitMs: 600_000 } });
    const idleRss = relay.rssMb();
    let peakRss = idleRss;
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, relay.rssMb());
    }, 50);
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: STREAMS }, (_, i) => stream(relay.baseUrl, i)));
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    const entries = (await relay.call('logs/query', { limit: STREAMS })) as { queueWaitMs?: number | null }[];
    const waits = entries.map((entry) => entry.queueWaitMs ?? 0);
    const refused = sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' }).filter((r) => r.status !== 200).length;
    const group = 'load';
    const succeeded = outcomes.filter((o) => o.ok).length;
    return [
      { group, name: 'streams succeeded', value: succeeded, unit: `of ${STREAMS}`, target: `= ${STREAMS}`, pass: succeeded === STREAMS, note: `${ACCOUNTS} accounts, all at once` },
      { group, name: 'sends refused by the upstream', value: refused, unit: 'count', target: '= 0', pass: refused === 0 },
      { group, name: 'queue wait p95', value: percentile(waits, 95), unit: 'ms', note: `request log, ${waits.length} entries` },
      { group, name: 'time to first byte p95', value: percentile(outcomes.map((o) => o.firstByteMs), 95), unit: 'ms', note: 'client side' },
      { group, name: 'wall time', value: wallMs, unit: 'ms' },
      { group, name: 'relay RSS idle', value: idleRss, unit: 'MB', note: `${relay.entry} entry, own process` },
      { group, name: 'relay RSS peak', value: peakRss, unit: 'MB', target: '< 250', pass: peakRss < 250 },
    ];
  } finally {
    if (sampler) clearInterval(sampler);
    await relay.close();
    await sim.close();
  }
}
