/**
 * Over 10,000 generated malformed requests to every endpoint (OpenAI chat and Responses, Anthropic, Gemini,
 * management API), over real HTTP with a keep-alive agent and bounded concurrency, to one relay
 * built as the headless host builds it, with the simulator behind it for the few valid requests.
 * Every answer must be a 4xx in the endpoint's error shape (never a 5xx or a dropped connection),
 * the relay must keep serving, and memory after a GC must stay flat.
 */
import fc from 'fast-check';
import type { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { createKeepAliveAgent, parseJson, rawRequest, sseData } from '../support/http';
import { expectPoolIdle } from '../support/leak-checks';
import { badAdminTokenArb, FUZZ_API_KEY, managementArb, oddButValid, proxyArb, type FuzzRequest } from './arbitraries';
import { checkErrorShape, surfaceOf } from './shapes';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);
const CONCURRENCY = 16;
// FUZZ_SCALE (default 1) shrinks or grows every count, e.g. 0.05 for a quick local pass.
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const scaled = (count: number): number => Math.max(1, Math.round(count * SCALE));
const COUNTS = { proxy: scaled(4_000), management: scaled(1_000), valid: scaled(80), huge: scaled(20), badAdmin: scaled(100) };

let stack: CoreStack;
let agent: Agent;

beforeAll(async () => {
  stack = await startCoreStack({
    accounts: 4,
    apiKeys: [FUZZ_API_KEY],
    settings: { server: { bodyLimitMb: 1 } },
    sim: { tickMs: 10, charsPerTick: 200 },
    // The wrong-token backoff (1 s doubling to 10 s per check) would only make the run slow here.
    adminBackoff: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  agent = createKeepAliveAgent(CONCURRENCY);
});

afterAll(async () => {
  agent?.destroy();
  await stack?.close();
});

interface Failure {
  request: FuzzRequest;
  status: number;
  problem: string;
  answer: string;
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : Buffer.isBuffer(request.body) ? request.body.toString('hex').slice(0, 120) : request.body.slice(0, 120);
  return `${request.kind}: ${request.method} ${request.path} ${JSON.stringify(request.headers)} ${body}`;
}

/** For a 200: a JSON body that parses, or SSE frames that each parse (CR/LF in names must not split frames). */
function checkSuccess(text: string, contentType: string): string | null {
  if (contentType.includes('text/event-stream')) {
    const frames = sseData(text).filter((data) => data !== '[DONE]');
    if (frames.length === 0) return 'empty stream';
    const bad = frames.find((data) => parseJson(data) === undefined);
    return bad === undefined ? null : `SSE frame is not JSON: ${bad.slice(0, 80)}`;
  }
  return parseJson(text) === undefined ? '200 body is not JSON' : null;
}

async function send(request: FuzzRequest): Promise<Failure | null> {
  const surface = surfaceOf(request.path);
  let status = 0;
  let text = '';
  let contentType = '';
  try {
    const res = await rawRequest(stack.port, { method: request.method, path: request.path, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) }, agent);
    ({ status, text } = res);
    contentType = String(res.headers['content-type'] ?? '');
  } catch (error) {
    return { request, status: 0, problem: `no answer: ${(error as Error).message}`, answer: '' };
  }
  const fail = (problem: string): Failure => ({ request, status, problem, answer: text.slice(0, 300) });
  if (status >= 500 || status < 200) return fail(`status ${status}`);
  if (status >= 400) {
    const shape = checkErrorShape(surface, parseJson(text));
    return shape ? fail(`${surface} error shape: ${shape}`) : null;
  }
  if (request.mustReject) return fail(`accepted with ${status}`);
  const framing = checkSuccess(text, contentType);
  return framing ? fail(framing) : null;
}

async function sendAll(requests: readonly FuzzRequest[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const failure = await send(requests[next++]!);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

function hugeBodies(count: number): FuzzRequest[] {
  const filler = 'x'.repeat(1.3 * 1024 * 1024);
  // Built once and shared: the test's own allocations must not show up as the relay's growth.
  const proxyBody = Buffer.from(JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: filler }] }));
  // The management API accepts up to 50 MB (a backup restore carries a whole file).
  const managementBody = Buffer.from(JSON.stringify({ text: filler.repeat(40) }));
  return Array.from({ length: count }, (_, i) => {
    const path = ['/v1/chat/completions', '/v1/messages', '/v1beta/models/MiniMax-M2.7:generateContent', '/v1/responses', '/api/accounts/import'][i % 5]!;
    const management = path.startsWith('/api/');
    const auth: Record<string, string> = management ? { authorization: `Bearer ${stack.adminToken}` } : { authorization: `Bearer ${FUZZ_API_KEY}`, 'x-api-key': FUZZ_API_KEY, 'x-goog-api-key': FUZZ_API_KEY };
    return { kind: 'body over the limit', method: 'POST', path, headers: { 'content-type': 'application/json', ...auth }, body: management ? managementBody : proxyBody, mustReject: true };
  });
}

