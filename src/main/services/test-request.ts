/**
 * relay.testRequest: one tiny request through the local proxy, exactly as a client would send it
 * in the chosen dialect, so the check covers auth, routing, the upstream and the dialect's output.
 */
import type { ClientDialect, TestRequestResult } from '../../shared/contract';
import { isErrorCode, type ErrorInfo } from '../../shared/errors';

const PROMPT = 'Reply with the single word: pong';

interface WireRequest {
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

function buildRequest(dialect: ClientDialect, model: string, key: string | null): WireRequest {
  const json = { 'content-type': 'application/json' };
  const messages = [{ role: 'user', content: PROMPT }];
  if (dialect === 'anthropic') {
    return {
      path: '/v1/messages',
      headers: { ...json, 'anthropic-version': '2023-06-01', ...(key ? { 'x-api-key': key } : {}) },
      body: { model, max_tokens: 64, messages },
    };
  }
  if (dialect === 'gemini') {
    return {
      path: `/v1beta/models/${encodeURIComponent(model)}:generateContent`,
      headers: { ...json, ...(key ? { 'x-goog-api-key': key } : {}) },
      body: { contents: [{ role: 'user', parts: [{ text: PROMPT }] }] },
    };
  }
  return {
    path: '/v1/chat/completions',
    headers: { ...json, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: { model, max_tokens: 64, stream: false, messages },
  };
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The reply text from each dialect's response body. */
export function extractReplyText(dialect: ClientDialect, body: unknown): string {
  const root = asObject(body);
  if (dialect === 'anthropic') {
    return asArray(root.content).map((block) => (asObject(block).type === 'text' ? String(asObject(block).text ?? '') : '')).join('');
  }
  if (dialect === 'gemini') {
    const parts = asArray(asObject(asObject(asArray(root.candidates)[0]).content).parts);
    return parts.map((part) => (asObject(part).thought === true ? '' : String(asObject(part).text ?? ''))).join('');
  }
  return String(asObject(asObject(asArray(root.choices)[0]).message).content ?? '');
}

/** The error of any dialect's envelope (`{error:{type|status|code, message}}`). */
export function extractError(body: unknown, status: number): ErrorInfo {
  const error = asObject(asObject(body).error);
  const candidates = [error.code, error.type, asObject(error.details).code];
  const code = candidates.find(isErrorCode) ?? (status >= 500 ? 'upstream_unavailable' : 'invalid_request');
  const message = typeof error.message === 'string' ? error.message : `The relay answered HTTP ${status}.`;
  return { code, message };
}

export interface TestRequestDeps {
  fetch: typeof fetch;
  now(): number;
}

export async function sendTestRequest(
  deps: TestRequestDeps,
  target: { baseUrl: string; key: string | null; dialect: ClientDialect; model: string },
): Promise<TestRequestResult> {
  const request = buildRequest(target.dialect, target.model, target.key);
  const started = deps.now();
  const done = (fields: Omit<TestRequestResult, 'dialect' | 'latencyMs'>): TestRequestResult => ({
    dialect: target.dialect,
    latencyMs: deps.now() - started,
    ...fields,
  });
  let response: Response;
  try {
    response = await deps.fetch(`${target.baseUrl}${request.path}`, { method: 'POST', headers: request.headers, body: JSON.stringify(request.body) });
  } catch {
    return done({ ok: false, status: 0, text: '', error: { code: 'internal', message: 'The local proxy could not be reached.' } });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) return done({ ok: false, status: response.status, text: '', error: extractError(body, response.status) });
  return done({ ok: true, status: response.status, text: extractReplyText(target.dialect, body), error: null });
}
