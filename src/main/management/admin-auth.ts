/**
 * The management API's own credential. Only a SHA-256 hash is kept (in the store), the comparison
 * is constant-time, and wrong tokens are limited globally (see createAttemptGate), from any number
 * of source addresses, without ever holding back the right token.
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

export type AttemptResult = 'ok' | 'wrong' | 'limited';

export interface AttemptGate {
  /**
   * Runs the token check at once and answers from it. `ok`: the token is right (never delayed,
   * never refused). `wrong`: a wrong token within the free allowance. `limited`: a wrong token past
   * it, answered after its backoff slot, or at once when too many wrong answers already wait.
   */
  attempt(check: () => boolean): Promise<AttemptResult>;
  /** Seconds a client should wait before its next try (for Retry-After). */
  retryAfterSec(): number;
}

export interface AttemptGateOptions {
  /** Wrong tokens answered at once (401) before the backoff starts (default 10). */
  freeFailures?: number;
  /** Quiet time (no wrong token) after which the count starts over (default one minute). */
  windowMs?: number;
  /** Wait of the first wrong token past the allowance (default 1 s); doubles with every further one. */
  baseDelayMs?: number;
  /** Largest wait between two wrong answers (default 10 s): a patient guesser gets one per gap. */
  maxDelayMs?: number;
  /** Wrong answers that may wait for a slot at the same time (default 8); further ones get 429 at once. */
  maxWaiting?: number;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One limiter for all peers (every local address is 127/8, and a guesser can rotate them), and it
 * only ever holds back wrong tokens. The token is compared first (constant time); a right token
 * passes at once whatever the failure count, so the owner is never queued behind a guesser. Wrong
 * tokens are counted together: the first `freeFailures` in the window are answered 401 at once;
 * each later one is a tarpit: it waits for the next global slot, the gap doubling with every wrong
 * token up to `maxDelayMs`, and is then answered 429; when `maxWaiting` wrong answers already wait,
 * it gets 429 at once, so a guesser cannot pile up open requests.
 *
 * A success does not reset the count: the owner's UI keeps calling while a guesser runs, and each
 * of its calls would otherwise hand the guesser a fresh allowance. The count starts over only after
 * `windowMs` without a wrong token.
 *
 * What this does and does not do: since a right token is answered at once, a client can always tell
 * that a guess was wrong by the missing 200, so the limiter cannot slow a guesser who stops
 * listening. The token's 256 random bits are what make guessing hopeless; the limiter keeps wrong
 * guesses from costing the relay more than one cheap answer each, slows clients that wait for their
 * answers, and never stands between the owner and the API. Requests without a token never reach
 * the gate, so links and images on other pages count for nothing.
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

  const forgetAfterQuiet = (now: number): void => {
    if (failures > 0 && now - lastFailureAt >= windowMs) {
      failures = 0;
      nextSlotAt = 0;
    }
  };

  /** Backoff step of the `count`-th wrong token (0 within the allowance). */
  const delayFor = (count: number): number => {
    if (count <= free) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, count - free - 1));
  };

  const tarpit = async (delay: number): Promise<AttemptResult> => {
    if (waiting >= maxWaiting) return 'limited';
    const now = options.now();
    // Each wrong answer takes the next global slot, so parallel connections do not buy answers.
    const answerAt = Math.max(now, nextSlotAt) + delay;
    nextSlotAt = answerAt;
    waiting += 1;
    try {
      await sleep(answerAt - now);
    } finally {
      waiting -= 1;
    }
    return 'limited';
  };

  return {
    async attempt(check) {
      if (check()) return 'ok';
      const now = options.now();
      forgetAfterQuiet(now);
      failures += 1;
      lastFailureAt = now;
      const delay = delayFor(failures);
      return delay === 0 ? 'wrong' : tarpit(delay);
    },
    retryAfterSec() {
      const now = options.now();
      forgetAfterQuiet(now);
      const wait = Math.max(delayFor(failures + 1), nextSlotAt - now);
      return Math.max(1, Math.ceil(wait / 1000));
    },
  };
}
