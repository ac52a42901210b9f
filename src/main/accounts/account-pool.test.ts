import { afterEach, describe, expect, it } from 'vitest';
import { reasonFromDetail } from '../../shared/domain/upstream-reason';
import type { AccountRecord } from '../../shared/domain/account';
import type { RelayError } from '../../shared/errors';
import { createMemoryDocumentStore } from '../store/file-document-store';
import { createRelayStore } from '../store/relay-store';
import { createTestSecretBox, makeAccountRecord } from '../store/__test__/test-helpers';
import { createAccountPool, nextLocalMidnight, type ManagedAccountPool, type PoolSettingsLike } from './account-pool';
import { createAccountRepository } from './account-repository';
import { createFakeClock } from './__test__/test-clock';
import type { AccountLease, AcquireOptions } from './types';

const pools: ManagedAccountPool[] = [];
afterEach(() => pools.splice(0).forEach((pool) => pool.dispose()));

function setup(accounts: Partial<AccountRecord>[], settings: Partial<PoolSettingsLike> = {}) {
  const clock = createFakeClock();
  const secretBox = createTestSecretBox();
  const store = createRelayStore(createMemoryDocumentStore(), { secretBox, now: clock.now });
  for (const account of accounts) {
    const id = account.id ?? 'a';
    const credential = JSON.stringify({ kind: 'minimax-agent', token: `token-${id}`, realUserId: id });
    store.saveAccount(makeAccountRecord({ realUserId: id, label: id.toUpperCase(), sealedCredential: secretBox.seal(credential), ...account }));
  }
  const repository = createAccountRepository({ store, secretBox, now: clock.now });
  const poolSettings: PoolSettingsLike = { queueLength: 10, queueWaitMs: 60_000, cooldownMs: 30_000, ...settings };
  const pool = createAccountPool({ repository, settings: () => poolSettings, baseUrlFor: (region) => `http://${region}.test`, now: clock.now, timers: clock.timers });
  pools.push(pool);
  const signal = new AbortController().signal;
  const acquire = (options: Partial<AcquireOptions> = {}) => track(pool.acquire({ signal, ...options }));
  return { clock, store, repository, pool, acquire };
}

interface Tracked {
  promise: Promise<AccountLease>;
  lease: AccountLease | null;
  error: RelayError | null;
}

function track(promise: Promise<AccountLease>): Tracked {
  const tracked: Tracked = { promise, lease: null, error: null };
  promise.then(
    (lease) => (tracked.lease = lease),
    (error: RelayError) => (tracked.error = error),
  );
  return tracked;
}

