/** The Anthropic dialect's self-test: one non-streaming Messages request. */
import { asArray, asObject, JSON_HEADERS } from '../test-request-util';
import type { DialectTestRequest } from '../types';
import { MESSAGES_PATH } from './routes';

export const anthropicTestRequest: DialectTestRequest = {
  build: ({ model, key, prompt }) => ({
    path: MESSAGES_PATH,
    headers: { ...JSON_HEADERS, 'anthropic-version': '2023-06-01', ...(key ? { 'x-api-key': key } : {}) },
    body: { model, max_tokens: 64, messages: [{ role: 'user', content: prompt }] },
  }),
  replyText: (body) =>
    asArray(asObject(body).content)
      .map((block) => (asObject(block).type === 'text' ? String(asObject(block).text ?? '') : ''))
      .join(''),
};
