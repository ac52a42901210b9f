/**
 * The one table from error code to HTTP status, and the helpers every dialect uses to answer with
 * its own envelope. Keeping the table in one place means a code can never answer 500 in one
 * dialect and 400 in another.
 */
import type { Response } from 'express';
import type { ErrorCode, ErrorInfo } from '../../shared/errors';
import { statusForError } from '../../shared/error-status';
import type { DialectModule } from './dialects/types';

export { statusForError };

const RETRY_CODES: ReadonlySet<ErrorCode> = new Set(['queue_full', 'queue_timeout', 'rate_limited']);
const DEFAULT_RETRY_AFTER_SEC = 5;

/** Seconds for `Retry-After`, or null when the code does not invite a retry. */
export function retryAfterSeconds(info: ErrorInfo): number | null {
  const detail = info.detail ?? {};
  // no_account invites a retry only when the pool knows when an account comes back.
  if (info.code === 'no_account' && typeof detail.retryAfterMs !== 'number') return null;
  if (!RETRY_CODES.has(info.code) && info.code !== 'no_account') return null;
  if (typeof detail.retryAfterSec === 'number') return Math.max(1, Math.ceil(detail.retryAfterSec));
  if (typeof detail.retryAfterMs === 'number') return Math.max(1, Math.ceil(detail.retryAfterMs / 1000));
  return DEFAULT_RETRY_AFTER_SEC;
}

/**
 * The installed dialect whose envelope an error on this path uses: the longest declared path
 * prefix that matches, else the OpenAI dialect (the most common client), else none.
 */
export function dialectForPath<T extends Pick<DialectModule, 'id' | 'pathPrefixes'>>(path: string, dialects: readonly T[]): T | undefined {
  let best: { module: T; length: number } | null = null;
  for (const module of dialects) {
    for (const prefix of module.pathPrefixes) {
      if (path.startsWith(prefix) && prefix.length > (best?.length ?? -1)) best = { module, length: prefix.length };
    }
  }
  return best?.module ?? dialects.find((d) => d.id === 'openai');
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
  const module = dialectForPath(path, dialects);
  return module ? (error, status) => module.toErrorBody(error, status) : fallbackErrorBody;
}
