/**
 * Upstream failures → RelayError codes (§6 of the protocol reference), so the account pool can
 * react: expire the account, park it until the credit reset, or fail over to another one.
 */
import { RelayError } from '../../../shared/errors';
import {
  CODE_AUTH_BASE_RESP,
  CODE_AUTH_STATUS_INFO,
  CODE_BUSY,
  CODE_CREDITS,
} from './protocol';

export type Envelope = 'statusInfo' | 'baseResp';

/** A non-zero business code in a 200 answer. */
export function fromBusinessError(envelope: Envelope, code: number, message: string, endpoint: string): RelayError {
  const detail = { endpoint, upstreamCode: code, upstreamMessage: message };
  const authCode = envelope === 'statusInfo' ? CODE_AUTH_STATUS_INFO : CODE_AUTH_BASE_RESP;
  if (code === authCode) {
    return new RelayError('upstream_auth_expired', 'The MiniMax token has expired or is invalid: log in again.', detail);
  }
  if (code === CODE_CREDITS || /credit/i.test(message)) {
    return new RelayError('upstream_credits_exhausted', 'The MiniMax account has no credits left for today.', detail);
  }
  // The real "one reply at a time" answer is unknown (§6); match the simulator's code and the wording seen.
  if (code === CODE_BUSY || /running|limit|concurren/i.test(message)) {
    return new RelayError('upstream_busy', 'The MiniMax account is already generating a reply.', detail);
  }
  return new RelayError('upstream_unavailable', `MiniMax refused the request: ${message || `code ${code}`}.`, detail);
}

/** A non-200 HTTP answer. */
export function fromHttpStatus(status: number, bodyText: string, endpoint: string): RelayError {
  const detail = { endpoint, httpStatus: status };
  if (status === 401) {
    // MiniMax-Free-API v1.0.1: a realUserID that does not match the token also yields 401.
    return new RelayError(
      'upstream_auth_expired',
      'MiniMax refused the token (expired, logged out, or the realUserID does not match): log in again.',
      detail,
    );
  }
  if (status === 429) return new RelayError('upstream_busy', 'MiniMax is rate limiting this account.', detail);
  if (status === 403 && !looksLikeHtml(bodyText)) {
    // A JSON 403 is a refused signature, not a bot check: our signing no longer matches the upstream.
    return new RelayError('upstream_protocol', 'MiniMax rejected the request signature.', { ...detail, field: 'yy' });
  }
  if (status === 403) {
    return new RelayError('upstream_unavailable', 'MiniMax answered with a bot-check page (HTTP 403).', detail);
  }
  if (status >= 500) return new RelayError('upstream_unavailable', `MiniMax is unavailable (HTTP ${status}).`, detail);
  return new RelayError('upstream_protocol', `MiniMax answered HTTP ${status} unexpectedly.`, detail);
}

export function fromNetworkError(error: unknown, endpoint: string): RelayError {
  const reason = error instanceof Error ? error.message : String(error);
  return new RelayError('upstream_unavailable', 'Could not reach MiniMax.', { endpoint, reason }, { cause: error });
}

export function notJson(endpoint: string, httpStatus: number): RelayError {
  return new RelayError('upstream_unavailable', 'MiniMax answered with something that is not JSON.', { endpoint, httpStatus });
}

export function wrongShape(endpoint: string, field: string, message: string): RelayError {
  return new RelayError('upstream_protocol', `MiniMax answered in an unexpected shape (${field}): ${message}`, {
    endpoint,
    field,
  });
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)/i.test(text);
}