/**
 * Heap and RSS after a full GC, with no client connection open: an idle keep-alive socket keeps
 * its last request (body included) reachable on the server until the next one, so open sockets
 * would hold up to CONCURRENCY bodies of whatever kind came last. The server sees the sockets
 * close a few event-loop turns later, hence the short settle loop.
 */
async function memory(): Promise<{ heapMb: number; rssMb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (vitest.fuzz.config.ts)');
  agent.destroy();
  agent = createKeepAliveAgent(CONCURRENCY);
  let best = { heapMb: Number.POSITIVE_INFINITY, rssMb: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    const usage = process.memoryUsage();
    best = { heapMb: Math.min(best.heapMb, usage.heapUsed / 2 ** 20), rssMb: Math.min(best.rssMb, usage.rss / 2 ** 20) };
  }
  return best;
}

/** One pass: every surface interleaved, so all are under load at the same time. */
function generate(seed: number): FuzzRequest[] {
  const proxy = fc.sample(proxyArb(), { numRuns: COUNTS.proxy, seed });
  const management = fc.sample(managementArb(stack.adminToken), { numRuns: COUNTS.management, seed: seed + 1 });
  const valid = fc.sample(oddButValid, { numRuns: COUNTS.valid, seed: seed + 2 });
  const all = [...proxy, ...management, ...valid, ...hugeBodies(COUNTS.huge)];
  const [mixed] = fc.sample(fc.shuffledSubarray(all, { minLength: all.length }), { numRuns: 1, seed: seed + 3 });
  if (!mixed) throw new Error('no sample');
  return mixed;
}

function summarise(failures: readonly Failure[]): string {
  const byKind = new Map<string, Failure[]>();
  for (const failure of failures) byKind.set(`${failure.request.kind} → ${failure.problem}`, [...(byKind.get(`${failure.request.kind} → ${failure.problem}`) ?? []), failure]);
  return [...byKind.entries()].map(([key, list]) => `${list.length}× ${key}\n   e.g. ${describeRequest(list[0]!.request)}\n   answer ${list[0]!.status}: ${list[0]!.answer}`).join('\n');
}

describe('fuzz: malformed requests to every endpoint', () => {
  it(`answers ${2 * (COUNTS.proxy + COUNTS.management + COUNTS.valid + COUNTS.huge) + COUNTS.badAdmin} requests with 4xx in the right shape, keeps serving, memory flat (seed ${SEED})`, async () => {
    // Two passes of different requests: the first brings lazily grown things (JIT code, buffers
    // and pools sized by the biggest inputs seen) to their high-water mark; the second must not
    // grow memory beyond a small bound.
    const failures = await sendAll(generate(SEED));
    const before = await memory();
    failures.push(...(await sendAll(generate(SEED + 100))));
    // Wrong admin tokens last: after ten of them each wrong one waits for the global backoff (429).
    failures.push(...(await sendAll(fc.sample(badAdminTokenArb(), { numRuns: COUNTS.badAdmin, seed: SEED + 4 }))));
    await expectPoolIdle(stack.core, 30_000);
    const after = await memory();

    expect(failures.length, summarise(failures)).toBe(0);
    const health = await rawRequest(stack.port, { method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    expect(after.heapMb - before.heapMb, `heap ${before.heapMb.toFixed(1)} → ${after.heapMb.toFixed(1)} MB`).toBeLessThan(32);
    expect(after.rssMb - before.rssMb, `RSS ${before.rssMb.toFixed(1)} → ${after.rssMb.toFixed(1)} MB`).toBeLessThan(128);
  });
});
