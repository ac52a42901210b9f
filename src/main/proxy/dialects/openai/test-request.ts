/** The OpenAI dialect's self-test: one non-streaming chat completion. */
import { asArray, asObject, JSON_HEADERS } from '../test-request-util';
import type { DialectTestRequest } from '../types';
import { CHAT_PATH } from './routes';

export const openAITestRequest: DialectTestRequest = {
  build: ({ model, key, prompt }) => ({
    path: CHAT_PATH,
    headers: { ...JSON_HEADERS, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: { model, max_tokens: 64, stream: false, messages: [{ role: 'user', content: prompt }] },
  }),
  replyText: (body) => String(asObject(asObject(asArray(asObject(body).choices)[0]).message).content ?? ''),
};
