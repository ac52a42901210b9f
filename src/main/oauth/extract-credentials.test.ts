import { describe, expect, it } from 'vitest';
import type { StorageSnapshot } from './capture-script';
import { extractCredentials, toCredentialString, unwrapToken } from './extract-credentials';
import { makeJwt } from './__test__/test-jwt';

const jwt = makeJwt({ user: { id: '111', name: 'Ann', deviceID: '9' }, exp: 2_000_000_000 });
const snapshot = (token: string | null, userDetail: string | null = null): StorageSnapshot => ({ token, userDetail, url: 'http://x/' });

describe('extractCredentials', () => {
  it('is pending while there is no token', () => {
    expect(extractCredentials(snapshot(null))).toEqual({ status: 'pending', reason: 'no_token' });
    expect(extractCredentials(snapshot('  '))).toEqual({ status: 'pending', reason: 'no_token' });
  });

  it('prefers realUserID from user_detail_agent over the JWT user id', () => {
    const result = extractCredentials(snapshot(jwt, JSON.stringify({ realUserID: '222', userName: 'Ann B' })));
    expect(result).toMatchObject({
      status: 'captured',
      credential: { token: jwt, realUserId: '222', realUserIdSource: 'user_detail', userName: 'Ann B', tokenExpiresAt: 2_000_000_000_000 },
    });
  });

  it('falls back to user_detail_agent.id, then to the JWT user.id', () => {
    expect(extractCredentials(snapshot(jwt, JSON.stringify({ id: 333 })))).toMatchObject({ credential: { realUserId: '333', realUserIdSource: 'user_detail' } });
    expect(extractCredentials(snapshot(jwt, 'not json'))).toMatchObject({ credential: { realUserId: '111', realUserIdSource: 'jwt', userName: 'Ann' } });
  });

  it('accepts a top-level id or sub in the JWT as the last fallback', () => {
    expect(extractCredentials(snapshot(makeJwt({ id: 444 })))).toMatchObject({ credential: { realUserId: '444', realUserIdSource: 'jwt' } });
    expect(extractCredentials(snapshot(makeJwt({ sub: '555' })))).toMatchObject({ credential: { realUserId: '555', realUserIdSource: 'jwt' } });
  });

  it('says nobody when neither the profile nor the JWT has an id', () => {
    const bare = makeJwt({ exp: 1 });
    expect(extractCredentials(snapshot(bare))).toMatchObject({ credential: { realUserId: null, realUserIdSource: null } });
  });

  it('unwraps the {"value": jwt} form of _token', () => {
    const result = extractCredentials(snapshot(JSON.stringify({ value: jwt }), JSON.stringify({ realUserID: '222' })));
    expect(result).toMatchObject({ status: 'captured', credential: { token: jwt } });
    expect(unwrapToken(JSON.stringify(jwt))).toBe(jwt);
  });

  it('rejects guest tokens (payload email @guest.com), top-level or under user', () => {
    const guest = makeJwt({ user: { id: '5' }, email: 'x1@guest.com' });
    const nested = makeJwt({ user: { id: '5', email: 'X1@Guest.com' } });
    expect(extractCredentials(snapshot(guest))).toMatchObject({ status: 'rejected', reason: 'guest_token' });
    expect(extractCredentials(snapshot(nested))).toMatchObject({ status: 'rejected', reason: 'guest_token' });
  });

  it('rejects guest tokens marked user.isAnonymous, which carry no email', () => {
    const anonymous = makeJwt({ user: { id: '5', isAnonymous: true }, exp: 2_000_000_000 });
    expect(extractCredentials(snapshot(anonymous, JSON.stringify({ realUserID: '5' })))).toMatchObject({ status: 'rejected', reason: 'guest_token' });
    expect(extractCredentials(snapshot(makeJwt({ user: { id: '5', isAnonymous: false } })))).toMatchObject({ status: 'captured' });
  });

  it('rejects malformed tokens', () => {
    expect(extractCredentials(snapshot('hello'))).toMatchObject({ status: 'rejected', reason: 'malformed' });
    expect(extractCredentials(snapshot('a.b.c'))).toMatchObject({ status: 'rejected', reason: 'malformed' });
    expect(extractCredentials(snapshot(JSON.stringify({ other: 1 })))).toMatchObject({ status: 'rejected', reason: 'malformed' });
  });

  it('formats the realUserID+token string the import understands', () => {
    expect(toCredentialString({ token: jwt, realUserId: '222' })).toBe(`222+${jwt}`);
    expect(toCredentialString({ token: jwt, realUserId: null })).toBe(jwt);
  });
});
