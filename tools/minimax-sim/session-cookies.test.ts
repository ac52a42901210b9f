import { describe, expect, it } from 'vitest';
import { cookieHeaderFor, hasClearanceCookie, hasSessionCookie, parseCookieHeader, setCookieHeadersFor } from './session-cookies';

describe('simulated session cookies', () => {
  it('accepts the header built for the account and refuses another account\'s', () => {
    const header = cookieHeaderFor('s3cret', '111');
    expect(hasSessionCookie(header, 's3cret', '111')).toBe(true);
    expect(hasSessionCookie(header, 's3cret', '222')).toBe(false);
    expect(hasSessionCookie(undefined, 's3cret', '111')).toBe(false);
  });

  it('sets HttpOnly cookies whose values match the request header', () => {
    const [session] = setCookieHeadersFor('k', '1', true);
    expect(session).toContain('HttpOnly');
    const pair = session?.split(';')[0] ?? '';
    expect(cookieHeaderFor('k', '1')).toBe(pair);
  });

  it('checks clearance only when present and issued by the simulator', () => {
    expect(hasClearanceCookie(cookieHeaderFor('k', '1', true), 'k', ['1', '2'])).toBe(true);
    expect(hasClearanceCookie(cookieHeaderFor('k', '1'), 'k', ['1'])).toBe(false);
    expect(parseCookieHeader('a=b; c = d=e;bad').get('c')).toBe('d=e');
  });
});
