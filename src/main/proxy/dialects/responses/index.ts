/**
 * The OpenAI Responses API dialect: `POST /v1/responses`, `GET`/`DELETE /v1/responses/{id}`
 * and `GET /v1/responses/{id}/input_items`, in OpenAI's error envelope.
 */
import type { DialectModule } from '../types';
import { toOpenAIErrorBody } from '../openai/errors';
import { createResponsesRouter, RESPONSES_PATH } from './routes';
import { responsesTestRequest } from './test-request';

export const responsesDialect: DialectModule = {
  id: 'responses',
  routes: [`POST ${RESPONSES_PATH}`, `GET ${RESPONSES_PATH}/{id}`, `DELETE ${RESPONSES_PATH}/{id}`, `GET ${RESPONSES_PATH}/{id}/input_items`],
  pathPrefixes: [RESPONSES_PATH],
  createRouter: (context) => createResponsesRouter(context),
  toErrorBody: toOpenAIErrorBody,
  testRequest: responsesTestRequest,
};
