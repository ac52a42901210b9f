/** Every request the relay refuses shows in the request log and the stats, with status and reason, bodies left out. */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { anthropicDialect } from './dialects/anthropic';
import { geminiDialect } from './dialects/gemini';
import { openaiDialect } from './dialects/openai';
import { responsesDialect } from './dialects/responses';
import { hashApiKey } from './middleware/api-key-auth';
import type { RealStack } from './__test__/real-stack';
import { startRealStack } from './__test__/real-stack';
import { waitUntil } from './__test__/serve';

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const KEY = 'sk-relay-test';

/** node:http, because fetch does not let a caller choose the Host header. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; id: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, id: String(res.headers['x-request-id'] ?? '') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('refused requests in the request log', () => {
  it('records bad JSON, schema errors, unknown routes, wrong keys, 413 and Host/Origin refusals', async () => {
    stack = await startRealStack({
      dialects: [openaiDialect, anthropicDialect, geminiDialect],
      settings: { server: { bodyLimitMb: 1 } },
    });
    stack.store.setApiKeys([{ id: 'k1', name: 'test', prefix: 'sk-rel', hash: hashApiKey(KEY), createdAt: 0, lastUsedAt: null }]);
    const base = stack.server.url;
    const port = stack.server.port;
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${KEY}` };
    const secret = 'a-secret-prompt-that-must-not-be-logged';
    const cases = [
      { res: await send(`${base}/v1/chat/completions`, { headers: auth, body: '{"model":' }), status: 400, code: 'invalid_json', dialect: 'openai' },
      { res: await send(`${base}/v1/messages`, { headers: auth, body: JSON.stringify({ model: 'claude-x', messages: [{ role: 'user', content: secret }] }) }), status: 400, code: 'invalid_request', dialect: 'anthropic', model: 'claude-x' },
      { res: await send(`${base}/v1/nothing-here`, { headers: auth, body: '{}' }), status: 404, code: 'not_found', dialect: 'openai' },
      { res: await send(`${base}/v1beta/models/gemini-2.5-pro:generateContent`, { headers: { ...auth, authorization: 'Bearer wrong' }, body: '{}' }), status: 401, code: 'unauthorized', dialect: 'gemini', model: 'gemini-2.5-pro' },
      { res: await send(`${base}/v1/chat/completions`, { headers: auth, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(1_200_000) }] }) }), status: 413, code: 'payload_too_large', dialect: 'openai' },
      { res: await send(`${base}/v1/models`, { method: 'GET', headers: { ...auth, host: `evil.example:${port}` } }), status: 403, code: 'forbidden', dialect: 'openai' },
      { res: await send(`${base}/v1/models`, { method: 'GET', headers: { ...auth, origin: 'https://page.example' } }), status: 403, code: 'forbidden', dialect: 'openai' },
    ];
    for (const { res, status, code, dialect, ...rest } of cases) {
      expect(res.status).toBe(status);
      const entry = stack.requestLog.get(res.id);
      expect(entry, `${code} is logged`).toMatchObject({ status: 'error', httpStatus: status, errorCode: code, dialect, requestBody: null, responseBody: null });
      expect(entry?.errorMessage).toBeTruthy();
      if ('model' in rest) expect(entry?.clientModel).toBe(rest.model);
    }
    const schemaEntry = stack.requestLog.get(cases[1]!.res.id);
    expect(schemaEntry?.errorMessage).toContain('max_tokens');
    expect(JSON.stringify(schemaEntry)).not.toContain(secret);
    const stats = stack.requestLog.stats();
    expect(stats.today.requests).toBe(cases.length);
    expect(stats.today.errors).toBe(cases.length);
  });

  it('records the Responses API refusals: bad JSON, schema errors, an unknown previous_response_id or stored id, wrong keys, 413', async () => {
    stack = await startRealStack({ dialects: [openaiDialect, responsesDialect], settings: { server: { bodyLimitMb: 1 } } });
    stack.store.setApiKeys([{ id: 'k1', name: 'test', prefix: 'sk-rel', hash: hashApiKey(KEY), createdAt: 0, lastUsedAt: null }]);
    const url = `${stack.server.url}/v1/responses`;
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${KEY}` };
    const secret = 'a-secret-input-that-must-not-be-logged';
    const cases = [
      { res: await send(url, { headers: auth, body: '{"model":' }), status: 400, code: 'invalid_json', reason: /JSON/i },
      { res: await send(url, { headers: auth, body: JSON.stringify({ model: 'gpt-5', input: [{ type: 'function_call', name: secret }] }) }), status: 400, code: 'invalid_request', reason: /input\[0\]/, model: 'gpt-5' },
      { res: await send(url, { headers: auth, body: JSON.stringify({ model: 'gpt-5', input: secret, previous_response_id: 'resp_gone' }) }), status: 400, code: 'invalid_request', reason: /resp_gone/, model: 'gpt-5' },
      { res: await send(`${url}/resp_missing`, { method: 'GET', headers: auth }), status: 404, code: 'not_found', reason: /resp_missing/ },
      { res: await send(url, { headers: { ...auth, authorization: 'Bearer wrong' }, body: JSON.stringify({ model: 'gpt-5', input: secret }) }), status: 401, code: 'unauthorized', reason: /./ },
      { res: await send(url, { headers: auth, body: JSON.stringify({ model: 'gpt-5', input: 'x'.repeat(1_200_000) }) }), status: 413, code: 'payload_too_large', reason: /./ },
    ];
    for (const { res, status, code, reason, ...rest } of cases) {
      expect(res.status).toBe(status);
      const entry = stack.requestLog.get(res.id);
      expect(entry, `${code} is logged`).toMatchObject({ status: 'error', httpStatus: status, errorCode: code, dialect: 'responses', requestBody: null, responseBody: null });
      expect(entry?.errorMessage).toMatch(reason);
      expect(JSON.stringify(entry)).not.toContain(secret);
      if ('model' in rest) expect(entry?.clientModel).toBe(rest.model);
    }
    expect(stack.requestLog.stats().today.errors).toBe(cases.length);
  });

  it('logs a chat that started once, through the chat runner, not again as a refusal', async () => {
    stack = await startRealStack();
    stack.sim.admin.scriptReply({ text: 'ok' });
    const res = await fetch(`${stack.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'no-such-model-x', messages: [{ role: 'user', content: 'hi' }] }) });
    await res.text();
    const id = res.headers.get('x-request-id') ?? '';
    const log = stack.requestLog;
    await waitUntil(() => log.get(id)?.status === 'success');
    expect(log.get(id)?.endpoint).toBe('/v1/chat/completions');
    expect(stack.requestLog.stats().today.requests).toBe(1);
  });
});
