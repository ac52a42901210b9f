import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../middleware/api-key-auth';
import type { RealStack } from '../../__test__/real-stack';
import { startRealStack } from '../../__test__/real-stack';

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const user = [{ role: 'user' as const, content: 'hi' }];

async function apiError(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('expected an API error');
}

function post(s: RealStack, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${s.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('OpenAI dialect error answers', () => {
  it('answers bad input with 400 / 404 / 413 in the OpenAI envelope', async () => {
    stack = await startRealStack({ settings: { server: { bodyLimitMb: 1 } } });
    const malformed = await post(stack, '{"model": "x", "messages": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_json', type: 'invalid_request_error' } });

    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'k', maxRetries: 0 });
    const wrongType = await apiError(openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user, temperature: 'hot' as unknown as number }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.code).toBe('invalid_request');
    expect(wrongType.param).toBe('temperature');

    const unknownRoute = await fetch(`${stack.baseURL}/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toMatchObject({ error: { code: 'not_found' } });

    const tooBig = await post(stack, JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'x'.repeat(1_200_000) }] }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(stack.sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' })).toHaveLength(0);
  });

  it('requires the client API key in a header and refuses ?api_key=', async () => {
    stack = await startRealStack();
    stack.store.setApiKeys([{ id: 'k1', name: 'test', prefix: 'sk-relay', hash: hashApiKey('sk-relay-right'), createdAt: 0, lastUsedAt: null }]);
    const missing = await fetch(`${stack.baseURL}/models`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized', type: 'authentication_error' } });
    const wrong = await apiError(new OpenAI({ baseURL: stack.baseURL, apiKey: 'sk-relay-wrong', maxRetries: 0 }).chat.completions.create({ model: 'MiniMax-M2.7', messages: user }));
    expect(wrong.status).toBe(401);
    expect(wrong.code).toBe('unauthorized');
    const right = new OpenAI({ baseURL: stack.baseURL, apiKey: 'sk-relay-right', maxRetries: 0 });
    expect((await right.chat.completions.create({ model: 'MiniMax-M2.7', messages: user })).choices[0]?.message.content).toBeTruthy();
    const query = await fetch(`${stack.baseURL}/models?api_key=sk-relay-right`);
    expect(query.status).toBe(401);
    expect(((await query.json()) as { error: { message: string } }).error.message).toMatch(/Authorization: Bearer/);
  });

  it('answers 429 with Retry-After when the queue is full', async () => {
    stack = await startRealStack({ settings: { pool: { queueLength: 0 } } });
    stack.sim.admin.scriptReply({ text: 'slow', neverFinish: true });
    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'k', maxRetries: 0 });
    const first = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user, stream: true });
    const full = await apiError(openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user }));
    expect(full.status).toBe(429);
    expect(full.code).toBe('queue_full');
    expect(Number(full.headers?.get('retry-after'))).toBeGreaterThan(0);
    first.controller.abort();
  });

  it('answers 503 when no account is usable and 502 when the upstream fails', async () => {
    stack = await startRealStack();
    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'k', maxRetries: 0 });
    const id = stack.accountIds[0]!;
    stack.repository.setEnabled(id, false);
    const none = await apiError(openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user }));
    expect(none.status).toBe(503);
    expect(none.code).toBe('no_account');

    stack.repository.setEnabled(id, true);
    stack.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'http500', count: 5 });
    const failed = await apiError(openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user }));
    expect(failed.status).toBe(502);
    expect(String(failed.code)).toMatch(/^upstream_/);
  });
});
