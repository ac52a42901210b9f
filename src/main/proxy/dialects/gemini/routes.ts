/**
 * Gemini routes under `/v1beta`: the model list, `models/{model}:generateContent`,
 * `:streamGenerateContent` (SSE with `?alt=sse`, else an incrementally written JSON array) and
 * `:countTokens`. Auth (`x-goog-api-key`; `?key=` refused) has run before.
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { RelayError, toErrorInfo } from '../../../../shared/errors';
import type { CanonicalEvent } from '../../canonical';
import { statusForError } from '../../errors';
import { getRequestId } from '../../middleware/request-id';
import { createSseWriter } from '../../sse-writer';
import { clientGone } from '../client-gone';
import { listingBody } from '../listing-body';
import type { ChatStream, DialectContext, ModelListing } from '../types';
import { toGeminiErrorBody } from './errors';
import type { GenerateContentResponse, ResponseMeta } from './from-canonical';
import { collectResponse, createChunkEncoder } from './from-canonical';
import { toCanonical, toCanonicalForCount } from './to-canonical';

const MODELS_PATH = '/v1beta/models';
const OUTPUT_TOKEN_LIMIT = 65_536;
const INPUT_TOKEN_LIMIT = 196_608;

/** `gemini-2.5-pro:generateContent` (possibly `models/…`, and model ids may hold slashes). */
function parseTarget(req: Request): { model: string; method: string | null } {
  const param: unknown = req.params.rest;
  const rest = (Array.isArray(param) ? param.join('/') : String(param)).replace(/^models\//, '');
  const colon = rest.lastIndexOf(':');
  return colon < 0 ? { model: rest, method: null } : { model: rest.slice(0, colon), method: rest.slice(colon + 1) };
}

function toModelObject(model: ModelListing): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    baseModelId: model.target ?? model.id,
    version: '1',
    displayName: model.id,
    description: model.kind === 'alias' ? `Alias of ${model.target ?? ''}` : 'MiniMax model served by MiniMax Relay',
    inputTokenLimit: INPUT_TOKEN_LIMIT,
    outputTokenLimit: OUTPUT_TOKEN_LIMIT,
    supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'],
    thinking: true,
  };
}

function iterable(iterator: AsyncIterator<CanonicalEvent>): AsyncIterable<CanonicalEvent> {
  return { [Symbol.asyncIterator]: () => iterator };
}

async function writeStream(res: Response, events: AsyncIterable<CanonicalEvent>, meta: ResponseMeta, sse: boolean, context: DialectContext): Promise<boolean> {
  const encode = createChunkEncoder(meta);
  const writer = sse ? createSseWriter(res, { heartbeatMs: context.heartbeatMs }) : null;
  let first = true;
  const emit = (body: GenerateContentResponse | ReturnType<typeof toGeminiErrorBody>): void => {
    if (writer) return writer.data(body);
    res.write(`${first ? '[' : ',\r\n'}${JSON.stringify(body)}`);
    first = false;
  };
  if (!writer) {
    res.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
    res.flushHeaders();
  }
  const closed = (): boolean => (writer ? writer.closed : res.writableEnded || res.destroyed);
  let abandoned = false;
  try {
    for await (const event of events) {
      abandoned = closed();
      if (abandoned) break;
      const chunk = encode(event);
      if (chunk) emit(chunk);
    }
  } catch (error) {
    // Headers are gone: the error travels as a last element so the client sees the reply was cut.
    const info = toErrorInfo(error);
    emit(toGeminiErrorBody(info, statusForError(info.code)));
  } finally {
    if (writer) writer.end();
    else if (!res.writableEnded) res.end(first ? '[]' : ']');
  }
  return abandoned;
}

async function handleGenerate(req: Request, res: Response, context: DialectContext, model: string, stream: boolean): Promise<void> {
  const request = toCanonical(req.body, model, getRequestId(res), stream);
  const { includeThoughts, ...canonical } = request;
  const gone = clientGone(res);
  let chat: ChatStream | null = null;
  try {
    chat = await context.startChat(canonical, { signal: gone.signal, endpoint: `${MODELS_PATH}/${model}:${stream ? 'streamGenerateContent' : 'generateContent'}` });
    const meta: ResponseMeta = { responseId: chat.requestId.replaceAll('-', ''), model: chat.model, includeThoughts, promptTokens: context.countTokens(canonical) };
    const events = iterable(chat.events);
    if (!stream) {
      res.json(await collectResponse(events, meta));
      return;
    }
    const abandoned = await writeStream(res, events, meta, req.query.alt === 'sse', context);
    if (abandoned) await chat.events.return?.();
  } finally {
    gone.detach();
  }
}

/** `GET /v1beta/models`. */
export function geminiReadOnlyGets(context: DialectContext): Record<string, () => string> {
  return { [MODELS_PATH]: listingBody(context, (listing) => ({ models: listing.map(toModelObject) })) };
}

export function createGeminiRouter(context: DialectContext): Router {
  const router = Router();
  router.get(`${MODELS_PATH}/*rest`, (req, res) => {
    const { model, method } = parseTarget(req);
    if (method !== null) throw new RelayError('not_found', `models/${model}:${method} takes POST, not GET.`);
    const found = context.listModels().find((m) => m.id === model);
    if (!found) throw new RelayError('model_not_found', `Model '${model}' is not found.`, { param: 'model' });
    res.json(toModelObject(found));
  });
  router.post(`${MODELS_PATH}/*rest`, async (req, res) => {
    const { model, method } = parseTarget(req);
    if (method === 'generateContent' || method === 'streamGenerateContent') {
      await handleGenerate(req, res, context, model, method === 'streamGenerateContent');
    } else if (method === 'countTokens') {
      res.json({ totalTokens: context.countTokens(toCanonicalForCount(req.body, model, getRequestId(res))) });
    } else {
      throw new RelayError('not_found', `Method '${method ?? ''}' is not supported for models/${model}.`);
    }
  });
  return router;
}
