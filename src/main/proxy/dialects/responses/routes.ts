/**
 * Responses API routes: `POST /v1/responses` (through the one stream lifecycle: the API's typed
 * events, or one JSON object; encoder and collector in from-canonical.ts), and `GET` / `DELETE /v1/responses/{id}` and `GET /v1/responses/{id}/input_items` over
 * the in-memory store.
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { ResponseDeleted } from '../../../../shared/api/responses';
import { RelayError } from '../../../../shared/errors';
import { getRequestId } from '../../middleware/request-id';
import { serveChat } from '../../serve-chat';
import { sseTransport } from '../../stream-transports';
import type { DialectContext } from '../types';
import { collectResponse, createResponseEncoder, type ResponseTurn } from './from-canonical';
import { listInputItems } from './input-items';
import { createResponseStore, type ResponseStore } from './store';
import { parseCreateRequest, toCanonical } from './to-canonical';

export const RESPONSES_PATH = '/v1/responses';

const SSE = sseTransport();

async function handleCreate(req: Request, res: Response, context: DialectContext, store: ResponseStore): Promise<void> {
  const input = parseCreateRequest(req.body);
  const previousId = input.previous_response_id;
  const previous = previousId ? store.get(previousId) : undefined;
  if (previousId && !previous) {
    throw new RelayError('invalid_request', `Previous response with id '${previousId}' not found.`, { param: 'previous_response_id' });
  }
  const requestId = getRequestId(res);
  const canonical = toCanonical(input, requestId, previous?.conversation);
  // Responses name the model the client asked for (the request is echoed); the MiniMax model is in a header.
  const turn: ResponseTurn = { input, canonical, store, meta: { id: `resp_${requestId.replaceAll('-', '')}`, createdAt: Math.floor(Date.now() / 1000), request: input } };
  await serveChat(res, context, {
    request: canonical,
    endpoint: RESPONSES_PATH,
    transport: SSE,
    encoder: () => createResponseEncoder(turn),
    collect: (events) => collectResponse(events, turn),
  });
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

