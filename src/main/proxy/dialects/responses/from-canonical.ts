/**
 * Canonical events → the Responses API's answer, for the one stream lifecycle (serve-chat.ts):
 * a streaming encoder (typed SSE events, each with its `sequence_number`) and a collector (one
 * response object). Both keep the finished response in the store for `previous_response_id`,
 * before the client sees the end, so a follow-up sent the moment the answer arrives finds it.
 */
import type { ResponseObject } from '../../../../shared/api/responses';
import type { ErrorInfo } from '../../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../../../relay/canonical';
import type { ChatEncoder, StreamFrame } from '../types';
import { storedConversation } from './conversation';
import { toInputItems } from './input-items';
import { createResponseBuilder, type ResponseMeta } from './response-builder';
import type { CreateResponseRequest } from './schema';
import type { ResponseStore } from './store';

/** One `POST /v1/responses` turn: what was asked, and where its answer is kept. */
export interface ResponseTurn {
  input: CreateResponseRequest;
  canonical: CanonicalRequest;
  meta: ResponseMeta;
  store: ResponseStore;
}

function keep(turn: ResponseTurn, response: ResponseObject): void {
  if (turn.input.store === false) return;
  turn.store.put({
    response,
    conversation: storedConversation(turn.canonical.messages, Boolean(turn.input.instructions), response),
    inputItems: toInputItems(turn.input.input),
  });
}

/** A failed response is kept too (`GET` shows why), with nothing to continue from. */
function keepFailed(turn: ResponseTurn, response: ResponseObject): void {
  if (turn.input.store !== false) turn.store.put({ response, conversation: [], inputItems: toInputItems(turn.input.input) });
}

/**
 * The streaming encoder: `response.created`, `response.in_progress`, the builder's item events,
 * then `response.completed` (or `response.incomplete` when cut by max_output_tokens). A failure
 * after the headers went out travels as `response.failed`, then `error` (the SDKs throw on it).
 */
export function createResponseEncoder(turn: ResponseTurn): ChatEncoder {
  let pending: StreamFrame[] = [];
  let sequence = 0;
  const emit = (type: string, data: Record<string, unknown>): void => {
    pending.push({ event: type, data: { type, sequence_number: sequence++, ...data } });
  };
  const builder = createResponseBuilder(turn.meta, emit);
  const take = (): StreamFrame[] => {
    const frames = pending;
    pending = [];
    return frames;
  };
  return {
    start() {
      emit('response.created', { response: builder.snapshot('in_progress') });
      emit('response.in_progress', { response: builder.snapshot('in_progress') });
      return take();
    },
    encode(event) {
      builder.push(event);
      return take();
    },
    end() {
      const response = builder.finish();
      emit(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
      keep(turn, response);
      return take();
    },
    error(info: ErrorInfo) {
      const failed = builder.snapshot('failed', info);
      emit('response.failed', { response: failed });
      emit('error', { code: info.code, message: info.message, param: null });
      keepFailed(turn, failed);
      return take();
    },
  };
}

/** Reads the events up to `finish` into one response object; the caller drains the rest. */
export async function collectResponse(events: AsyncIterable<CanonicalEvent>, turn: ResponseTurn): Promise<ResponseObject> {
  const builder = createResponseBuilder(turn.meta);
  for await (const event of events) builder.push(event);
  const response = builder.finish();
  keep(turn, response);
  return response;
}
