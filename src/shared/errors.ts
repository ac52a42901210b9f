/**
 * Every error a user or a client can meet carries one of these codes. The UI shows the code and
 * a next step; each dialect maps the code to its own HTTP status and error envelope.
 */
export const ERROR_CODES = [
  // client input
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'not_found',
  'model_not_found',
  'unauthorized',
  'forbidden',
  'rate_limited',
  // pool and queue
  'queue_full',
  'queue_timeout',
  'no_account',
  // upstream
  'upstream_auth_expired',
  'upstream_credits_exhausted',
  'upstream_busy',
  'upstream_unavailable',
  'upstream_protocol',
  'upstream_protocol_rejected',
  'upstream_blocked',
  'timeout',
  'aborted',
  // accounts and credentials
  'invalid_credential',
  'guest_token',
  'account_not_found',
  'duplicate_account',
  // storage and desktop
  'store_newer_version',
  'store_corrupt',
  'encryption_unavailable',
  'backup_invalid',
  'bad_passphrase',
  'login_cancelled',
  'login_timeout',
  'internal',
  // relay state
  'relay_stopped',
  // structured output
  'structured_output_invalid',
  // images and files: the upload to the upstream failed (detail.step names where)
  'upload_failed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The data form of an error, as it crosses IPC and the management API. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Extra facts for the UI and logs (never secrets): the upstream field that was wrong, a retry time… */
  detail?: Record<string, string | number | boolean | null>;
}

/** The one error class of the relay. Subsystems throw it with a code; boundaries translate it. */
export class RelayError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorInfo['detail'];

  constructor(code: ErrorCode, message: string, detail?: ErrorInfo['detail'], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RelayError';
    this.code = code;
    this.detail = detail;
  }

  toInfo(): ErrorInfo {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}

export function isRelayError(value: unknown): value is RelayError {
  return value instanceof RelayError;
}

/**
 * The HTTP libraries (body parsing, decompression, route-parameter decoding) throw errors that carry
 * a 4xx `status`: those are the client's fault and must never surface as `internal`.
 */
function fromClientHttpError(error: unknown): ErrorInfo | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : null;
  if (code === null || code < 400 || code > 499) return null;
  if (code === 413) return { code: 'payload_too_large', message: 'The request body is too large.' };
  return { code: 'invalid_request', message: 'The request could not be read (bad encoding, compression or URL).' };
}

/** Any thrown value as ErrorInfo; unknown errors become `internal` without leaking their stack. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isRelayError(error)) return error.toInfo();
  if (error instanceof Error && error.name === 'AbortError') return { code: 'aborted', message: 'The request was aborted.' };
  return fromClientHttpError(error) ?? { code: 'internal', message: 'An unexpected error occurred.' };
}

/** Errors the account pool may fail over on (before the first byte reached the client). */
export const FAILOVER_CODES: readonly ErrorCode[] = [
  'upstream_auth_expired',
  'upstream_credits_exhausted',
  'upstream_busy',
  'upstream_unavailable',
  'timeout',
  // Another account may hold a working request profile, cookies or Cloudflare clearance.
  'upstream_protocol_rejected',
  'upstream_blocked',
  // Another account gets fresh upload credentials; when all fail the client sees this code.
  'upload_failed',
];
