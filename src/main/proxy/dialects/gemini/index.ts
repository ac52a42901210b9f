/** The Gemini dialect: `/v1beta/models…` (generateContent, streamGenerateContent, countTokens), Google error envelopes. */
import type { DialectModule } from '../types';
import { toGeminiErrorBody } from './errors';
import { createGeminiRouter, geminiReadOnlyGets } from './routes';

export const geminiDialect: DialectModule = {
  dialect: 'gemini',
  createRouter: createGeminiRouter,
  readOnlyGets: geminiReadOnlyGets,
  toErrorBody: toGeminiErrorBody,
};

export { toCanonical as toCanonicalGemini } from './to-canonical';
export { toGeminiErrorBody } from './errors';
