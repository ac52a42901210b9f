/** The Gemini dialect: `/v1beta/models…` (generateContent, streamGenerateContent, countTokens), Google error envelopes. */
import type { DialectModule } from '../types';
import { toGeminiErrorBody } from './errors';
import { createGeminiRouter } from './routes';

export const geminiDialect: DialectModule = {
  dialect: 'gemini',
  createRouter: createGeminiRouter,
  toErrorBody: toGeminiErrorBody,
};

export { toCanonical as toCanonicalGemini } from './to-canonical';
export { toGeminiErrorBody } from './errors';
