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
  function gate(freeFailures = 2) {
    let now = 1_000;
    const slept: number[] = [];
    const sleep = async (ms: number): Promise<void> => {
      slept.push(ms);
      now += ms;
    };
    const g = createAttemptGate({ freeFailures, baseDelayMs: 1_000, maxDelayMs: 8_000, maxWaiting: 2, now: () => now, sleep });
    return { g, slept, advance: (ms: number) => (now += ms) };
  }

  it('answers the free wrong tokens at once, then checks in global slots with a doubling gap', async () => {
    const { g, slept } = gate();
    expect(await g.attempt(() => false)).toBe('wrong');
    expect(await g.attempt(() => false)).toBe('wrong');
    expect(await g.attempt(() => false)).toBe('limited');
    expect(await g.attempt(() => false)).toBe('limited');
    expect(await g.attempt(() => false)).toBe('limited');
    expect(slept).toEqual([1_000, 2_000]);
    expect(g.retryAfterSec()).toBe(8);
  });

  it('never refuses the right token: it waits for its slot, passes and ends the backoff', async () => {
    const { g, slept } = gate();
    for (let i = 0; i < 5; i++) await g.attempt(() => false);
    slept.length = 0;
    expect(await g.attempt(() => true)).toBe('ok');
    expect(slept.length).toBe(1);
    expect(await g.attempt(() => false)).toBe('wrong');
  });

  it('answers busy without a check when too many checks wait, and forgets after a quiet window', async () => {
    const { g, advance } = gate(1);
    await g.attempt(() => false);
    let checks = 0;
    // The first check in backoff has its slot at once; the next two wait for theirs, the fourth finds the line full.
    const waiting = Array.from({ length: 4 }, () => g.attempt(() => (checks++, false)));
    expect(await waiting[3]).toBe('busy');
    await Promise.all(waiting);
    expect(checks).toBe(3);
    advance(60_000);
    expect(await g.attempt(() => false)).toBe('wrong');
  });
});
