/**
 * The one table from error code to HTTP status, and the helpers every dialect uses to answer with
 * its own envelope. Keeping the table in one place means a code can never answer 500 in one
 * dialect and 400 in another.
 */
import type { Response } from 'express';
import type { ErrorCode, ErrorInfo } from '../../shared/errors';
import type { Dialect } from './canonical';
import type { DialectModule } from './dialects/types';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_request: 400,
  payload_too_large: 413,
  not_found: 404,
  model_not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  queue_full: 429,
  queue_timeout: 429,
  no_account: 503,
  upstream_auth_expired: 502,
  upstream_credits_exhausted: 502,
  upstream_busy: 502,
  upstream_unavailable: 502,
  upstream_protocol: 502,
  upstream_protocol_rejected: 502,
  upstream_blocked: 502,
  timeout: 504,
  // nginx's "client closed request": nobody reads it, but the log shows why the reply stopped.
  aborted: 499,
  invalid_credential: 400,
  guest_token: 400,
  account_not_found: 404,
  duplicate_account: 409,
  store_newer_version: 500,
  store_corrupt: 500,
  encryption_unavailable: 500,
  backup_invalid: 400,
  bad_passphrase: 400,
  login_cancelled: 400,
  login_timeout: 504,
  internal: 500,
  upload_failed: 502,
};

export function statusForError(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

const RETRY_CODES: ReadonlySet<ErrorCode> = new Set(['queue_full', 'queue_timeout', 'rate_limited']);
const DEFAULT_RETRY_AFTER_SEC = 5;

/** Seconds for `Retry-After`, or null when the code does not invite a retry. */
export function retryAfterSeconds(info: ErrorInfo): number | null {
  if (!RETRY_CODES.has(info.code)) return null;
  const detail = info.detail ?? {};
  if (typeof detail.retryAfterSec === 'number') return Math.max(1, Math.ceil(detail.retryAfterSec));
  if (typeof detail.retryAfterMs === 'number') return Math.max(1, Math.ceil(detail.retryAfterMs / 1000));
  return DEFAULT_RETRY_AFTER_SEC;
}

/** Which dialect's envelope an error on this path uses. */
export function dialectForPath(path: string): Dialect {
  if (path.startsWith('/v1/messages')) return 'anthropic';
  if (path.startsWith('/v1beta/')) return 'gemini';
  return 'openai';
}

/** A plain envelope for a dialect whose module is not installed. */
function fallbackErrorBody(error: ErrorInfo): unknown {
  return { error: { message: error.message, type: error.code, code: error.code } };
}

export type ErrorBodyFn = (error: ErrorInfo, status: number) => unknown;

/** Writes an error answer (status, Retry-After, the dialect's JSON body) unless headers are gone. */
export function sendError(res: Response, error: ErrorInfo, toErrorBody: ErrorBodyFn = fallbackErrorBody): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const status = statusForError(error.code);
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
  res.status(status).json(toErrorBody(error, status));
}

/** The error body function for a path, given the installed dialect modules. */
export function errorBodyForPath(path: string, dialects: readonly DialectModule[]): ErrorBodyFn {
  const dialect = dialectForPath(path);
  const module = dialects.find((d) => d.dialect === dialect) ?? dialects.find((d) => d.dialect === 'openai');
  return module ? (error, status) => module.toErrorBody(error, status) : fallbackErrorBody;
}
