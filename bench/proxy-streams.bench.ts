/**
 * Load: 200 concurrent streaming requests over 50 accounts (one running reply per account, the
 * rest queue). Reports how many succeeded, the queue wait p95 from the request log, wall time and
 * the peak RSS of this process. The load generator, the relay and the simulator share one process,
 * so on a busy machine the clients' own connection set-up spreads the arrivals out and less of the
 * load queues than the numbers of streams and accounts suggest.
 */
import { startRealStack } from '../src/main/proxy/__test__/real-stack';
import { percentile } from './delivery-lag.bench';
import type { BenchResult } from './run';

const ACCOUNTS = 50;
const STREAMS = 200;
const REPLY_CHARS = 800; // 10 steps of 80 chars every 100 ms ≈ 1 s per reply

async function stream(baseURL: string, i: number): Promise<boolean> {
  const res = await fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: `Request number ${i}.` }] }),
  });
  const body = await res.text();
  return res.status === 200 && body.includes('[DONE]') && !body.includes('"error"');
}

export async function run(): Promise<BenchResult[]> {
  const stack = await startRealStack({ accounts: ACCOUNTS, sim: { tickMs: 100, charsPerTick: 80 } });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  try {
    stack.sim.admin.setDefaultReply(() => ({ text: 'streaming load test '.repeat(REPLY_CHARS / 20) }));
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: STREAMS }, (_, i) => stream(stack.baseURL, i)));
    const wallMs = performance.now() - started;
    await stack.requestLog.flush();
    const waits = stack.requestLog.query({ limit: STREAMS }).map((entry) => entry.queueWaitMs ?? 0);
    const overlapping = stack.sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' }).filter((r) => r.status !== 200).length;
    return [
      { group: 'proxy-streams', name: 'streams succeeded', value: results.filter(Boolean).length, unit: `of ${STREAMS}`, target: `= ${STREAMS}`, note: `${ACCOUNTS} accounts` },
      { group: 'proxy-streams', name: 'sends refused by the upstream', value: overlapping, unit: 'count', target: '= 0', note: 'a refusal means two chats ran on one account' },
      { group: 'proxy-streams', name: 'queue wait p95', value: percentile(waits, 95), unit: 'ms' },
      { group: 'proxy-streams', name: 'wall time', value: wallMs, unit: 'ms' },
      { group: 'proxy-streams', name: 'peak RSS (relay + simulator)', value: peakRss / 1024 / 1024, unit: 'MB' },
    ];
  } finally {
    clearInterval(sampler);
    await stack.close();
  }
}
