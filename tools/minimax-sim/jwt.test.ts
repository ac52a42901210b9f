import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt, type SimJwtPayload } from './jwt';

const payload: SimJwtPayload = {
  user: { id: '450234567894', deviceID: '345678901234567', name: 'alice' }, email: 'a@example.com', iat: 1, exp: 2, jti: 'x',
};

describe('simulator JWT', () => {
  it('issues HS256 tokens with the header prefix of the real site', () => {
    const token = signJwt(payload, 's');
    expect(token.startsWith('eyJhbGciOiJIUzI1NiI')).toBe(true);
    expect(token).not.toContain('+');
    expect(verifyJwt(token, 's')).toEqual(payload);
  });

  it('refuses other secrets, tampered payloads and garbage', () => {
    const token = signJwt(payload, 's');
    expect(verifyJwt(token, 'other')).toBeNull();
    const [head, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, user: { ...payload.user, id: '1' } })).toString('base64url');
    expect(verifyJwt(`${head}.${forged}.${sig}`, 's')).toBeNull();
    expect(verifyJwt('not-a-jwt', 's')).toBeNull();
  });
});
