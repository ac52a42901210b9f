/**
 * One chat reply through the platform's OpenAI-compatible endpoint. The upstream call always
 * streams (the relay collects for non-streaming clients), so the first event is ready as soon as
 * the model starts and failover can still happen before it.
 */
import { randomUUID } from 'node:crypto';
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError } from '../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../../relay/canonical';
import type { ProviderChatOptions } from '../types';
import { businessError, type OpenHttp } from './http';
import { CHAT_PATH, chunkSchema } from './protocol';
import { createReplyEvents } from './reply-events';
import { toChatBody } from './request-body';
import { readEventStream } from './sse-lines';

const newCallId = (): string => `call_${randomUUID().replaceAll('-', '').slice(0, 24)}`;

async function* payloadsOf(response: Response): AsyncGenerator<unknown, void, undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!response.body) return;
  if (type.includes('text/event-stream')) {
    yield* readEventStream(response.body, CHAT_PATH);
    return;
  }
  // A gateway that ignores `stream: true` answers with one JSON completion.
  yield (await response.json()) as unknown;
}

export async function* runOpenChat(http: OpenHttp, request: CanonicalRequest, options: ProviderChatOptions): AsyncGenerator<CanonicalEvent, void, undefined> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  const body = toChatBody(request, options.model.id);
  try {
    const response = await http.send(options.account, CHAT_PATH, { method: 'POST', body, signal });
    const reply = createReplyEvents({ reasoning: options.model.capabilities.thinking, newCallId });
    for await (const payload of payloadsOf(response)) {
      const failure = businessError(payload, CHAT_PATH);
      if (failure) throw failure;
      const chunk = chunkSchema.safeParse(payload);
      // An event the relay does not understand (a keep-alive, a new kind) is skipped, never fatal.
      if (!chunk.success) continue;
      yield* reply.push(chunk.data);
    }
    yield* reply.end();
  } catch (error) {
    if (options.signal.aborted) throw new RelayError('aborted', 'The client closed the request.');
    if (signal.aborted) {
      const seconds = Math.round(options.timeoutMs / 1000);
      throw new RelayError('timeout', `The MiniMax Open Platform did not finish the reply within ${seconds} s.`, reasonDetail('open_reply_timeout', { seconds }));
    }
    throw error;
  }
}
