import { request } from 'node:http';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { RealStack } from './__test__/real-stack';
import { startRealStack } from './__test__/real-stack';

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

/** node:http, because fetch does not let a caller choose the Host header. */
function get(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host header check', () => {
  it('accepts loopback names with the port and refuses others (DNS rebinding)', async () => {
    stack = await startRealStack();
    const port = stack.server.port;
    const url = `${stack.server.url}/v1/models`;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await get(url, { host })).status).toBe(200);
    }
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost']) {
      const res = await get(url, { host });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'forbidden' } });
    }
  });
});

describe('CORS', () => {
  it('is off by default: a cross-origin request is refused', async () => {
    stack = await startRealStack();
    const res = await fetch(`${stack.server.url}/v1/models`, { headers: { origin: 'https://page.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflight and requests from an allowed origin', async () => {
    stack = await startRealStack({ settings: { server: { corsOrigins: ['https://chat.example'] } } });
    const preflight = await fetch(`${stack.server.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://chat.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://chat.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const res = await fetch(`${stack.server.url}/v1/models`, { headers: { origin: 'https://chat.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://chat.example');
    expect((await fetch(`${stack.server.url}/v1/models`, { headers: { origin: 'https://other.example' } })).status).toBe(403);
  });
});

describe('model names', () => {
  it('resolves aliases and wildcards and lists exact aliases', async () => {
    stack = await startRealStack();
    const now = Date.now();
    stack.store.saveMapping({ id: 'm1', pattern: 'gpt-*', target: 'MiniMax-M2.7-Think', accountId: null, createdAt: now });
    stack.store.saveMapping({ id: 'm2', pattern: 'my-fast', target: 'MiniMax-M2.5', accountId: null, createdAt: now });
    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'k', maxRetries: 0 });

    const ids = (await openai.models.list()).data.map((m) => m.id);
    expect(ids).toContain('MiniMax-M2.7');
    expect(ids).toContain('my-fast');
    expect(ids).not.toContain('gpt-*');
    expect((await openai.models.retrieve('my-fast')).id).toBe('my-fast');

    stack.sim.admin.scriptReply({ text: 'ok', thinking: 'thinking...' });
    const { data: wild, response } = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    // The body names the model the client asked for; the header names the MiniMax model that answered.
    expect(wild.model).toBe('gpt-4o');
    expect(response.headers.get('x-minimax-model')).toBe('MiniMax-M2.7-Think');
    expect((wild.choices[0]?.message as { reasoning_content?: string }).reasoning_content).toBe('thinking...');

    stack.sim.admin.scriptReply({ text: 'fast' });
    const { data: alias, response: aliased } = await openai.chat.completions.create({ model: 'my-fast', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(alias.model).toBe('my-fast');
    expect(aliased.headers.get('x-minimax-model')).toBe('MiniMax-M2.5');
    const entry = stack.requestLog.get(alias.id.replace(/^chatcmpl-/, ''));
    expect(entry).toMatchObject({ clientModel: 'my-fast', resolvedModel: 'MiniMax-M2.5' });
  });

  it('turns reasoning off with reasoning_effort none', async () => {
    stack = await startRealStack();
    const openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'k', maxRetries: 0 });
    stack.sim.admin.scriptReply({ text: 'plain' });
    const { data: answer, response } = await openai.chat.completions
      .create({ model: 'MiniMax-M2.7-Think', reasoning_effort: 'none' as 'low', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(answer.model).toBe('MiniMax-M2.7-Think');
    expect(response.headers.get('x-minimax-model')).toBe('MiniMax-M2.7');
  });
});

describe('/health', () => {
  it('reports status, version and pool counts without account details', async () => {
    stack = await startRealStack({ accounts: 2 });
    const res = await fetch(`${stack.server.url}/health`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', version: 'test', pool: { capacity: 2 } });
    expect(JSON.stringify(body)).not.toContain(stack.simAccounts[0]!.realUserId);
  });
});
