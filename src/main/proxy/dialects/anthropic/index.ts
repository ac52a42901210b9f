/** The Anthropic dialect: `/v1/messages`, `/v1/messages/count_tokens`, Anthropic error envelopes. */
import type { DialectModule } from '../types';
import { toAnthropicErrorBody } from './errors';
import { createAnthropicRouter } from './routes';

export const anthropicDialect: DialectModule = {
  dialect: 'anthropic',
  createRouter: createAnthropicRouter,
  toErrorBody: toAnthropicErrorBody,
};

export { toCanonical as toCanonicalAnthropic } from './to-canonical';
export { toAnthropicErrorBody } from './errors';
