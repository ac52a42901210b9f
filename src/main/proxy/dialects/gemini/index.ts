/** The Gemini dialect: `/v1beta/models…` (generateContent, streamGenerateContent, countTokens), Google error envelopes. */
import type { DialectModule } from '../types';
import { toGeminiErrorBody } from './errors';
import { MODELS_PATH, createGeminiRouter, geminiReadOnlyGets } from './routes';
import { geminiTestRequest } from './test-request';

export const geminiDialect: DialectModule = {
  id: 'gemini',
  routes: [
    `GET ${MODELS_PATH}`,
    `GET ${MODELS_PATH}/{model}`,
    `POST ${MODELS_PATH}/{model}:generateContent`,
    `POST ${MODELS_PATH}/{model}:streamGenerateContent`,
    `POST ${MODELS_PATH}/{model}:countTokens`,
  ],
  pathPrefixes: ['/v1beta/'],
  createRouter: createGeminiRouter,
  readOnlyGets: geminiReadOnlyGets,
  toErrorBody: toGeminiErrorBody,
  testRequest: geminiTestRequest,
};

export { toCanonical as toCanonicalGemini } from './to-canonical';
export { toGeminiErrorBody } from './errors';
