/** The OpenAI dialect: `/v1/chat/completions`, `/v1/models`, OpenAI error envelopes. */
import type { DialectModule } from '../types';
import { toOpenAIErrorBody } from './errors';
import { CHAT_PATH, createOpenAIRouter, openAIReadOnlyGets } from './routes';
import { openAITestRequest } from './test-request';

export const openaiDialect: DialectModule = {
  id: 'openai',
  routes: [`POST ${CHAT_PATH}`, 'GET /v1/models', 'GET /v1/models/{model}'],
  // The fallback envelope too: any path no other dialect claims answers as OpenAI does.
  pathPrefixes: ['/v1/chat/', '/v1/models'],
  createRouter: createOpenAIRouter,
  readOnlyGets: openAIReadOnlyGets,
  toErrorBody: toOpenAIErrorBody,
  testRequest: openAITestRequest,
};

export { toCanonical as toCanonicalOpenAI } from './to-canonical';
export { toOpenAIErrorBody } from './errors';