/** Lets resolved promises and queued microtasks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createAccountPool', () => {
  it('serves 6 concurrent requests on 2 accounts one at a time each, in FIFO order', async () => {
    const { pool, acquire, clock } = setup([{ id: 'a' }, { id: 'b' }]);
    const running = new Map<string, number>();
    const order: number[] = [];
    let maxSeen = 0;
    const requests = Array.from({ length: 6 }, (_, index) => {
      const tracked = acquire();
      tracked.promise.then((lease) => {
        order.push(index);
        const now = (running.get(lease.account.id) ?? 0) + 1;
        running.set(lease.account.id, now);
        maxSeen = Math.max(maxSeen, now);
      });
      return tracked;
    });
    await settle();
    expect(order).toEqual([0, 1]);
    expect(pool.health()).toMatchObject({ busy: 2, queued: 4, capacity: 2 });
    for (let done = 0; done < 6; done += 1) {
      const lease = requests[order[done]!]!.lease!;
      running.set(lease.account.id, (running.get(lease.account.id) ?? 1) - 1);
      lease.release({ ok: true });
      await settle();
    }
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(maxSeen).toBe(1);
    expect(pool.health()).toMatchObject({ busy: 0, queued: 0 });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('says why it chose an account and opens its credential for the provider', async () => {
    const { acquire } = setup([{ id: 'a', credits: { remaining: 180, resetAt: null, planName: null, checkedAt: 0 } }]);
    const first = acquire();
    await settle();
    expect(first.lease?.reason).toBe('least busy (0 of 1), 180 credits left, only healthy account');
    expect(first.lease?.upstream).toMatchObject({ id: 'a', baseUrl: 'http://cn.test', credential: { token: 'token-a' } });
    expect(first.lease?.queueWaitMs).toBe(0);
  });

  it('rejects with queue_full when the queue is at its bound', async () => {
    const { acquire } = setup([{ id: 'a' }], { queueLength: 2 });
    const calls = [acquire(), acquire(), acquire(), acquire()];
    await settle();
    expect(calls.map((c) => c.lease !== null)).toEqual([true, false, false, false]);
    expect(calls[3]?.error?.code).toBe('queue_full');
    expect(reasonFromDetail(calls[3]?.error?.detail)).toEqual({ code: 'pool_queue_full', params: { queueLength: 2 } });
    expect(calls[1]?.error).toBeNull();
  });

  it('rejects with queue_timeout after the wait bound, and leaves no timer behind', async () => {
    const { acquire, clock, pool } = setup([{ id: 'a' }], { queueWaitMs: 1000 });
    acquire();
    const waiting = acquire();
    await settle();
    clock.advance(999);
    await settle();
    expect(waiting.error).toBeNull();
    clock.advance(1);
    await settle();
    expect(waiting.error?.code).toBe('queue_timeout');
    expect(reasonFromDetail(waiting.error?.detail)).toEqual({ code: 'pool_queue_timeout', params: { seconds: 1 } });
    expect(pool.queued()).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('an aborted waiter leaves the queue at once and never gets a slot', async () => {
    const { acquire, pool, clock } = setup([{ id: 'a' }]);
    const first = acquire();
    const controller = new AbortController();
    const aborted = acquire({ signal: controller.signal });
    const third = acquire();
    await settle();
    controller.abort();
    await settle();
    expect(aborted.error?.code).toBe('aborted');
    expect(pool.queued()).toBe(1);
    first.lease!.release({ ok: true });
    await settle();
    expect(third.lease?.account.id).toBe('a');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('an already aborted request does not queue', async () => {
    const { acquire } = setup([{ id: 'a' }]);
    const controller = new AbortController();
    controller.abort();
    const call = acquire({ signal: controller.signal });
    await settle();
    expect(call.error?.code).toBe('aborted');
  });

  it('cools an account down after a transient error and routes to it again exactly on time', async () => {
    const { acquire, clock, repository } = setup([{ id: 'a' }], { cooldownMs: 30_000 });
    const first = acquire();
    await settle();
    first.lease!.release({ ok: false, code: 'upstream_busy', message: 'busy' });
    expect(repository.get('a')).toMatchObject({ status: 'cooling', statusUntil: clock.now() + 30_000 });
    const waiting = acquire();
    clock.advance(29_999);
    await settle();
    expect(waiting.lease).toBeNull();
    clock.advance(1);
    await settle();
    expect(waiting.lease?.account.id).toBe('a');
    expect(waiting.lease?.queueWaitMs).toBe(30_000);
    expect(repository.get('a').status).toBe('active');
  });

  it('does not queue when no account could serve within the wait bound', async () => {
    const { acquire } = setup([{ id: 'a' }], { cooldownMs: 600_000, queueWaitMs: 1_000 });
    const first = acquire();
    await settle();
    first.lease!.release({ ok: false, code: 'timeout', message: 'slow' });
    const call = acquire();
    await settle();
    expect(call.error?.code).toBe('no_account');
  });

  it('parks an exhausted account until the reset time (or the next local midnight)', async () => {
    const { acquire, clock, repository } = setup([{ id: 'a' }, { id: 'b' }]);
    const [a, b] = [acquire(), acquire()];
    await settle();
    const resetAt = clock.now() + 3_600_000;
    a.lease!.release({ ok: false, code: 'upstream_credits_exhausted', message: 'no credits', resetAt });
    b.lease!.release({ ok: false, code: 'upstream_credits_exhausted', message: 'no credits', resetAt: clock.now() - 1 });
    expect(repository.get(a.lease!.account.id)).toMatchObject({ status: 'exhausted', statusUntil: resetAt });
    expect(repository.get(b.lease!.account.id).statusUntil).toBe(nextLocalMidnight(clock.now()));
    const refused = acquire();
    await settle();
    expect(refused.error?.code).toBe('no_account');
    clock.advance(3_600_000);
    const later = acquire();
    await settle();
    expect(later.lease?.account.id).toBe(a.lease!.account.id);
  });

  it('marks an account expired on auth failure; a manual reset re-enables it, also for waiters', async () => {
    const { acquire, repository, pool } = setup([{ id: 'a' }, { id: 'b' }]);
    const [first, second] = [acquire(), acquire()];
    await settle();
    const expiredId = second.lease!.account.id;
    second.lease!.release({ ok: false, code: 'upstream_auth_expired', message: 'token expired' });
    expect(repository.get(expiredId).status).toBe('expired');
    const waiting = acquire();
    await settle();
    expect(waiting.lease).toBeNull();
    expect(pool.health().byStatus.expired).toBe(1);
    repository.reset(expiredId);
    await settle();
    expect(waiting.lease?.account.id).toBe(expiredId);
    first.lease!.release({ ok: true });
  });

  it('fails with no_account when nothing is enabled and healthy, and recovers after reset', async () => {
    const { acquire, repository } = setup([{ id: 'a', status: 'expired' }, { id: 'b', enabled: false, status: 'disabled' }]);
    const call = acquire();
    await settle();
    expect(call.error?.code).toBe('no_account');
    expect(reasonFromDetail(call.error?.detail)).toEqual({ code: 'pool_none_usable', params: { scope: 'all' } });
    repository.reset('a');
    const again = acquire();
    await settle();
    expect(again.lease?.account.id).toBe('a');
  });

  it('a waiter whose only usable account disappears is told no_account instead of waiting', async () => {
    const { acquire, repository } = setup([{ id: 'a' }]);
    acquire();
    const waiting = acquire();
    await settle();
    repository.markInvalid('a');
    await settle();
    expect(waiting.error?.code).toBe('no_account');
  });

  it('tells queued waiters no_account at once when the last account runs out of credits until after their deadline', async () => {
    const { acquire, clock } = setup([{ id: 'a' }], { queueWaitMs: 20_000 });
    const running = acquire();
    const waiters = [acquire(), acquire()];
    await settle();
    expect(waiters.every((w) => w.lease === null && w.error === null)).toBe(true);
    running.lease!.release({ ok: false, code: 'upstream_credits_exhausted', message: 'no credits', resetAt: clock.now() + 3_600_000 });
    await settle();
    expect(waiters.map((w) => w.error?.code)).toEqual(['no_account', 'no_account']);
  });

  it('says when the next account is free when every usable one is parked past the deadline', async () => {
    const { acquire, clock } = setup([{ id: 'a' }, { id: 'b', status: 'expired' }], { cooldownMs: 90_000, queueWaitMs: 30_000 });
    const first = acquire();
    await settle();
    first.lease!.release({ ok: false, code: 'upstream_unavailable', message: 'outage' });
    clock.advance(10_000);
    const call = acquire();
    await settle();
    expect(call.error?.code).toBe('no_account');
    expect(call.error?.detail).toMatchObject({ retryAfterMs: 80_000 });
    expect(call.error?.message).toMatch(/next one is free in 80 s/);
  });

  it('gives no retry time when no account will ever come back by itself', async () => {
    const { acquire } = setup([{ id: 'a', status: 'expired' }]);
    const call = acquire();
    await settle();
    expect(call.error?.code).toBe('no_account');
    expect(call.error?.detail?.retryAfterMs).toBeUndefined();
    expect(call.error?.detail?.freeAt).toBeUndefined();
  });

  it('keeps waiting when the parked account comes back before the waiter\'s deadline', async () => {
    const { acquire, clock } = setup([{ id: 'a' }], { queueWaitMs: 60_000, cooldownMs: 5_000 });
    const running = acquire();
    const waiting = acquire();
    await settle();
    running.lease!.release({ ok: false, code: 'upstream_unavailable', message: 'blip' });
    await settle();
    expect(waiting.error).toBeNull();
    clock.advance(5_000);
    await settle();
    expect(waiting.lease?.account.id).toBe(running.lease!.account.id);
  });

  it('honours a pinned account even when another is free, with the alias in the reason', async () => {
    const { acquire } = setup([{ id: 'a' }, { id: 'b' }]);
    const call = acquire({ pinnedAccountId: 'b', pinnedBy: 'gpt-4o' });
    await settle();
    expect(call.lease?.account.id).toBe('b');
    expect(call.lease?.reason).toBe('only account pinned by alias gpt-4o');
    const queued = acquire({ pinnedAccountId: 'b' });
    const other = acquire();
    await settle();
    expect(queued.lease).toBeNull();
    expect(other.lease?.account.id).toBe('a');
    const missing = acquire({ pinnedAccountId: 'zzz' });
    await settle();
    expect(missing.error?.code).toBe('no_account');
  });

  it('prefers credit headroom: known credits first (most first), then unknown, then none', async () => {
    const credits = (remaining: number) => ({ remaining, resetAt: null, planName: null, checkedAt: 0 });
    const { acquire } = setup([
      { id: 'zero', credits: credits(0) },
      { id: 'unknown', credits: null },
      { id: 'few', credits: credits(10) },
      { id: 'many', credits: credits(180) },
    ]);
    const calls = [acquire(), acquire(), acquire(), acquire()];
    await settle();
    expect(calls.map((c) => c.lease?.account.id)).toEqual(['many', 'few', 'unknown', 'zero']);
  });

  it('round-robins between equally good accounts', async () => {
    const { acquire } = setup([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const seen: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const call = acquire();
      await settle();
      seen.push(call.lease!.account.id);
      call.lease!.release({ ok: true });
    }
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('skips excluded accounts and uses concurrency caps above one', async () => {
    const { acquire, pool } = setup([{ id: 'a', maxConcurrency: 2 }, { id: 'b' }]);
    const calls = [acquire({ exclude: new Set(['b']) }), acquire({ exclude: new Set(['b']) }), acquire({ exclude: new Set(['b']) })];
    await settle();
    expect(calls.map((c) => c.lease?.account.id ?? null)).toEqual(['a', 'a', null]);
    expect(pool.busyCount('a')).toBe(2);
    expect(calls[1]?.lease?.reason).toMatch(/^least busy \(1 of 2\)/);
  });

  it('release is idempotent and counts requests and failures', async () => {
    const { acquire, repository, pool } = setup([{ id: 'a' }]);
    const call = acquire();
    await settle();
    call.lease!.release({ ok: false, code: 'upstream_protocol', message: 'bad frame' });
    call.lease!.release({ ok: true });
    expect(pool.busyCount('a')).toBe(0);
    expect(repository.get('a')).toMatchObject({ status: 'active', counters: { requests: 1, failures: 1 } });
  });

  it('marks an account whose credential no longer opens invalid and uses another', async () => {
    const { acquire, store, repository } = setup([{ id: 'a' }, { id: 'b' }]);
    store.saveAccount({ ...repository.get('a'), sealedCredential: 'test:%%%' });
    const call = acquire();
    await settle();
    expect(call.lease?.account.id).toBe('b');
    expect(repository.get('a').status).toBe('invalid');
  });

  it('dispose rejects waiters and stops timers', async () => {
    const { acquire, pool, clock } = setup([{ id: 'a' }]);
    acquire();
    const waiting = acquire();
    await settle();
    pool.dispose();
    await settle();
    expect(waiting.error?.code).toBe('aborted');
    expect(clock.pendingTimers()).toBe(0);
  });
});
