import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings';
import type { ApiKeyUseTracker } from './middleware/api-key-auth';
import { hashApiKey } from './middleware/api-key-auth';
import { geminiDialect } from './dialects/gemini';
import { openaiDialect } from './dialects/openai';
import { createFastLane } from './fast-lane';
import { startRealStack, type RealStack } from './__test__/real-stack';

const FELL_THROUGH = 599;

function touches(): ApiKeyUseTracker & { seen: string[] } {
  const seen: string[] = [];
  return { seen, touch: (id) => seen.push(id), flush: () => undefined, stop: () => undefined };
}

let server: Server | null = null;
let stack: RealStack | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  await stack?.close();
  stack = null;
});

/** A server whose only handler is the fast lane; whatever it leaves is answered 599. */
async function serveLane(apiKeys: string[] = []): Promise<{ port: number; tracker: ReturnType<typeof touches> }> {
  const settings = defaultSettings();
  settings.apiKeys = apiKeys.map((key, i) => ({ id: `k${i}`, name: 'k', prefix: 'sk-', hash: hashApiKey(key), createdAt: 0, lastUsedAt: null }));
  const tracker = touches();
  let version = 0;
  const lane = createFastLane({ routes: new Map([['/v1/models', () => `{"v":${++version}}`]]), getSettings: () => settings, tracker, now: () => 7 });
  server = createServer((req, res) => {
    if (!lane(req, res)) res.writeHead(FELL_THROUGH).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, tracker };
}

/** node:http request, so the Host header can be anything. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fast lane', () => {
  it('answers a plain GET on the exact path, with a request id and the body of that moment', async () => {
    const { port } = await serveLane();
    const first = await get(port, '/v1/models');
    expect(first).toMatchObject({ status: 200, body: '{"v":1}' });
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get(port, '/v1/models')).body).toBe('{"v":2}');
  });

  it('leaves everything else to the router: other paths, query strings, methods, Origin, foreign Host', async () => {
    const { port } = await serveLane();
    expect((await get(port, '/v1/models/')).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models?api_key=x')).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/chat/completions')).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', {}, 'HEAD')).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', {}, 'POST')).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', { origin: 'https://page.example' })).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', { host: 'evil.example' })).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', { host: `localhost:${port + 1}` })).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('with keys configured, answers only a right key (from any of the three headers) and records its use', async () => {
    const { port, tracker } = await serveLane(['sk-good']);
    expect((await get(port, '/v1/models')).status).toBe(FELL_THROUGH);
    expect((await get(port, '/v1/models', { authorization: 'Bearer sk-bad' })).status).toBe(FELL_THROUGH);
    expect(tracker.seen).toEqual([]);
    expect((await get(port, '/v1/models', { authorization: 'Bearer sk-good' })).status).toBe(200);
    expect((await get(port, '/v1/models', { 'x-api-key': 'sk-good' })).status).toBe(200);
    expect((await get(port, '/v1/models', { 'x-goog-api-key': 'sk-good' })).status).toBe(200);
    expect(tracker.seen).toEqual(['k0', 'k0', 'k0']);
  });
});

describe('model lists through the relay', () => {
  it('the shortcut and the router give the same body, and a new alias is listed at once', async () => {
    stack = await startRealStack({ accounts: 1 });
    const base = stack.server.url;
    const fast = await fetch(`${base}/v1/models`);
    // A query string takes the router.
    const routed = await fetch(`${base}/v1/models?limit=100`);
    expect(fast.headers.get('content-type')).toBe(routed.headers.get('content-type'));
    expect(await fast.text()).toBe(await routed.text());

    stack.store.saveMapping({ id: 'm1', pattern: 'gpt-4o', target: 'MiniMax-M2.7', accountId: null, createdAt: 1_000 });
    const listed = (await (await fetch(`${base}/v1/models`)).json()) as { data: { id: string; owned_by: string }[] };
    expect(listed.data.find((model) => model.id === 'gpt-4o')).toMatchObject({ owned_by: 'minimax-relay' });
  });

  it('keys configured: a missing key still gets the dialect\'s 401, a right one the list', async () => {
    stack = await startRealStack({ accounts: 1, dialects: [openaiDialect, geminiDialect] });
    stack.store.setApiKeys([{ id: 'k1', name: 'k', prefix: 'sk-', hash: hashApiKey('sk-good'), createdAt: 0, lastUsedAt: null }]);
    const base = stack.server.url;
    const refused = await fetch(`${base}/v1/models`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { type: expect.any(String), message: expect.stringMatching(/API key is required/) } });
    const gemini = await fetch(`${base}/v1beta/models`, { headers: { 'x-goog-api-key': 'sk-good' } });
    expect(gemini.status).toBe(200);
    expect(((await gemini.json()) as { models: { name: string }[] }).models.map((model) => model.name)).toContain('models/MiniMax-M2.7');
  });
});
