import { describe, expect, it } from 'vitest';
import { reasonFromDetail } from '../../../shared/domain/upstream-reason';
import { createRunControl } from './run-control';
import { fromBusinessError, fromHttpStatus, fromNetworkError, isRefusedOutright, wrongShape } from './errors';

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
    [403, '<!DOCTYPE html><html>Just a moment</html>', 'upstream_blocked'],
    [503, '<!DOCTYPE html><html><title>Just a moment...</title>cloudflare</html>', 'upstream_blocked'],
    [503, '<html><body>bad gateway</body></html>', 'upstream_unavailable'],
    [401, '', 'upstream_auth_expired'],
    [403, '{"error":"signature"}', 'upstream_protocol'],
    [500, '{}', 'upstream_unavailable'],
    [503, 'x', 'upstream_unavailable'],
    [404, 'not found', 'upstream_protocol'],
  ] as const)('HTTP %d → %s', (status, body, expected) => {
    const error = fromHttpStatus(status, body, '/p');
    expect(error.code).toBe(expected);
    expect(error.detail?.httpStatus).toBe(status);
  });

  it('describes the body without quoting it', () => {
    expect(fromHttpStatus(401, '', '/p').detail?.bodyShape).toBe('empty');
    expect(fromHttpStatus(401, '{"secret":"x"}', '/p').detail?.bodyShape).toBe('json');
    expect(JSON.stringify(fromHttpStatus(401, '{"secret":"x"}', '/p').detail)).not.toContain('secret');
  });

  it('counts 400/401/403-JSON as refused outright, never a bot check or a 5xx', () => {
    expect(isRefusedOutright(fromHttpStatus(401, '', '/p'))).toBe(true);
    expect(isRefusedOutright(fromHttpStatus(400, '{}', '/p'))).toBe(true);
    expect(isRefusedOutright(fromHttpStatus(403, '{"e":1}', '/p'))).toBe(true);
    expect(isRefusedOutright(fromHttpStatus(403, '<html>x</html>', '/p'))).toBe(false);
    expect(isRefusedOutright(fromHttpStatus(500, '{}', '/p'))).toBe(false);
    expect(isRefusedOutright(fromBusinessError('baseResp', 1400010171, 'running', '/p'))).toBe(false);
  });

  it('names each classified answer with a reason code and parameters the UI translates', () => {
    const reason = (error: { detail?: Record<string, unknown> }) => reasonFromDetail(error.detail);
    expect(reason(fromHttpStatus(401, '', '/p'))).toEqual({ code: 'agent_token_refused', params: { status: 401, body: 'empty' } });
    expect(reason(fromHttpStatus(403, '<!DOCTYPE html><html>Just a moment</html>', '/p'))).toEqual({ code: 'agent_cloudflare', params: { status: 403 } });
    expect(reason(fromHttpStatus(429, '{}', '/p'))?.code).toBe('agent_rate_limited');
    expect(reason(fromHttpStatus(403, '{"e":1}', '/p'))?.code).toBe('agent_signature_rejected');
    expect(reason(fromHttpStatus(502, '{}', '/p'))).toEqual({ code: 'agent_unavailable', params: { status: 502 } });
    expect(reason(fromHttpStatus(404, 'x', '/p'))).toEqual({ code: 'agent_http_unexpected', params: { status: 404, body: 'text' } });
    expect(reason(fromBusinessError('baseResp', 1400010171, 'only one output at a time', '/p'))?.code).toBe('agent_busy');
    expect(reason(fromBusinessError('statusInfo', 1001, 'token invalid', '/p'))?.code).toBe('agent_token_expired');
    expect(reason(fromBusinessError('baseResp', 30100, 'Credit limit reached', '/p'))?.code).toBe('agent_credits_exhausted');
    expect(reason(fromBusinessError('baseResp', -1, 'server busy', '/p'))).toEqual({ code: 'agent_refused', params: { detail: 'server busy' } });
    expect(reason(fromNetworkError(new Error('ECONNRESET'), '/p'))?.code).toBe('agent_unreachable');
    expect(reason(wrongShape('/p', 'chat_id', 'missing'))).toEqual({ code: 'agent_wrong_shape', params: { field: 'chat_id' } });
  });

  it('names the reply deadline with its seconds', () => {
    let time = 0;
    const control = createRunControl(new AbortController().signal, 5_000, () => time);
    time = 6_000;
    let thrown: unknown;
    try {
      control.check();
    } catch (error) {
      thrown = error;
    } finally {
      control.dispose();
    }
    expect(thrown).toMatchObject({ code: 'timeout' });
    expect(reasonFromDetail((thrown as { detail?: Record<string, unknown> }).detail)).toEqual({ code: 'agent_reply_timeout', params: { seconds: 5 } });
  });
});
