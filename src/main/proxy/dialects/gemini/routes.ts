/**
 * Gemini routes under `/v1beta`: the model list, `models/{model}:generateContent`,
 * `:streamGenerateContent` (SSE with `?alt=sse`, else an incrementally written JSON array) and
 * `:countTokens`. Auth (`x-goog-api-key`; `?key=` refused) has run before.
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { RelayError } from '../../../../shared/errors';
import { getRequestId } from '../../middleware/request-id';
import { serveChat } from '../../serve-chat';
import { jsonArrayTransport, sseTransport } from '../../stream-transports';
import { listingBody } from '../listing-body';
import type { ChatEncoder, ChatStream, DialectContext, ModelListing } from '../types';
import { toGeminiErrorBody } from './errors';
import type { ResponseMeta } from './from-canonical';
import { collectResponse, createChunkEncoder } from './from-canonical';
import { toCanonical, toCanonicalForCount } from './to-canonical';

export const MODELS_PATH = '/v1beta/models';
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

const SSE = sseTransport();
const JSON_ARRAY = jsonArrayTransport();

function createEncoder(meta: ResponseMeta): ChatEncoder {
  const encode = createChunkEncoder(meta);
  return {
    start: () => [],
    encode: (event) => {
      const chunk = encode(event);
      return chunk ? [{ data: chunk }] : [];
    },
    end: () => [],
    // The error travels as a last element so the client sees the reply was cut.
    error: (info, status) => [{ data: toGeminiErrorBody(info, status) }],
  };
}

async function handleGenerate(req: Request, res: Response, context: DialectContext, model: string, stream: boolean): Promise<void> {
  const { includeThoughts, ...request } = toCanonical(req.body, model, getRequestId(res), stream);
  // `modelVersion` names the model the client asked for; the MiniMax model is in a header.
  const meta = (chat: ChatStream): ResponseMeta => ({ responseId: chat.requestId.replaceAll('-', ''), model, includeThoughts, promptTokens: context.countTokens(request) });
  await serveChat(res, context, {
    request,
    endpoint: `${MODELS_PATH}/${model}:${stream ? 'streamGenerateContent' : 'generateContent'}`,
    transport: req.query.alt === 'sse' ? SSE : JSON_ARRAY,
    encoder: (chat) => createEncoder(meta(chat)),
    collect: (events, chat) => collectResponse(events, meta(chat)),
  });
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
