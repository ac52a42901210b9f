import { describe, expect, it } from 'vitest';
import { formatCookieHeader, parseCookieHeader, sameCookies } from './cookie-header';
import { cookiesRemovedByUser, cookiesToPersist, cookiesToSeed } from './cookie-sync';
import { toCookieSetDetails } from './cookie-copy';

describe('cookie header', () => {
  it('parses document.cookie or a Cookie header, later duplicates winning', () => {
    expect(parseCookieHeader('Cookie: a=1; b=x y, z; a=2')).toEqual({ ok: true, header: 'a=2; b=x y, z', pairs: [{ name: 'a', value: '2' }, { name: 'b', value: 'x y, z' }] });
    expect(parseCookieHeader('')).toEqual({ ok: true, header: '', pairs: [] });
    expect(parseCookieHeader('a=1\r\nX-Evil: 1')).toMatchObject({ ok: false });
    expect(parseCookieHeader('=nameless')).toMatchObject({ ok: false });
  });

  it('formats pairs and compares regardless of order', () => {
    expect(formatCookieHeader([{ name: 'a', value: '1' }, { name: 'bad name', value: 'x' }])).toBe('a=1');
    expect(sameCookies('a=1; b=2', 'b=2;a=1')).toBe(true);
    expect(sameCookies('a=1', 'a=2')).toBe(false);
    expect(sameCookies(undefined, '')).toBe(true);
  });
});

describe('cookie sync between the account and its browser session', () => {
  const jar = [{ name: 'sid', value: 'old' }, { name: 'cf_clearance', value: 'c1' }];

  it('seeds cookies the user set that the jar lacks or holds differently', () => {
    expect(cookiesToSeed(undefined, 'sid=new; other=1', jar)).toEqual([{ name: 'sid', value: 'new' }, { name: 'other', value: '1' }]);
    expect(cookiesToSeed(undefined, 'sid=old; cf_clearance=c1', jar)).toEqual([]);
    expect(cookiesToSeed(undefined, undefined, jar)).toBeNull();
  });

  it('does not put an older stored value over a renewal it already knows of', () => {
    expect(cookiesToSeed('sid=old; cf_clearance=c1', 'cf_clearance=c1; sid=old', [{ name: 'sid', value: 'renewed' }])).toBeNull();
  });

  it('notices when the user removed the cookies the account had', () => {
    expect(cookiesRemovedByUser('sid=old', undefined)).toBe(true);
    expect(cookiesRemovedByUser(undefined, undefined)).toBe(false);
    expect(cookiesRemovedByUser('sid=old', 'sid=old')).toBe(false);
  });

  it('persists a jar that changed, and nothing when it did not', () => {
    expect(cookiesToPersist('sid=old; cf_clearance=c1', [{ name: 'sid', value: 'renewed' }, { name: 'cf_clearance', value: 'c1' }])).toBe('sid=renewed; cf_clearance=c1');
    expect(cookiesToPersist('cf_clearance=c1; sid=old', jar)).toBeNull();
    expect(cookiesToPersist(undefined, [])).toBeNull();
  });
});

describe('copying a cookie between sessions', () => {
  it('keeps HttpOnly, Secure, expiry and the domain of a domain cookie', () => {
    expect(toCookieSetDetails({ name: 'sid', value: 'v', domain: '.minimaxi.com', hostOnly: false, path: '/', secure: true, httpOnly: true, session: false, expirationDate: 2e9, sameSite: 'lax' })).toEqual({
      url: 'https://minimaxi.com/',
      name: 'sid',
      value: 'v',
      domain: '.minimaxi.com',
      path: '/',
      secure: true,
      httpOnly: true,
      expirationDate: 2e9,
      sameSite: 'lax',
    });
  });

  it('leaves the domain out of a host-only cookie and the expiry out of a session cookie', () => {
    const details = toCookieSetDetails({ name: 'a', value: '1', domain: '127.0.0.1', hostOnly: true, path: '/x', secure: false, httpOnly: true, session: true, expirationDate: 5 });
    expect(details).toEqual({ url: 'http://127.0.0.1/x', name: 'a', value: '1', path: '/x', secure: false, httpOnly: true });
    expect(toCookieSetDetails({ name: 'a', value: '1' })).toBeNull();
  });
});
