/**
 * The management API's own credential. Only a SHA-256 hash is kept (in the store), the comparison
 * is constant-time, and wrong tokens are limited globally (see createAttemptGate) so a local
 * process cannot guess the token at network speed, from any number of source addresses.
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

export type AttemptResult = 'ok' | 'wrong' | 'limited' | 'busy';

export interface AttemptGate {
  /**
   * Runs a token check now, or, while wrong tokens are in backoff, in the next global check slot.
   * `ok` and `wrong` are the check's answer; `limited` is a wrong token checked during backoff;
   * `busy` means too many checks already wait and this one was not run.
   */
  attempt(check: () => boolean): Promise<AttemptResult>;
  /** Seconds a client should wait before its next try (for Retry-After). */
  retryAfterSec(): number;
}

export interface AttemptGateOptions {
  /** Wrong tokens allowed at network speed before the backoff starts (default 10). */
  freeFailures?: number;
  /** Quiet time after which the count starts over (default one minute). */
  windowMs?: number;
  /** Gap between checks at the first backoff step (default 1 s); doubles with every further wrong token. */
  baseDelayMs?: number;
  /** Largest gap (default 10 s): a guesser gets at most one answer per gap. */
  maxDelayMs?: number;
  /**
   * Checks that may wait for a slot (default 8); more are answered `busy` without a check. With the
   * defaults the owner's right token waits at most about 80 s while a local process keeps guessing.
   */
  maxWaiting?: number;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One limiter for all peers (every local address is 127/8, and a guesser can rotate them). Wrong
 * tokens past the free allowance are not refused outright; instead every token check, right or
 * wrong, waits for a global slot, and the gap between slots doubles with each wrong token. So the
 * owner's right token is only ever delayed (and a success ends the backoff), while a guesser gets
 * one answer per slot however many connections it opens. Requests without a token never reach the
 * gate, so links and images on other pages cannot push the owner into the backoff.
 */
export function createAttemptGate(options: AttemptGateOptions): AttemptGate {
  const free = options.freeFailures ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const maxWaiting = options.maxWaiting ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let failures = 0;
  let lastFailureAt = 0;
  let nextSlotAt = 0;
  let waiting = 0;

  const delayMs = (): number => {
    if (failures > 0 && options.now() - lastFailureAt >= windowMs) failures = 0;
    if (failures < free) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, failures - free));
  };

  const settle = (ok: boolean, gated: boolean): AttemptResult => {
    if (ok) {
      failures = 0;
      return 'ok';
    }
    failures += 1;
    lastFailureAt = options.now();
    return gated ? 'limited' : 'wrong';
  };

  return {
    async attempt(check) {
      const delay = delayMs();
      if (delay === 0) return settle(check(), false);
      if (waiting >= maxWaiting) return 'busy';
      const now = options.now();
      const slot = Math.max(now, nextSlotAt);
      nextSlotAt = slot + delay;
      waiting += 1;
      try {
        if (slot > now) await sleep(slot - now);
      } finally {
        waiting -= 1;
      }
      return settle(check(), true);
    },
    retryAfterSec() {
      const wait = Math.max(delayMs(), nextSlotAt - options.now());
      return Math.max(1, Math.ceil(wait / 1000));
    },
  };
}
