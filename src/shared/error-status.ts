/**
 * The one table from error code to HTTP status. The relay records it with each failed request and
 * every dialect answers with it, so a code can never answer 500 in one place and 400 in another.
 */
import type { ErrorCode } from './errors';

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
  relay_stopped: 503,
  // The model's reply, not the client's request, was wrong: a gateway error, and retryable.
  structured_output_invalid: 502,
  upload_failed: 502,
};

export function statusForError(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}
