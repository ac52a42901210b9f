/**
 * Open Platform failures → relay codes. The platform answers some errors with an HTTP status and
 * others with HTTP 200 and a non-zero `base_resp.status_code`; both land here, so the pool reacts
 * the same way: a refused key expires the account, no balance parks it, a rate limit cools it down.
 */
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError } from '../../../shared/errors';
import { STATUS } from './protocol';

type Detail = Record<string, string | number | boolean | null>;

/** A non-zero `base_resp.status_code`. */
export function fromStatusCode(code: number, message: string, endpoint: string, httpStatus = 200): RelayError {
  const detail: Detail = { endpoint, upstreamCode: code, upstreamMessage: message, httpStatus };
  switch (code) {
    case STATUS.unauthorized:
    case STATUS.invalidApiKey:
      return new RelayError('upstream_auth_expired', 'The MiniMax Open Platform refused the API key: check the key and its region, or create a new key.', {
        ...detail,
        reason: 'invalid_key',
        ...reasonDetail('open_key_refused'),
      });
    case STATUS.insufficientBalance:
    case STATUS.usageLimit:
      return new RelayError('upstream_credits_exhausted', 'The API key has no balance or plan quota left: top up or wait for the plan window to reset.', {
        ...detail,
        ...reasonDetail('open_no_balance'),
      });
    case STATUS.rateLimit:
    case STATUS.tokenLimit:
    case STATUS.connectionLimit:
      return new RelayError('upstream_busy', 'The MiniMax Open Platform is rate limiting this key; the relay backs off and tries another account.', {
        ...detail,
        reason: 'rate_limited',
        ...reasonDetail('open_rate_limited'),
      });
    case STATUS.invalidParams:
      return new RelayError('invalid_request', `The MiniMax Open Platform rejected the request parameters: ${message || 'invalid params'}.`, {
        ...detail,
        ...reasonDetail('open_params_rejected', { detail: message || 'invalid params' }),
      });
    case STATUS.sensitiveInput:
    case STATUS.sensitiveOutput:
      return new RelayError('invalid_request', 'The MiniMax Open Platform refused the content (sensitive input or output).', {
        ...detail,
        ...reasonDetail('open_content_refused'),
      });
    case STATUS.voiceNotFound:
      return new RelayError('invalid_request', 'The MiniMax Open Platform does not know this voice id.', { ...detail, param: 'voice', ...reasonDetail('open_voice_unknown') });
    default:
      return new RelayError('upstream_unavailable', `The MiniMax Open Platform failed: ${message || `code ${code}`}.`, {
        ...detail,
        ...reasonDetail('open_failed', { detail: message || `code ${code}` }),
      });
  }
}

/** A non-2xx answer without a usable `base_resp`. */
export function fromHttpStatus(status: number, message: string, endpoint: string): RelayError {
  if (status === 401 || status === 403) return fromStatusCode(STATUS.invalidApiKey, message, endpoint, status);
  if (status === 402) return fromStatusCode(STATUS.insufficientBalance, message, endpoint, status);
  if (status === 429) return fromStatusCode(STATUS.rateLimit, message, endpoint, status);
  if (status === 400 || status === 422) return new RelayError('invalid_request', `The MiniMax Open Platform rejected the request: ${message || `HTTP ${status}`}.`, {
      endpoint,
      httpStatus: status,
      ...reasonDetail('open_params_rejected', { detail: message || `HTTP ${status}` }),
    });
  return new RelayError('upstream_unavailable', `The MiniMax Open Platform is unavailable (HTTP ${status}).`, {
    endpoint,
    httpStatus: status,
    ...reasonDetail('open_unavailable', { status }),
  });
}

export function fromNetworkError(error: unknown, endpoint: string): RelayError {
  const reason = error instanceof Error ? error.message : String(error);
  return new RelayError('upstream_unavailable', 'Could not reach the MiniMax Open Platform.', { endpoint, reason, ...reasonDetail('open_unreachable') }, { cause: error });
}
