/**
 * Upstream failures → RelayError codes (§6 of the protocol reference), so the account pool can
 * react: expire the account, park it until the credit reset, or fail over to another one.
 */
import { reasonDetail } from '../../../shared/domain/upstream-reason';
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
    return new RelayError('upstream_auth_expired', 'The MiniMax token has expired or is invalid: log in again.', { ...detail, ...reasonDetail('agent_token_expired') });
  }
  if (code === CODE_CREDITS || /credit/i.test(message)) {
    return new RelayError('upstream_credits_exhausted', 'The MiniMax account has no credits left for today.', { ...detail, ...reasonDetail('agent_credits_exhausted') });
  }
  // The real "one reply at a time" answer is unknown (§6); match the simulator's code and the wording seen.
  if (code === CODE_BUSY || /running|limit|concurren/i.test(message)) {
    return new RelayError('upstream_busy', 'The MiniMax account is already generating a reply.', { ...detail, ...reasonDetail('agent_busy') });
  }
  return new RelayError('upstream_unavailable', `MiniMax refused the request: ${message || `code ${code}`}.`, {
    ...detail,
    ...reasonDetail('agent_refused', { detail: message || `code ${code}` }),
  });
}

/** A non-200 HTTP answer. */
export function fromHttpStatus(status: number, bodyText: string, endpoint: string): RelayError {
  const detail = { endpoint, httpStatus: status, bodyShape: describeBody(bodyText) };
  if (looksLikeCloudflare(status, bodyText)) {
    // §10.3: Cloudflare's bot check answers non-browser clients with an HTML page. Logging in again
    // in the desktop app refreshes the clearance cookie and sends through a real browser.
    return new RelayError(
      'upstream_blocked',
      "MiniMax's Cloudflare bot check blocked the request. Use the desktop app, or log in again in the app to refresh the clearance.",
      { ...detail, ...reasonDetail('agent_cloudflare', { status }) },
    );
  }
  if (status === 401) {
    // MiniMax-Free-API v1.0.1: a realUserID that does not match the token also yields 401.
    return new RelayError(
      'upstream_auth_expired',
      'MiniMax refused the token (expired, logged out, or the realUserID does not match): log in again.',
      { ...detail, ...reasonDetail('agent_token_refused', { status, body: detail.bodyShape }) },
    );
  }
  if (status === 429) return new RelayError('upstream_busy', 'MiniMax is rate limiting this account.', { ...detail, ...reasonDetail('agent_rate_limited') });
  if (status === 403) {
    // A JSON 403 is a refused signature, not a bot check: our signing no longer matches the upstream.
    return new RelayError('upstream_protocol', 'MiniMax rejected the request signature.', { ...detail, field: 'yy', ...reasonDetail('agent_signature_rejected') });
  }
  if (status >= 500) return new RelayError('upstream_unavailable', `MiniMax is unavailable (HTTP ${status}).`, { ...detail, ...reasonDetail('agent_unavailable', { status }) });
  return new RelayError('upstream_protocol', `MiniMax answered HTTP ${status} unexpectedly.`, {
    ...detail,
    ...reasonDetail('agent_http_unexpected', { status, body: detail.bodyShape }),
  });
}

export function fromNetworkError(error: unknown, endpoint: string): RelayError {
  const reason = error instanceof Error ? error.message : String(error);
  return new RelayError('upstream_unavailable', 'Could not reach MiniMax.', { endpoint, reason, ...reasonDetail('agent_unreachable') }, { cause: error });
}

export function notJson(endpoint: string, httpStatus: number): RelayError {
  return new RelayError('upstream_unavailable', 'MiniMax answered with something that is not JSON.', { endpoint, httpStatus, ...reasonDetail('agent_not_json') });
}

export function wrongShape(endpoint: string, field: string, message: string): RelayError {
  return new RelayError('upstream_protocol', `MiniMax answered in an unexpected shape (${field}): ${message}`, {
    endpoint,
    field,
    ...reasonDetail('agent_wrong_shape', { field }),
  });
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)/i.test(text);
}

/** A Cloudflare block or challenge page (403/503 HTML naming Cloudflare or its challenge). */
function looksLikeCloudflare(status: number, text: string): boolean {
  if (status !== 403 && status !== 503 && status !== 429) return false;
  return looksLikeHtml(text) && (status === 403 || /cloudflare|just a moment|cf-chl|challenge/i.test(text));
}

/** What the body was, never what it said: `empty`, `json`, `html` or `text`. */
export function describeBody(text: string): 'empty' | 'json' | 'html' | 'text' {
  if (text.trim() === '') return 'empty';
  if (looksLikeHtml(text)) return 'html';
  try {
    JSON.parse(text);
    return 'json';
  } catch {
    return 'text';
  }
}

/**
 * A call the upstream refused outright (HTTP 400/401/403 that is not a bot check, or the auth
 * business code): nothing ran, so trying the same call under another request profile is safe.
 */
export function isRefusedOutright(error: RelayError): boolean {
  if (error.code === 'upstream_blocked') return false;
  const status = error.detail?.httpStatus;
  if (status === 400 || status === 401 || status === 403) return true;
  return error.code === 'upstream_auth_expired';
}
