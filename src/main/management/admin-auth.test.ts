import { describe, expect, it } from 'vitest';
import { createAttemptGate, generateAdminToken, hashAdminToken, readBearer, verifyAdminToken } from './admin-auth';

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

describe('attempt gate', () => {
  /** A clock and a sleep the test drives: a wrong answer in backoff stays pending until released. */
  function gate(freeFailures = 2) {
    let now = 1_000;
    const slept: number[] = [];
    const pending: Array<() => void> = [];
    const sleep = (ms: number): Promise<void> => {
      slept.push(ms);
      return new Promise<void>((resolve) => pending.push(resolve));
    };
    const g = createAttemptGate({ freeFailures, baseDelayMs: 1_000, maxDelayMs: 8_000, maxWaiting: 2, now: () => now, sleep });
    const releaseAll = (): void => {
      for (const resolve of pending.splice(0)) resolve();
    };
    return { g, slept, pending, releaseAll, advance: (ms: number) => (now += ms) };
  }

  /** Tracks whether a promise has settled, without awaiting it. */
  function watch<T>(promise: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
    let done = false;
    void promise.then(() => (done = true));
    return { settled: () => done, promise };
  }

  /** Lets pending promise callbacks run (no timers involved). */
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('answers the free wrong tokens at once, then holds each later one for a global slot with a doubling gap', async () => {
    const { g, slept, releaseAll } = gate();
    expect(await g.attempt(() => false)).toBe('wrong');
    expect(await g.attempt(() => false)).toBe('wrong');
    const third = watch(g.attempt(() => false));
    const fourth = watch(g.attempt(() => false));
    await flush();
    expect(third.settled()).toBe(false);
    expect(fourth.settled()).toBe(false);
    // Slots are global: the fourth answer comes 2 s after the third's, which comes 1 s from now.
    expect(slept).toEqual([1_000, 3_000]);
    releaseAll();
    expect(await third.promise).toBe('limited');
    expect(await fourth.promise).toBe('limited');
    expect(g.retryAfterSec()).toBeGreaterThanOrEqual(4);
  });

  it('passes the right token at once while wrong checks wait, and a success does not reset the count', async () => {
    const { g, slept, pending, releaseAll } = gate();
    for (let i = 0; i < 2; i++) await g.attempt(() => false);
    const waiting = [watch(g.attempt(() => false)), watch(g.attempt(() => false))];
    await flush();
    expect(pending.length).toBe(2);
    const sleptBefore = slept.length;
    // The owner's token is compared and answered although two guesses are still in the tarpit.
    expect(await g.attempt(() => true)).toBe('ok');
    expect(slept.length).toBe(sleptBefore);
    expect(waiting.map((w) => w.settled())).toEqual([false, false]);
    releaseAll();
    await Promise.all(waiting.map((w) => w.promise));
    // The guesser's backoff goes on: its next wrong token is not answered 401 at once.
    const next = watch(g.attempt(() => false));
    await flush();
    expect(next.settled()).toBe(false);
    releaseAll();
    expect(await next.promise).toBe('limited');
  });

  it('answers 429 at once when too many wrong answers wait, but still passes the right token', async () => {
    const { g, pending, releaseAll } = gate(1);
    await g.attempt(() => false);
    let checks = 0;
    const waiting = Array.from({ length: 3 }, () => watch(g.attempt(() => (checks++, false))));
    // The third finds the line full (maxWaiting 2) and is refused without waiting.
    expect(await waiting[2]?.promise).toBe('limited');
    expect(pending.length).toBe(2);
    expect(await g.attempt(() => true)).toBe('ok');
    expect(waiting.slice(0, 2).map((w) => w.settled())).toEqual([false, false]);
    releaseAll();
    await Promise.all(waiting.map((w) => w.promise));
    // Every token was compared (the right one could be among them), whatever the answer.
    expect(checks).toBe(3);
  });

  it('forgets wrong tokens after a quiet window', async () => {
    const { g, advance, releaseAll } = gate(1);
    await g.attempt(() => false);
    const limited = g.attempt(() => false);
    releaseAll();
    await flush();
    releaseAll();
    expect(await limited).toBe('limited');
    advance(60_000);
    expect(await g.attempt(() => false)).toBe('wrong');
    expect(g.retryAfterSec()).toBe(1);
  });
});
