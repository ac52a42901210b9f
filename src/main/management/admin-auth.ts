/**
 * The management API's own credential. Only a SHA-256 hash is kept (in the store), the comparison
 * is constant-time, and failed attempts are counted per peer so a local process cannot guess the
 * token at network speed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function hashAdminToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, URL-safe (it travels in the UI URL's fragment). */
export function generateAdminToken(): string {
  return `adm-${randomBytes(32).toString('base64url')}`;
}

/** Compares hashes of equal length, so neither the token nor its length leaks through timing. */
export function verifyAdminToken(candidate: string, expectedHash: string): boolean {
  const actual = createHash('sha256').update(candidate, 'utf8').digest();
  const expected = Buffer.from(expectedHash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function readBearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export interface FailureLimiter {
  /** True while the peer has used up its failed attempts in the current window. */
  isBlocked(peer: string): boolean;
  recordFailure(peer: string): void;
  /** Seconds until the peer may try again (for Retry-After). */
  retryAfterSec(peer: string): number;
}

/** A fixed window per peer: `limit` failures per `windowMs`; successes do not reset the count. */
export function createFailureLimiter(options: { limit: number; windowMs: number; now: () => number }): FailureLimiter {
  const windows = new Map<string, { start: number; failures: number }>();

  function current(peer: string): { start: number; failures: number } | null {
    const entry = windows.get(peer);
    if (!entry) return null;
    if (options.now() - entry.start >= options.windowMs) {
      windows.delete(peer);
      return null;
    }
    return entry;
  }

  return {
    isBlocked: (peer) => (current(peer)?.failures ?? 0) >= options.limit,
    recordFailure(peer) {
      const entry = current(peer);
      if (entry) entry.failures += 1;
      else windows.set(peer, { start: options.now(), failures: 1 });
    },
    retryAfterSec(peer) {
      const entry = current(peer);
      return entry ? Math.max(1, Math.ceil((entry.start + options.windowMs - options.now()) / 1000)) : 0;
    },
  };
}
