import { describe, expect, it } from 'vitest';
import { extractError, extractReplyText, sendTestRequest } from './test-request';

describe('test request', () => {
  it('reads the reply text of each dialect', () => {
    expect(extractReplyText('openai', { choices: [{ message: { content: 'pong' } }] })).toBe('pong');
    expect(extractReplyText('anthropic', { content: [{ type: 'thinking', thinking: 'x' }, { type: 'text', text: 'pong' }] })).toBe('pong');
    expect(extractReplyText('gemini', { candidates: [{ content: { parts: [{ text: 'hm', thought: true }, { text: 'pong' }] } }] })).toBe('pong');
  });

  it('keeps a relay error code from any envelope', () => {
    expect(extractError({ error: { type: 'no_account', message: 'No account.' } }, 503)).toEqual({ code: 'no_account', message: 'No account.' });
    expect(extractError(null, 502).code).toBe('upstream_unavailable');
  });

  it('sends the dialect request with the local key and reports status and latency', async () => {
    let seen: { url: string; headers: Record<string, string> } | null = null;
    let time = 0;
    const fetch = (async (url: string, init: RequestInit) => {
      seen = { url, headers: init.headers as Record<string, string> };
      time += 25;
      return new Response(JSON.stringify({ content: [{ type: 'text', text: 'pong' }] }), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const result = await sendTestRequest({ fetch, now: () => time }, { baseUrl: 'http://relay', key: 'sk-relay-x', dialect: 'anthropic', model: 'MiniMax-M2.7' });
    expect(result).toEqual({ dialect: 'anthropic', ok: true, status: 200, text: 'pong', latencyMs: 25, error: null });
    expect(seen).toMatchObject({ url: 'http://relay/v1/messages', headers: { 'x-api-key': 'sk-relay-x' } });
  });
});
