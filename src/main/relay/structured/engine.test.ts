import { describe, expect, it } from 'vitest';
import type { RelayError } from '../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../canonical';
import type { ChatStream } from '../types';
import { createFormatChecker } from './check';
import { createStructuredOutput } from './engine';

const usage = { inputTokens: 10, outputTokens: 5, estimated: false };

/** A fake chat whose events are `reply`, recording how it was let go. */
function fakeChat(reply: CanonicalEvent[], log: string[], name: string): ChatStream {
  let index = 0;
  return {
    requestId: name,
    model: 'MiniMax-M2.7',
    events: {
      next: async () => (index < reply.length ? { done: false, value: reply[index++] as CanonicalEvent } : { done: true, value: undefined }),
      return: async () => {
        log.push(`${name}:return`);
        return { done: true, value: undefined };
      },
    },
    async reject(error: RelayError) {
      index = reply.length;
      log.push(`${name}:reject:${error.code}`);
    },
  };
}

const textReply = (text: string): CanonicalEvent[] => [
  { type: 'reasoning', text: 'thinking' },
  { type: 'text', text },
  { type: 'usage', usage },
  { type: 'finish', reason: 'stop' },
];

function setup(replies: CanonicalEvent[][]) {
  const log: string[] = [];
  const requests: CanonicalRequest[] = [];
  const engine = createStructuredOutput({
    checker: createFormatChecker(() => {}),
    start: async (request) => {
      requests.push(request);
      return fakeChat(replies[requests.length - 1] ?? [], log, `chat${requests.length}`);
    },
  });
  const request: CanonicalRequest = {
    id: 'r1',
    dialect: 'openai',
    model: 'MiniMax-M2.7',
    stream: true,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'give json' }] }],
    responseFormat: { type: 'json_schema', schema: { type: 'object', required: ['a'], properties: { a: { type: 'number' } } } },
  };
  const http = { signal: new AbortController().signal, endpoint: '/v1/chat/completions' };
  return { log, requests, engine, request, http };
}

async function collect(chat: ChatStream): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  for (let next = await chat.events.next(); !next.done; next = await chat.events.next()) out.push(next.value);
  return out;
}

describe('structured output engine', () => {
  it('forwards reasoning, holds the text and releases the checked JSON once', async () => {
    const { engine, request, http, requests } = setup([textReply('```json\n{"a": 1}\n```')]);
    const events = await collect(await engine.startChat(request, http));
    expect(events).toEqual([{ type: 'reasoning', text: 'thinking' }, { type: 'text', text: '{"a":1}' }, { type: 'usage', usage }, { type: 'finish', reason: 'stop' }]);
    expect(requests).toHaveLength(1);
  });

  it('asks once for a repair, adds up usage, and refuses after a second failure', async () => {
    const repaired = setup([textReply('{"b": 1}'), textReply('{"a": 2}')]);
    const events = await collect(await repaired.engine.startChat(repaired.request, repaired.http));
    expect(events.filter((e) => e.type !== 'reasoning')).toEqual([
      { type: 'text', text: '{"a":2}' },
      { type: 'usage', usage: { inputTokens: 20, outputTokens: 10, estimated: false } },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(repaired.requests[1]?.id).toBe('r1-repair');
    expect(repaired.requests[1]?.tools).toBeUndefined();
    expect(repaired.log).toContain('chat1:reject:structured_output_invalid');

    const failing = setup([textReply('nope'), textReply('still nope')]);
    const chat = await failing.engine.startChat(failing.request, failing.http);
    await expect(collect(chat)).rejects.toMatchObject({ code: 'structured_output_invalid' });
    expect(failing.log).toEqual(expect.arrayContaining(['chat1:reject:structured_output_invalid', 'chat2:reject:structured_output_invalid']));
  });

  it('lets the upstream go when the dialect gives up before reading', async () => {
    const { engine, request, http, log } = setup([textReply('{"a":1}')]);
    const chat = await engine.startChat(request, http);
    await chat.events.return?.();
    expect(log).toEqual(['chat1:return']);
  });

  it('passes a request without a response format straight through', async () => {
    const { engine, request, http, requests } = setup([textReply('plain prose')]);
    const { responseFormat: _format, ...plain } = request;
    const events = await collect(await engine.startChat(plain, http));
    expect(events.find((e) => e.type === 'text')).toEqual({ type: 'text', text: 'plain prose' });
    expect(requests[0]?.messages).toHaveLength(1);
  });
});
