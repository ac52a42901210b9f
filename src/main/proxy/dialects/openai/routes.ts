/** OpenAI routes: chat completions (stream and not) and the model list. */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { RelayError, toErrorInfo } from '../../../../shared/errors';
import { statusForError } from '../../errors';
import { getRequestId } from '../../middleware/request-id';
import { createSseWriter } from '../../sse-writer';
import { clientGone } from '../client-gone';
import { listingBody } from '../listing-body';
import type { ChatStream, DialectContext, ModelListing } from '../types';
import { toOpenAIErrorBody } from './errors';
import type { CompletionMeta } from './from-canonical';
import { collectCompletion, writeChunks } from './from-canonical';
import { toCanonical } from './to-canonical';

const CHAT_PATH = '/v1/chat/completions';

/**
 * After `finish` the provider still deletes the upstream chat before the stream ends; the client
 * already has its answer, so it is not kept waiting for that. Draining runs the cleanup and the
 * log entry's end; an error there is logged by the runner, and the answer stands.
 */
async function drainAfterAnswer(chat: ChatStream): Promise<void> {
  try {
    for (let next = await chat.events.next(); !next.done; next = await chat.events.next());
  } catch {
    // Already recorded in the request log by the chat runner.
  }
}

async function streamReply(res: Response, chat: ChatStream, meta: CompletionMeta, context: DialectContext, includeUsage: boolean): Promise<void> {
  const sse = createSseWriter(res, { heartbeatMs: context.heartbeatMs });
  try {
    await writeChunks(chat.events, sse, meta, { includeUsage });
    // Client gone mid-stream: nothing to drain for; the caller's return() lets the upstream go.
    if (sse.closed) return;
    sse.data('[DONE]');
    sse.end();
    await drainAfterAnswer(chat);
  } catch (error) {
    // Headers are gone: the error travels as a last frame so the client never mistakes a cut reply for a whole one.
    const info = toErrorInfo(error);
    sse.data(toOpenAIErrorBody(info, statusForError(info.code)));
    sse.data('[DONE]');
  } finally {
    sse.end();
  }
}

async function handleChat(req: Request, res: Response, context: DialectContext): Promise<void> {
  const request = toCanonical(req.body, getRequestId(res));
  const { includeUsage, ...canonical } = request;
  const gone = clientGone(res);
  try {
    const chat = await context.startChat(canonical, { signal: gone.signal, endpoint: CHAT_PATH });
    const meta: CompletionMeta = { id: `chatcmpl-${chat.requestId}`, model: chat.model, created: Math.floor(Date.now() / 1000) };
    try {
      if (canonical.stream) await streamReply(res, chat, meta, context, includeUsage);
      else {
        res.json(await collectCompletion(chat.events, meta));
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
