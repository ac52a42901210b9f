import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { anthropicDialect } from './dialects/anthropic';
import { geminiDialect } from './dialects/gemini';
import { openaiDialect } from './dialects/openai';
import { dialectForPath, errorBodyForPath, retryAfterSeconds, statusForError } from './errors';

describe('statusForError', () => {
  it.each([
    ['invalid_json', 400], ['invalid_request', 400], ['unauthorized', 401], ['forbidden', 403], ['not_found', 404],
    ['model_not_found', 404], ['payload_too_large', 413], ['queue_full', 429], ['queue_timeout', 429], ['rate_limited', 429],
    ['no_account', 503], ['upstream_auth_expired', 502], ['upstream_credits_exhausted', 502], ['upstream_busy', 502],
    ['upstream_unavailable', 502], ['upstream_protocol', 502], ['timeout', 504], ['internal', 500],
  ] as const)('%s → %i', (code, status) => {
    expect(statusForError(code)).toBe(status);
  });

  it('answers 500 only for internal and storage failures', () => {
    const fiveHundreds = ERROR_CODES.filter((code) => statusForError(code) === 500);
    expect(fiveHundreds.sort()).toEqual(['encryption_unavailable', 'internal', 'store_corrupt', 'store_newer_version']);
  });
});

describe('Retry-After', () => {
  it('is set for queue and rate errors only, from the detail when given', () => {
    expect(retryAfterSeconds({ code: 'queue_full', message: '' })).toBe(5);
    expect(retryAfterSeconds({ code: 'rate_limited', message: '', detail: { retryAfterMs: 2500 } })).toBe(3);
    expect(retryAfterSeconds({ code: 'queue_timeout', message: '', detail: { retryAfterSec: 12 } })).toBe(12);
    expect(retryAfterSeconds({ code: 'no_account', message: '' })).toBeNull();
    // The pool knows when a cooling account comes back: the client is told instead of queueing.
    expect(retryAfterSeconds({ code: 'no_account', message: '', detail: { retryAfterMs: 80_000 } })).toBe(80);
    expect(retryAfterSeconds({ code: 'relay_stopped', message: '' })).toBeNull();
  });
});

describe('error envelope by path', () => {
  const dialects = [openaiDialect, anthropicDialect, geminiDialect];
  const info = { code: 'not_found' as const, message: 'No route.' };

  it('picks the dialect a path belongs to', () => {
    expect(dialectForPath('/v1/messages/count_tokens', dialects)?.id).toBe('anthropic');
    expect(dialectForPath('/v1beta/models/x:generateContent', dialects)?.id).toBe('gemini');
    expect(dialectForPath('/v1/chat/completions', dialects)?.id).toBe('openai');
    expect(dialectForPath('/nope', dialects)?.id).toBe('openai');
    expect(dialectForPath('/v1/messages', [])).toBeUndefined();
  });

  it('lets the longest declared prefix win, whatever the order of registration', () => {
    const wide = { id: 'openai' as const, pathPrefixes: ['/v1/'] };
    const narrow = { id: 'anthropic' as const, pathPrefixes: ['/v1/messages'] };
    expect(dialectForPath('/v1/messages', [wide, narrow])?.id).toBe('anthropic');
    expect(dialectForPath('/v1/messages', [narrow, wide])?.id).toBe('anthropic');
    expect(dialectForPath('/v1/models', [narrow, wide])?.id).toBe('openai');
  });

  it('renders each dialect its own envelope', () => {
    expect(errorBodyForPath('/v1/chat/x', dialects)(info, 404)).toMatchObject({ error: { code: 'not_found', type: 'not_found_error' } });
    expect(errorBodyForPath('/v1/messages/x', dialects)(info, 404)).toMatchObject({ type: 'error', error: { message: 'No route.' } });
    expect(errorBodyForPath('/v1beta/x', dialects)(info, 404)).toMatchObject({ error: { code: 404, message: 'No route.' } });
  });

  it('falls back to the OpenAI envelope when a dialect is not installed', () => {
    expect(errorBodyForPath('/v1/messages', [openaiDialect])(info, 404)).toMatchObject({ error: { code: 'not_found' } });
  });
});
