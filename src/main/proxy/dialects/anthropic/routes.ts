/** Anthropic routes: `POST /v1/messages` (stream and not) and `POST /v1/messages/count_tokens`. */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { getRequestId } from '../../middleware/request-id';
import { serveChat } from '../../serve-chat';
import { sseTransport } from '../../stream-transports';
import type { ChatEncoder, ChatStream, DialectContext, StreamFrame } from '../types';
import { toAnthropicErrorBody } from './errors';
import type { MessageMeta, SseEvent } from './from-canonical';
import { collectMessage, createMessageEncoder } from './from-canonical';
import { toCanonical, toCanonicalForCount } from './to-canonical';

export const MESSAGES_PATH = '/v1/messages';

const PING: StreamFrame = { event: 'ping', data: { type: 'ping' } };
// Anthropic clients expect `event: ping` frames (not comments) while the model is quiet.
const SSE = sseTransport({ ping: { event: 'ping', data: { type: 'ping' } } });

const toFrames = (events: SseEvent[]): StreamFrame[] => events.map((e) => ({ event: e.name, data: e.data }));

function createEncoder(meta: MessageMeta): ChatEncoder {
  const encoder = createMessageEncoder(meta);
  return {
    start: () => [...toFrames(encoder.start()), PING],
    encode: (event) => toFrames(encoder.encode(event)),
    end: () => [],
    // The error travels as an `error` event so the client sees the reply was cut.
    error: (info, status) => [{ event: 'error', data: toAnthropicErrorBody(info, status) }],
  };
}

async function handleMessages(req: Request, res: Response, context: DialectContext): Promise<void> {
  const request = toCanonical(req.body, getRequestId(res));
  // The body names the model the client asked for, as Anthropic's does; the MiniMax model is in a header.
  const meta = (chat: ChatStream): MessageMeta => ({ id: `msg_${chat.requestId.replaceAll('-', '')}`, model: request.model, inputTokens: context.countTokens(request) });
  await serveChat(res, context, {
    request,
    endpoint: MESSAGES_PATH,
    transport: SSE,
    encoder: (chat) => createEncoder(meta(chat)),
    collect: (events, chat) => collectMessage(events, meta(chat)),
  });
}

export function createAnthropicRouter(context: DialectContext): Router {
  const router = Router();
  router.post(MESSAGES_PATH, (req, res) => handleMessages(req, res, context));
  router.post(`${MESSAGES_PATH}/count_tokens`, (req, res) => {
    res.json({ input_tokens: context.countTokens(toCanonicalForCount(req.body, getRequestId(res))) });
  });
  return router;
}
