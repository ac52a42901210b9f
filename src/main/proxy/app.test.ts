import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { hashApiKey } from './middleware/api-key-auth';
import type { RelayServer } from './server';
import { createFakeDeps } from './__test__/fakes';
import type { FakeDeps } from './__test__/fakes';
import { parseSseData, serveApp } from './__test__/serve';

let server: RelayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(deps: FakeDeps = createFakeDeps()): Promise<{ deps: FakeDeps; url: string }> {
  server = await serveApp(deps);
  return { deps, url: server.url };
}

function chatBody(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'hi' }], ...extra });
}

const json = { 'content-type': 'application/json' };

describe('proxy app', () => {
  it('answers a non-streaming chat completion', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: chatBody() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { choices: { message: { content: string } }[]; usage: { completion_tokens: number } };
    expect(body.choices[0]?.message.content).toBe('hello');
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
  });

  it('streams chunks and ends with [DONE]', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: chatBody({ stream: true, stream_options: { include_usage: true } }) });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const frames = parseSseData(await res.text());
    expect(frames.at(-1)).toBe('[DONE]');
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f) as { choices: { delta: { content?: string }; finish_reason: string | null }[]; usage?: unknown });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('hello');
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'stop')).toBe(true);
    expect(chunks.at(-1)?.usage).toBeDefined();
  });

  it('refuses malformed JSON with 400 invalid_json in the OpenAI envelope', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: '{"model":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_json', type: 'invalid_request_error' } });
  });

  it('answers 400, never 500, for a body that does not decompress or a malformed URL escape', async () => {
    const { url } = await start();
    const gzipped = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: 'this is not gzip',
    });
    expect(gzipped.status).toBe(400);
    expect(((await gzipped.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    const escaped = await fetch(`${url}/v1/models/%E0%A4%A`);
    expect(escaped.status).toBe(400);
    expect(((await escaped.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('names the wrong field with 400 invalid_request', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 5 }] }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; param: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.param).toBe('messages[0].content');
  });

  it('answers 404 for unknown routes, 413 for big bodies', async () => {
    const deps = createFakeDeps();
    deps.settings.server.bodyLimitMb = 1;
    const { url } = await start(deps);
    expect((await fetch(`${url}/v1/nope`)).status).toBe(404);
    const big = chatBody({ pad: 'x'.repeat(1_100_000) });
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('maps pool errors to 429 with Retry-After and 503', async () => {
    const { deps, url } = await start();
    deps.pool.failWith = new RelayError('queue_full', 'The queue is full.', { retryAfterSec: 7 });
    const full = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: chatBody() });
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('7');
    deps.pool.failWith = new RelayError('no_account', 'No account.');
    expect((await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: json, body: chatBody() })).status).toBe(503);
  });

  it('requires a valid API key when keys exist, and refuses ?api_key=', async () => {
    const deps = createFakeDeps();
    deps.settings.apiKeys = [{ id: 'k1', name: 'k', prefix: 'sk-', hash: hashApiKey('sk-good'), createdAt: 0, lastUsedAt: null }];
    const { url } = await start(deps);
    expect((await fetch(`${url}/v1/models`)).status).toBe(401);
    expect((await fetch(`${url}/v1/models`, { headers: { authorization: 'Bearer sk-bad' } })).status).toBe(401);
    expect((await fetch(`${url}/v1/models`, { headers: { authorization: 'Bearer sk-good' } })).status).toBe(200);
    expect((await fetch(`${url}/v1/models`, { headers: { 'x-api-key': 'sk-good' } })).status).toBe(200);
    expect((await fetch(`${url}/v1/models`, { headers: { 'x-goog-api-key': 'sk-good' } })).status).toBe(200);
    const query = await fetch(`${url}/v1/models?api_key=sk-good`);
    expect(query.headers.get('content-type')).toContain('json');
    expect(query.status).toBe(401);
    expect(((await query.json()) as { error: { message: string } }).error.message).toMatch(/header/);
  });

  it('lists models and answers /health', async () => {
    const { url } = await start();
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { object: string; data: { id: string }[] };
    expect(models.object).toBe('list');
    expect(models.data.map((m) => m.id)).toContain('MiniMax-M2.7-Think');
    expect((await fetch(`${url}/v1/models/MiniMax-M2.7`)).status).toBe(200);
    expect((await fetch(`${url}/v1/models/nope`)).status).toBe(404);
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string; pool: { capacity: number } };
    expect(health).toMatchObject({ status: 'ok', pool: { capacity: 2 } });
  });

  it('records API-key use coalesced, written on flush', async () => {
    const writes: ReadonlyMap<string, number>[] = [];
    const deps = createFakeDeps(['a1'], { recordApiKeyUse: (batch) => writes.push(new Map(batch)) });
    deps.settings.apiKeys = [{ id: 'k1', name: 'k', prefix: 'sk-', hash: hashApiKey('sk-good'), createdAt: 0, lastUsedAt: null }];
    server = await serveApp(deps);
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/v1/models`, { headers: { authorization: 'Bearer sk-good' } });
    expect(writes).toHaveLength(0);
    await server.close();
    server = null;
    expect(writes).toHaveLength(1);
    expect([...writes[0]!.keys()]).toEqual(['k1']);
  });
});
