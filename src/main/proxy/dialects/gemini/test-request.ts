/** The Gemini dialect's self-test: one `generateContent` call. */
import { asArray, asObject, JSON_HEADERS } from '../test-request-util';
import type { DialectTestRequest } from '../types';
import { MODELS_PATH } from './routes';

export const geminiTestRequest: DialectTestRequest = {
  build: ({ model, key, prompt }) => ({
    path: `${MODELS_PATH}/${encodeURIComponent(model)}:generateContent`,
    headers: { ...JSON_HEADERS, ...(key ? { 'x-goog-api-key': key } : {}) },
    body: { contents: [{ role: 'user', parts: [{ text: prompt }] }] },
  }),
  replyText: (body) => {
    const parts = asArray(asObject(asObject(asArray(asObject(body).candidates)[0]).content).parts);
    return parts.map((part) => (asObject(part).thought === true ? '' : String(asObject(part).text ?? ''))).join('');
  },
};
