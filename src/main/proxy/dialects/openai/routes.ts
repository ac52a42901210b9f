/** OpenAI routes: chat completions (stream and not) and the model list. */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { RelayError } from '../../../../shared/errors';
import { getRequestId } from '../../middleware/request-id';
import { serveChat } from '../../serve-chat';
import { sseTransport } from '../../stream-transports';
import { listingBody } from '../listing-body';
import type { ChatStream, DialectContext, ModelListing } from '../types';
import type { CompletionMeta } from './from-canonical';
import { collectCompletion, createChunkEncoder } from './from-canonical';
import { toCanonical } from './to-canonical';

export const CHAT_PATH = '/v1/chat/completions';

const SSE = sseTransport();

async function handleChat(req: Request, res: Response, context: DialectContext): Promise<void> {
  const { includeUsage, ...request } = toCanonical(req.body, getRequestId(res));
  // Responses name the model the client asked for, as OpenAI's do; the MiniMax model is in a header.
  const meta = (chat: ChatStream): CompletionMeta => ({ id: `chatcmpl-${chat.requestId}`, model: request.model, created: Math.floor(Date.now() / 1000) });
  await serveChat(res, context, {
    request,
    endpoint: CHAT_PATH,
    transport: SSE,
    encoder: (chat) => createChunkEncoder(meta(chat), { includeUsage }),
    collect: (events, chat) => collectCompletion(events, meta(chat)),
  });
}

function toModelObject(model: ModelListing): Record<string, unknown> {
  return { id: model.id, object: 'model', created: model.created, owned_by: model.kind === 'catalog' ? 'minimax' : 'minimax-relay' };
}

/** `GET /v1/models` (Anthropic's SDK asks the same path). */
export function openAIReadOnlyGets(context: DialectContext): Record<string, () => string> {
  return { '/v1/models': listingBody(context, (listing) => ({ object: 'list', data: listing.map(toModelObject) })) };
}

export function createOpenAIRouter(context: DialectContext): Router {
  const router = Router();
  router.post(CHAT_PATH, (req, res) => handleChat(req, res, context));
  // Model ids may contain slashes (`openrouter/x`), so take the whole rest of the path.
  router.get('/v1/models/*id', (req, res) => {
    const param: unknown = req.params.id;
    const id = Array.isArray(param) ? param.join('/') : String(param);
    const model = context.listModels().find((m) => m.id === id);
    if (!model) throw new RelayError('model_not_found', `The model '${id}' does not exist.`, { param: 'model' });
    res.json(toModelObject(model));
  });
  return router;
}
