/**
 * The OpenAI Responses API dialect: `POST /v1/responses`, `GET`/`DELETE /v1/responses/{id}`.
 * It shares OpenAI's error envelope (errors on `/v1/…` paths use it) and registers as an OpenAI
 * module, since the request log and the UI know the client family, not each endpoint.
 */
import type { DialectModule } from '../types';
import { toOpenAIErrorBody } from '../openai/errors';
import { createResponsesRouter } from './routes';

export const responsesDialect: DialectModule = {
  dialect: 'openai',
  createRouter: (context) => createResponsesRouter(context),
  toErrorBody: toOpenAIErrorBody,
};
