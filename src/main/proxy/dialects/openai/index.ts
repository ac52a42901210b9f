/** The OpenAI dialect: `/v1/chat/completions`, `/v1/models`, OpenAI error envelopes. */
import type { DialectModule } from '../types';
import { toOpenAIErrorBody } from './errors';
import { createOpenAIRouter, openAIReadOnlyGets } from './routes';

export const openaiDialect: DialectModule = {
  dialect: 'openai',
  createRouter: createOpenAIRouter,
  readOnlyGets: openAIReadOnlyGets,
  toErrorBody: toOpenAIErrorBody,
};

export { toCanonical as toCanonicalOpenAI } from './to-canonical';
export { toOpenAIErrorBody } from './errors';
