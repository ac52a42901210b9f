import { createHmac, timingSafeEqual } from 'node:crypto';

/** Payload shape inferred from the clients that decode it (protocol doc §2.3). */
export interface SimJwtPayload {
  /** `isAnonymous`: guest sessions of the site since May 2026 (protocol doc §10.5). */
  user: { id: string; deviceID: string; name: string; isAnonymous?: boolean };
  email: string;
  iat: number;
  exp: number;
  /** Makes every issued token distinct even within the same second. */
  jti: string;
}

function toBase64Url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

function hmac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signJwt(payload: SimJwtPayload, secret: string): string {
  const head = toBase64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = toBase64Url(JSON.stringify(payload));
  return `${head}.${body}.${hmac(secret, `${head}.${body}`).toString('base64url')}`;
}

/** The payload when `token` carries a valid signature of `secret` (expiry is checked by the caller). */
export function verifyJwt(token: string, secret: string): SimJwtPayload | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts as [string, string, string];
  const expected = hmac(secret, `${head}.${body}`);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return isPayload(payload) ? payload : null;
  } catch {
    return null;
  }
}

function isPayload(value: unknown): value is SimJwtPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { user?: { id?: unknown }; exp?: unknown };
  return typeof v.user?.id === 'string' && typeof v.exp === 'number';
}
