/**
 * relay.testRequest: one tiny request through the local proxy, exactly as a client would send it
 * in the chosen dialect (the dialect module declares it), so the check covers auth, routing, the
 * upstream and the dialect's output.
 */
import type { ClientDialect, TestRequestResult } from '../../shared/contract';
import { isErrorCode, type ErrorInfo } from '../../shared/errors';
import { dialectModule } from '../proxy';

const PROMPT = 'Reply with the single word: pong';

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** The reply text from a dialect's response body (each dialect module knows its own shape). */
export function extractReplyText(dialect: ClientDialect, body: unknown): string {
  return dialectModule(dialect).testRequest.replyText(body);
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
  const request = dialectModule(target.dialect).testRequest.build({ model: target.model, key: target.key, prompt: PROMPT });
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
