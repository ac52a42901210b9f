/** The Responses dialect's self-test: one non-streaming response. */
import { asArray, asObject, JSON_HEADERS } from '../test-request-util';
import type { DialectTestRequest } from '../types';
import { RESPONSES_PATH } from './routes';

export const responsesTestRequest: DialectTestRequest = {
  build: ({ model, key, prompt }) => ({
    path: RESPONSES_PATH,
    headers: { ...JSON_HEADERS, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: { model, max_output_tokens: 64, stream: false, store: false, input: prompt },
  }),
  replyText: (body) =>
    asArray(asObject(body).output)
      .flatMap((item) => (asObject(item).type === 'message' ? asArray(asObject(item).content) : []))
      .map((part) => (asObject(part).type === 'output_text' ? String(asObject(part).text ?? '') : ''))
      .join(''),
};
