/** The Anthropic dialect: `/v1/messages`, `/v1/messages/count_tokens`, Anthropic error envelopes. */
import type { DialectModule } from '../types';
import { toAnthropicErrorBody } from './errors';
import { MESSAGES_PATH, createAnthropicRouter } from './routes';
import { anthropicTestRequest } from './test-request';

export const anthropicDialect: DialectModule = {
  id: 'anthropic',
  routes: [`POST ${MESSAGES_PATH}`, `POST ${MESSAGES_PATH}/count_tokens`],
  pathPrefixes: [MESSAGES_PATH],
  createRouter: createAnthropicRouter,
  toErrorBody: toAnthropicErrorBody,
  testRequest: anthropicTestRequest,
};

export { toCanonical as toCanonicalAnthropic } from './to-canonical';
export { toAnthropicErrorBody } from './errors';
