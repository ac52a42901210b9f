/**
 * The one stream lifecycle, end to end against the simulator: every dialect answers first and
 * tidies up upstream afterwards, so a slow `delete_chat` never holds a client's response open.
 * The proof is an ordering, not a timing: the client holds the whole answer while the request's
 * log entry (which ends only after the upstream chat is deleted) is still open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anthropicDialect } from './dialects/anthropic';
import { geminiDialect } from './dialects/gemini';
import { openaiDialect } from './dialects/openai';
import { responsesDialect } from './dialects/responses';
import { MODEL_HEADER } from './serve-chat';
import type { RealStack } from './__test__/real-stack';
import { startRealStack } from './__test__/real-stack';
import { waitUntil } from './__test__/serve';

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const messages = [{ role: 'user', content: 'hi' }];
const CASES = [
  { name: 'openai', stream: false, path: '/v1/chat/completions', body: { model: 'MiniMax-M2.7', messages }, done: '"finish_reason":"stop"' },
  { name: 'openai', stream: true, path: '/v1/chat/completions', body: { model: 'MiniMax-M2.7', messages, stream: true }, done: 'data: [DONE]' },
  { name: 'anthropic', stream: false, path: '/v1/messages', body: { model: 'MiniMax-M2.7', max_tokens: 64, messages }, done: '"stop_reason":"end_turn"' },
  { name: 'anthropic', stream: true, path: '/v1/messages', body: { model: 'MiniMax-M2.7', max_tokens: 64, messages, stream: true }, done: 'event: message_stop' },
  { name: 'gemini', stream: false, path: '/v1beta/models/MiniMax-M2.7:generateContent', body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, done: '"finishReason":"STOP"' },
  { name: 'gemini', stream: true, path: '/v1beta/models/MiniMax-M2.7:streamGenerateContent?alt=sse', body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, done: '"finishReason":"STOP"' },
  { name: 'responses', stream: false, path: '/v1/responses', body: { model: 'MiniMax-M2.7', input: 'hi' }, done: '"status":"completed"' },
  { name: 'responses', stream: true, path: '/v1/responses', body: { model: 'MiniMax-M2.7', input: 'hi', stream: true }, done: 'event: response.completed' },
  { name: 'gemini (JSON array)', stream: true, path: '/v1beta/models/MiniMax-M2.7:streamGenerateContent', body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }, done: '"finishReason":"STOP"' },
] as const;

describe('one stream lifecycle', () => {
  it.each(CASES)('$name (stream: $stream) answers before a slow delete_chat finishes', async ({ path, body, done }) => {
    stack = await startRealStack({ dialects: [openaiDialect, anthropicDialect, geminiDialect, responsesDialect] });
    stack.sim.admin.scriptReply({ text: 'pong' });
    // Long enough that the check below runs while the delete is still pending on any machine.
    stack.sim.admin.injectFault({ endpoint: 'delete_chat', kind: 'slow', delayMs: 4_000 });
    const res = await fetch(`${stack.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    const id = res.headers.get('x-request-id') ?? '';
    const log = stack.requestLog;
    expect(res.status).toBe(200);
    expect(text).toContain('pong');
    expect(text).toContain(done);
    expect(res.headers.get(MODEL_HEADER)).toBe('MiniMax-M2.7');
    // The body is complete, and the upstream chat is still being deleted behind it.
    expect(log.get(id)?.status).toBe('streaming');
    await waitUntil(() => log.get(id)?.status === 'success', 15_000);
    expect(stack.sim.admin.requests({ path: '/matrix/api/v1/chat/delete_chat' })).toHaveLength(1);
  });
});
