/** Anthropic routes: `POST /v1/messages` (stream and not) and `POST /v1/messages/count_tokens`. */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { toErrorInfo } from '../../../../shared/errors';
import type { CanonicalEvent } from '../../canonical';
import { statusForError } from '../../errors';
import { getRequestId } from '../../middleware/request-id';
import { createSseWriter } from '../../sse-writer';
import { clientGone } from '../client-gone';
import type { ChatStream, DialectContext } from '../types';
import { toAnthropicErrorBody } from './errors';
import type { MessageMeta } from './from-canonical';
import { collectMessage, createMessageEncoder } from './from-canonical';
import { toCanonical, toCanonicalForCount } from './to-canonical';

const MESSAGES_PATH = '/v1/messages';

function iterable(iterator: AsyncIterator<CanonicalEvent>): AsyncIterable<CanonicalEvent> {
  return { [Symbol.asyncIterator]: () => iterator };
}

async function streamMessage(res: Response, events: AsyncIterable<CanonicalEvent>, chat: ChatStream, meta: MessageMeta, context: DialectContext): Promise<void> {
  // Anthropic clients expect `event: ping` frames (not comments) while the model is quiet.
  const sse = createSseWriter(res, { heartbeatMs: 0 });
  const encoder = createMessageEncoder(meta);
  let lastFrameAt = Date.now();
  const send = (frames: { name: string; data: Record<string, unknown> }[]): void => {
    for (const frame of frames) sse.event(frame.name, frame.data);
    if (frames.length > 0) lastFrameAt = Date.now();
  };
  const pinger = setInterval(() => {
    if (Date.now() - lastFrameAt >= context.heartbeatMs) send([{ name: 'ping', data: { type: 'ping' } }]);
  }, Math.max(50, Math.floor(context.heartbeatMs / 2)));
  pinger.unref();
  try {
    send(encoder.start());
    send([{ name: 'ping', data: { type: 'ping' } }]);
    for await (const event of events) {
      if (sse.closed) break;
      send(encoder.encode(event));
    }
  } catch (error) {
    // Headers are gone: the error travels as an `error` event so the client sees the reply was cut.
    const info = toErrorInfo(error);
    sse.event('error', toAnthropicErrorBody(info, statusForError(info.code)));
  } finally {
    clearInterval(pinger);
    if (sse.closed) await chat.events.return?.();
    sse.end();
  }
}

async function handleMessages(req: Request, res: Response, context: DialectContext): Promise<void> {
  const request = toCanonical(req.body, getRequestId(res));
  const gone = clientGone(res);
  try {
    const chat = await context.startChat(request, { signal: gone.signal, endpoint: MESSAGES_PATH });
    const meta: MessageMeta = { id: `msg_${chat.requestId.replaceAll('-', '')}`, model: chat.model, inputTokens: context.countTokens(request) };
    const events = iterable(chat.events);
    if (request.stream) await streamMessage(res, events, chat, meta, context);
    else res.json(await collectMessage(events, meta));
  } finally {
    gone.detach();
  }
}

export function createAnthropicRouter(context: DialectContext): Router {
  const router = Router();
  router.post(MESSAGES_PATH, (req, res) => handleMessages(req, res, context));
  router.post(`${MESSAGES_PATH}/count_tokens`, (req, res) => {
    res.json({ input_tokens: context.countTokens(toCanonicalForCount(req.body, getRequestId(res))) });
  });
  return router;
}
