import { describe, expect, it } from 'vitest';
import { reasonFromDetail } from '../../../shared/domain/upstream-reason';
import { fromHttpStatus, fromNetworkError, fromStatusCode } from './errors';
import { STATUS } from './protocol';

describe('Open Platform error reasons', () => {
  it.each([
    [STATUS.invalidApiKey, 'upstream_auth_expired', 'open_key_refused'],
    [STATUS.insufficientBalance, 'upstream_credits_exhausted', 'open_no_balance'],
    [STATUS.usageLimit, 'upstream_credits_exhausted', 'open_no_balance'],
    [STATUS.rateLimit, 'upstream_busy', 'open_rate_limited'],
    [STATUS.connectionLimit, 'upstream_busy', 'open_rate_limited'],
    [STATUS.sensitiveInput, 'invalid_request', 'open_content_refused'],
    [STATUS.voiceNotFound, 'invalid_request', 'open_voice_unknown'],
  ] as const)('status_code %d → %s with reason %s', (code, errorCode, reasonCode) => {
    const error = fromStatusCode(code, 'msg', '/v1/chat/completions');
    expect(error.code).toBe(errorCode);
    expect(reasonFromDetail(error.detail)?.code).toBe(reasonCode);
  });

  it('keeps the upstream words as a parameter where the text is the upstream’s own', () => {
    expect(reasonFromDetail(fromStatusCode(STATUS.invalidParams, 'bad temperature', '/p').detail)).toEqual({ code: 'open_params_rejected', params: { detail: 'bad temperature' } });
    expect(reasonFromDetail(fromStatusCode(9999, '', '/p').detail)).toEqual({ code: 'open_failed', params: { detail: 'code 9999' } });
  });

  it('names HTTP statuses and network failures', () => {
    expect(reasonFromDetail(fromHttpStatus(401, '', '/p').detail)?.code).toBe('open_key_refused');
    expect(reasonFromDetail(fromHttpStatus(402, '', '/p').detail)?.code).toBe('open_no_balance');
    expect(reasonFromDetail(fromHttpStatus(503, '', '/p').detail)).toEqual({ code: 'open_unavailable', params: { status: 503 } });
    expect(reasonFromDetail(fromNetworkError(new Error('ECONNREFUSED'), '/p').detail)?.code).toBe('open_unreachable');
  });
});
