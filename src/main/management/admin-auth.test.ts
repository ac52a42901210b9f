import { describe, expect, it } from 'vitest';
import { createFailureLimiter, generateAdminToken, hashAdminToken, readBearer, verifyAdminToken } from './admin-auth';

describe('admin token', () => {
  it('verifies the right token against its hash and refuses others', () => {
    const token = generateAdminToken();
    const hash = hashAdminToken(token);
    expect(hash).not.toContain(token);
    expect(verifyAdminToken(token, hash)).toBe(true);
    expect(verifyAdminToken(`${token}x`, hash)).toBe(false);
    expect(verifyAdminToken(token, 'not-a-hash')).toBe(false);
  });

  it('generates distinct URL-safe tokens', () => {
    const a = generateAdminToken();
    expect(a).toMatch(/^adm-[A-Za-z0-9_-]{40,}$/);
    expect(generateAdminToken()).not.toBe(a);
  });

  it('reads only a Bearer authorization header', () => {
    expect(readBearer('Bearer abc')).toBe('abc');
    expect(readBearer('bearer abc ')).toBe('abc');
    expect(readBearer('Basic abc')).toBeNull();
    expect(readBearer(undefined)).toBeNull();
  });
});

describe('failure limiter', () => {
  it('blocks a peer after the limit and frees it when the window ends', () => {
    let now = 1_000;
    const limiter = createFailureLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    limiter.recordFailure('p');
    expect(limiter.isBlocked('p')).toBe(false);
    limiter.recordFailure('p');
    expect(limiter.isBlocked('p')).toBe(true);
    expect(limiter.isBlocked('other')).toBe(false);
    now += 30_000;
    expect(limiter.retryAfterSec('p')).toBe(30);
    now += 30_000;
    expect(limiter.isBlocked('p')).toBe(false);
  });
});
