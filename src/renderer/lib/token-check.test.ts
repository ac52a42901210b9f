import { describe, expect, it } from 'vitest';
import { checkAdminToken } from './token-check';

const answer = (status: number, headers: Record<string, string> = {}) => async () => new Response('{}', { status, headers });

describe('checkAdminToken', () => {
  it('tells ok, refused, rate limited (with the wait) and unreachable apart', async () => {
    const base = { baseUrl: 'http://relay' };
    await expect(checkAdminToken({ ...base, fetch: answer(200) }, 't')).resolves.toEqual({ kind: 'ok' });
    await expect(checkAdminToken({ ...base, fetch: answer(401) }, 't')).resolves.toEqual({ kind: 'refused' });
    await expect(checkAdminToken({ ...base, fetch: answer(429, { 'retry-after': '17' }) }, 't')).resolves.toEqual({ kind: 'rate_limited', retryAfterSec: 17 });
    await expect(checkAdminToken({ ...base, fetch: () => Promise.reject(new TypeError('down')) }, 't')).resolves.toEqual({ kind: 'unreachable' });
  });

  it('sends the token as a bearer header to one management call', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    await checkAdminToken(
      {
        baseUrl: 'http://relay',
        fetch: async (url, init) => {
          seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
          return new Response('{}');
        },
      },
      'abc',
    );
    expect(seen).toEqual([{ url: 'http://relay/api/app/info', auth: 'Bearer abc' }]);
  });
});
