import { describe, expect, it } from 'vitest';
import { parseCredential, parseCredentials, readTokenClaims } from './credentials';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function jwt(payload: unknown): string {
  return `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.c2ln`;
}

const NOW = Date.UTC(2026, 0, 1);
const EXP = NOW / 1000 + 3600;
const token = jwt({ user: { id: '111', deviceID: '999', name: 'alice' }, email: 'a@example.com', exp: EXP });

function okCredential(input: Parameters<typeof parseCredential>[0]) {
  const result = parseCredential(input, NOW);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result;
}

describe('parseCredentials', () => {
  it('splits realUserID+JWT at the first +, preferring the explicit realUserID', () => {
    const { credential, expired } = okCredential(`450234567894+${token}`);
    expect(credential).toEqual({
      token,
      realUserId: '450234567894',
      realUserIdOrigin: 'given',
      deviceId: '999',
      expiresAt: EXP * 1000,
      userName: 'alice',
      email: 'a@example.com',
    });
    expect(expired).toBe(false);
  });

  it('takes the realUserID of a bare JWT from user.id, then id, then sub', () => {
    expect(okCredential(token).credential.realUserId).toBe('111');
    expect(okCredential(jwt({ id: 222 })).credential.realUserId).toBe('222');
    expect(okCredential(jwt({ sub: '333' })).credential.realUserId).toBe('333');
  });

  it('strips a Bearer prefix and surrounding whitespace', () => {
    expect(okCredential(`  Bearer ${token}\n`).credential.token).toBe(token);
    expect(okCredential(`Bearer 450234567894+${token}`).credential.realUserId).toBe('450234567894');
  });

  it('unwraps the {"value": jwt} localStorage wrapper', () => {
    expect(okCredential(JSON.stringify({ value: token })).credential.token).toBe(token);
  });

  it('accepts separate fields, as an object or as JSON', () => {
    expect(okCredential({ token, realUserId: '444' }).credential.realUserId).toBe('444');
    expect(okCredential(JSON.stringify({ token, realUserID: 555 })).credential.realUserId).toBe('555');
  });

  it('returns one result per entry of a comma or newline list, in order', () => {
    const results = parseCredentials(`1+${token}, 2+${token}\n3+${token}\n\nnot-a-token`, NOW);
    expect(results.map((r) => (r.ok ? r.credential.realUserId : r.error.code))).toEqual([
      '1',
      '2',
      '3',
      'invalid_credential',
    ]);
  });

  it('parses a JSON array of credentials', () => {
    const results = parseCredentials(JSON.stringify([`7+${token}`, { token, realUserID: '8' }]), NOW);
    expect(results.map((r) => r.ok && r.credential.realUserId)).toEqual(['7', '8']);
  });

  it('rejects guest tokens with guest_token', () => {
    const result = parseCredential(jwt({ user: { id: '1' }, email: 'x123@guest.com' }), NOW);
    expect(result).toMatchObject({ ok: false, error: { code: 'guest_token' } });
  });

  it('rejects a guest by user.isAnonymous even without an email (May-2026 tokens)', () => {
    expect(parseCredential(jwt({ user: { id: '1', isAnonymous: true }, exp: EXP }), NOW)).toMatchObject({ ok: false, error: { code: 'guest_token' } });
    expect(parseCredential(`5+${jwt({ user: { id: '5', isAnonymous: true } })}`, NOW)).toMatchObject({ ok: false, error: { code: 'guest_token' } });
    expect(okCredential(jwt({ user: { id: '1', isAnonymous: false } })).credential.realUserId).toBe('1');
  });

  it('marks where the realUserID came from, and leaves it to the upstream when nobody names it', () => {
    expect(okCredential(token).credential.realUserIdOrigin).toBe('jwt');
    const bare = okCredential(jwt({ name: 'x', exp: EXP })).credential;
    expect(bare).toMatchObject({ realUserId: '', realUserIdOrigin: 'unknown' });
    // A non-numeric JWT id is no realUserID either.
    expect(okCredential(jwt({ user: { id: 'abc' } })).credential.realUserIdOrigin).toBe('unknown');
  });

  it('reads one JSON object per line, with cookies, next to plain lines', () => {
    const text = [
      JSON.stringify({ realUserID: '450234567894', token, cookies: 'a=b; c=d, e' }),
      `2+${token}, 3+${token}`,
      JSON.stringify({ token, cookies: [{ name: 'sid', value: 'x1' }, { name: 'cf_clearance', value: 'y2' }] }),
      `  ${JSON.stringify({ _token: token, realUserId: 9, cookie: 'Cookie: k=v' })}  `,
    ].join('\n');
    const results = parseCredentials(text, NOW);
    expect(results.map((r) => (r.ok ? [r.credential.realUserId, r.credential.cookies] : r.error.code))).toEqual([
      ['450234567894', 'a=b; c=d, e'],
      ['2', undefined],
      ['3', undefined],
      ['111', 'sid=x1; cf_clearance=y2'],
      ['9', 'k=v'],
    ]);
  });

  it('normalises pasted cookies and refuses what is not a cookie header', () => {
    expect(okCredential({ token, cookies: ' a=1 ;b="2";; a=3 ' }).credential.cookies).toBe('a=3; b=2');
    expect(okCredential({ token, cookies: '' }).credential.cookies).toBeUndefined();
    expect(parseCredential({ token, cookies: 'just text' }, NOW)).toMatchObject({ ok: false, error: { code: 'invalid_credential' } });
    expect(parseCredential({ token, cookies: `a=${'x'.repeat(20_000)}` }, NOW)).toMatchObject({ ok: false, error: { code: 'invalid_credential' } });
  });

  it('keeps an expired token but flags it', () => {
    const result = okCredential(jwt({ user: { id: '1' }, exp: NOW / 1000 - 1 }));
    expect(result.expired).toBe(true);
    expect(result.credential.expiresAt).toBe(NOW - 1000);
  });

  it.each([
    ['empty', '   '],
    ['garbage', 'hello world'],
    ['two parts', 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjp7fX0'],
    ['undecodable payload', 'eyJhbGciOiJIUzI1NiJ9.@@@.sig'],
    ['non-JSON payload', `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('nope').toString('base64url')}.sig`],
    ['non-numeric realUserID', `abc+${token}`],
    ['JSON without a token', '{"foo":1}'],
    ['broken JSON', '{"value":'],
    ['underscore separator', `450234567894_${token}`],
    ['only separators', ' , ,\n'],
    ['empty JSON list', '[]'],
  ])('reports %s as invalid_credential with a message, without throwing', (_label, input) => {
    const results = parseCredentials(input, NOW);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_credential');
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('survives arbitrary input', () => {
    for (const input of ['+', '++', ',,,', '[1,2]', '[]', 'null', '{}', 'Bearer ', '\u0000', '{"value":7}']) {
      expect(() => parseCredentials(input, NOW)).not.toThrow();
    }
  });

  it('reads device id and expiry of an accepted token', () => {
    expect(readTokenClaims(token)).toEqual({ deviceId: '999', expiresAt: EXP * 1000 });
    expect(readTokenClaims('junk')).toEqual({});
  });
});
