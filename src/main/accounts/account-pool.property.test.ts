import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryDocumentStore } from '../store/file-document-store';
import { createRelayStore } from '../store/relay-store';
import { createTestSecretBox, makeAccountRecord } from '../store/__test__/test-helpers';
import { createAccountPool } from './account-pool';
import { createAccountRepository } from './account-repository';
import { createFakeClock } from './__test__/test-clock';
import type { AccountLease } from './types';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

type Step =
  | { kind: 'acquire' }
  | { kind: 'release'; pick: number; outcome: 'ok' | 'busy' | 'other' }
  | { kind: 'abort'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'reset'; account: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'acquire' as const }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat(20), outcome: fc.constantFrom('ok' as const, 'busy' as const, 'other' as const) }),
  fc.record({ kind: fc.constant('abort' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ kind: fc.constant('reset' as const), account: fc.nat(2) }),
);

describe('account pool invariants (random schedules)', () => {
  it('never exceeds a cap, serves waiters in FIFO order, settles everyone, leaves no timer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 60 }), fc.constantFrom(1, 2), async (steps, cap) => {
        const clock = createFakeClock();
        const secretBox = createTestSecretBox();
        const store = createRelayStore(createMemoryDocumentStore(), { secretBox, now: clock.now });
        const ids = ['a', 'b', 'c'];
        for (const id of ids) {
          store.saveAccount(makeAccountRecord({ id, realUserId: id, maxConcurrency: cap, sealedCredential: secretBox.seal(JSON.stringify({ kind: 'minimax-agent', token: 't', realUserId: id })) }));
        }
        const repository = createAccountRepository({ store, secretBox, now: clock.now });
        const pool = createAccountPool({ repository, settings: () => ({ queueLength: 5, queueWaitMs: 30_000, cooldownMs: 10_000 }), baseUrlFor: () => 'http://x', now: clock.now, timers: clock.timers });
        const held: AccountLease[] = [];
        const waiting: { seq: number; controller: AbortController; done: boolean }[] = [];
        const grantedOrder: number[] = [];
        let seq = 0;
        const check = () => {
          for (const id of ids) expect(pool.busyCount(id)).toBeLessThanOrEqual(cap);
          expect(pool.busyCount('a') + pool.busyCount('b') + pool.busyCount('c')).toBe(held.length);
        };
        for (const step of steps) {
          if (step.kind === 'acquire') {
            const controller = new AbortController();
            const waiter = { seq: (seq += 1), controller, done: false };
            waiting.push(waiter);
            pool.acquire({ signal: controller.signal }).then(
              (lease) => {
                waiter.done = true;
                grantedOrder.push(waiter.seq);
                held.push(lease);
              },
              () => (waiter.done = true),
            );
          } else if (step.kind === 'release' && held.length > 0) {
            const [lease] = held.splice(step.pick % held.length, 1);
            const outcome = step.outcome === 'ok' ? { ok: true as const } : { ok: false as const, code: step.outcome === 'busy' ? ('upstream_busy' as const) : ('upstream_protocol' as const), message: 'x' };
            lease!.release(outcome);
          } else if (step.kind === 'abort') {
            const open = waiting.filter((w) => !w.done);
            open[step.pick % Math.max(1, open.length)]?.controller.abort();
          } else if (step.kind === 'advance') {
            clock.advance(step.ms);
          } else if (step.kind === 'reset') {
            repository.reset(ids[step.account]!);
          }
          await settle();
          check();
        }
        // Grants happen in arrival order: no later request overtakes an earlier one still waiting.
        expect(grantedOrder).toEqual([...grantedOrder].sort((x, y) => x - y));
        for (const lease of held.splice(0)) lease.release({ ok: true });
        clock.advance(60_000);
        await settle();
        expect(waiting.every((w) => w.done)).toBe(true);
        expect(pool.queued()).toBe(0);
        expect(clock.pendingTimers()).toBe(0);
        pool.dispose();
      }),
      { numRuns: 150 },
    );
  });
});
