/**
 * Responses API routes: `POST /v1/responses` (streamed as the API's typed events, or one JSON
 * object), and `GET` / `DELETE /v1/responses/{id}` and `GET /v1/responses/{id}/input_items` over
 * the in-memory store.
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { ResponseDeleted } from '../../../../shared/api/responses';
import { RelayError, toErrorInfo } from '../../../../shared/errors';
import { getRequestId } from '../../middleware/request-id';
import { createSseWriter } from '../../sse-writer';
import type { CanonicalEvent, CanonicalRequest } from '../../canonical';
import { clientGone } from '../client-gone';
import type { ChatStream, DialectContext } from '../types';
import { storedConversation } from './conversation';
import { listInputItems, toInputItems } from './input-items';
import { createResponseBuilder, type ResponseBuilder, type ResponseMeta } from './response-builder';
import type { CreateResponseRequest } from './schema';
import { createResponseStore, type ResponseStore } from './store';
import { parseCreateRequest, toCanonical } from './to-canonical';

export const RESPONSES_PATH = '/v1/responses';

/** Reads events up to `finish` into the builder; throws what the stream throws. */
async function readReply(events: AsyncIterator<CanonicalEvent>, builder: ResponseBuilder, closed: () => boolean = () => false): Promise<void> {
  for (let next = await events.next(); !next.done; next = await events.next()) {
    if (closed()) return;
    builder.push(next.value);
    if (next.value.type === 'finish') return;
  }
}

/** After the answer, the upstream chat is still cleaned up; the client does not wait for it. */
async function drainAfterAnswer(chat: ChatStream): Promise<void> {
  try {
    for (let next = await chat.events.next(); !next.done; next = await chat.events.next());
  } catch {
    // Already recorded in the request log by the chat runner.
  }
}

interface Turn {
  input: CreateResponseRequest;
  canonical: CanonicalRequest;
  meta: ResponseMeta;
  chat: ChatStream;
}

function keep(store: ResponseStore, turn: Turn, builder: ResponseBuilder, response = builder.finish()): void {
  if (turn.input.store === false) return;
  store.put({
    response,
    conversation: storedConversation(turn.canonical.messages, Boolean(turn.input.instructions), response),
    inputItems: toInputItems(turn.input.input),
  });
}

async function streamReply(res: Response, turn: Turn, context: DialectContext, store: ResponseStore): Promise<void> {
  const sse = createSseWriter(res, { heartbeatMs: context.heartbeatMs });
  let sequence = 0;
  const emit = (type: string, data: Record<string, unknown>): void => sse.event(type, { type, sequence_number: sequence++, ...data });
  const builder = createResponseBuilder(turn.meta, emit);
  emit('response.created', { response: builder.snapshot('in_progress') });
  emit('response.in_progress', { response: builder.snapshot('in_progress') });
  try {
    await readReply(turn.chat.events, builder, () => sse.closed);
    // Client gone mid-stream: the caller's return() lets the upstream go.
    if (sse.closed) return;
    const response = builder.finish();
    emit(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
    sse.end();
    keep(store, turn, builder, response);
    await drainAfterAnswer(turn.chat);
  } catch (error) {
    // Headers are gone: the failure travels as `response.failed`, then `error` (the SDKs throw on it).
    const info = toErrorInfo(error);
    const failed = builder.snapshot('failed', info);
    emit('response.failed', { response: failed });
    emit('error', { code: info.code, message: info.message, param: null });
    if (turn.input.store !== false) store.put({ response: failed, conversation: [], inputItems: toInputItems(turn.input.input) });
  } finally {
    sse.end();
  }
}

async function handleCreate(req: Request, res: Response, context: DialectContext, store: ResponseStore): Promise<void> {
  const input = parseCreateRequest(req.body);
  const previousId = input.previous_response_id;
  const previous = previousId ? store.get(previousId) : undefined;
  if (previousId && !previous) {
    throw new RelayError('invalid_request', `Previous response with id '${previousId}' not found.`, { param: 'previous_response_id' });
  }
  const requestId = getRequestId(res);
  const canonical = toCanonical(input, requestId, previous?.conversation);
  const gone = clientGone(res);
  try {
    const chat = await context.startChat(canonical, { signal: gone.signal, endpoint: RESPONSES_PATH });
    const meta: ResponseMeta = { id: `resp_${requestId.replaceAll('-', '')}`, createdAt: Math.floor(Date.now() / 1000), request: input };
    const turn: Turn = { input, canonical, meta, chat };
    try {
      if (canonical.stream) await streamReply(res, turn, context, store);
      else {
        const builder = createResponseBuilder(meta);
        await readReply(chat.events, builder);
        const response = builder.finish();
        res.json(response);
        keep(store, turn, builder, response);
        await drainAfterAnswer(chat);
      }
    } finally {
      // Whatever went wrong above, the account and the upstream chat are let go (no-op when done).
      await chat.events.return?.();
    }
  } finally {
    gone.detach();
  }
}

function idParam(req: Request): string {
  const id: unknown = req.params.id;
  return typeof id === 'string' ? id : '';
}

function notFound(id: string): RelayError {
  return new RelayError('not_found', `Response with id '${id}' not found.`, { param: 'response_id' });
}

export function createResponsesRouter(context: DialectContext, store: ResponseStore = createResponseStore()): Router {
  const router = Router();
  router.post(RESPONSES_PATH, (req, res) => handleCreate(req, res, context, store));
  router.get(`${RESPONSES_PATH}/:id`, (req, res) => {
    const entry = store.get(idParam(req));
    if (!entry) throw notFound(idParam(req));
    res.json(entry.response);
  });
  router.get(`${RESPONSES_PATH}/:id/input_items`, (req, res) => {
    const entry = store.get(idParam(req));
    if (!entry) throw notFound(idParam(req));
    res.json(listInputItems(entry.inputItems ?? [], req.query));
  });
  router.delete(`${RESPONSES_PATH}/:id`, (req, res) => {
    const id = idParam(req);
    if (!store.delete(id)) throw notFound(id);
    const body: ResponseDeleted = { id, object: 'response', deleted: true };
    res.json(body);
  });
  return router;
}

