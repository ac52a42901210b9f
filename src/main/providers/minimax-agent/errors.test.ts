import { describe, expect, it } from 'vitest';
import { fromBusinessError, fromHttpStatus } from './errors';

describe('upstream error mapping', () => {
  it.each([
    ['statusInfo', 1001, 'token invalid', 'upstream_auth_expired'],
    ['baseResp', 2, 'Not authenticated', 'upstream_auth_expired'],
    ['baseResp', 1400010161, 'not enough credits', 'upstream_credits_exhausted'],
    ['baseResp', 30100, 'Credit limit reached', 'upstream_credits_exhausted'],
    ['baseResp', 1400010171, 'a reply is already running', 'upstream_busy'],
    ['baseResp', 12345, 'concurrency limit', 'upstream_busy'],
    ['baseResp', -1, 'server busy', 'upstream_unavailable'],
    ['statusInfo', 2, 'whatever', 'upstream_unavailable'],
  ] as const)('%s code %d "%s" → %s', (envelope, code, message, expected) => {
    const error = fromBusinessError(envelope, code, message, '/p');
    expect(error.code).toBe(expected);
    expect(error.detail).toMatchObject({ endpoint: '/p', upstreamCode: code, upstreamMessage: message });
  });

  it.each([
    [401, '{}', 'upstream_auth_expired'],
    [429, '{}', 'upstream_busy'],
    [403, '<!DOCTYPE html><html>Just a moment</html>', 'upstream_unavailable'],
    [403, '{"error":"signature"}', 'upstream_protocol'],
    [500, '{}', 'upstream_unavailable'],
    [503, 'x', 'upstream_unavailable'],
    [404, 'not found', 'upstream_protocol'],
  ] as const)('HTTP %d → %s', (status, body, expected) => {
    const error = fromHttpStatus(status, body, '/p');
    expect(error.code).toBe(expected);
    expect(error.detail?.httpStatus).toBe(status);
  });
});
