/**
 * `/v1/models` throughput of the relay (Host check, client API-key check, model listing) against a
 * bare node:http server answering the same JSON: the ratio is what the relay's checks and routing
 * cost. The relay has a client key configured and every request presents it, the dearer case.
 * Same load generator for both (keep-alive, fixed concurrency, fixed duration, same headers).
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashApiKey } from '../src/main/proxy/middleware/api-key-auth';
import { startRealStack } from '../src/main/proxy/__test__/real-stack';
import type { BenchResult } from './run';

const CONCURRENCY = 16;
const DURATION_MS = 3_000;
const KEY = 'sk-bench-models-rps';
const HEADERS = { authorization: `Bearer ${KEY}` };

function getOnce(agent: Agent, url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: 'GET', headers: HEADERS }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function measureRps(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(url);
  for (let i = 0; i < 200; i++) await getOnce(agent, target);
  let count = 0;
  const until = performance.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await getOnce(agent, target);
        count += 1;
      }
    }),
  );
  agent.destroy();
  return count / ((performance.now() - started) / 1000);
}

export async function run(): Promise<BenchResult[]> {
  const stack = await startRealStack({ accounts: 1 });
  stack.store.setApiKeys([{ id: 'bench', name: 'bench', prefix: 'sk-bench', hash: hashApiKey(KEY), createdAt: Date.now(), lastUsedAt: null }]);
  const body = await (await fetch(`${stack.baseURL}/models`, { headers: HEADERS })).text();
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  try {
    const bareRps = await measureRps(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/v1/models`);
    const relayRps = await measureRps(`${stack.baseURL}/models`);
    return [
      { group: 'proxy-models-rps', name: 'bare node:http', value: Math.round(bareRps), unit: 'req/s', note: `${CONCURRENCY} keep-alive clients, ${DURATION_MS / 1000} s, client key presented` },
      { group: 'proxy-models-rps', name: 'relay /v1/models', value: Math.round(relayRps), unit: 'req/s' },
      { group: 'proxy-models-rps', name: 'relay / bare', value: relayRps / bareRps, unit: 'ratio' },
    ];
  } finally {
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await stack.close();
  }
}
