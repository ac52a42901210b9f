import type { PoolHealth } from '../../shared/contract';
import { ACCOUNT_STATUSES, type AccountRecord, type Region } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import { silentLogger, type Logger } from '../logs/types';
import type { AccountRepository } from './account-repository';
import { compareCandidates, describeChoice, effectiveStatus, isHealthy, recoversAt, type Candidate } from './pool-selection';
import type { AccountLease, AccountPool, AcquireOptions, LeaseOutcome } from './types';

export interface PoolSettingsLike {
  queueLength: number;
  queueWaitMs: number;
  cooldownMs: number;
}

export interface PoolTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AccountPoolDeps {
  repository: AccountRepository;
  /** Read on every call so a settings change applies at once. */
  settings: () => PoolSettingsLike;
  baseUrlFor: (region: Region) => string;
  now?: () => number;
  timers?: PoolTimers;
  logger?: Logger;
}

export interface ManagedAccountPool extends AccountPool {
  queued(): number;
  /** Rejects waiters and stops listening to the store. */
  dispose(): void;
}

interface Waiter {
  options: AcquireOptions;
  enqueuedAt: number;
  resolve(lease: AccountLease): void;
  reject(error: RelayError): void;
  deadline: unknown;
  onAbort: () => void;
}

const TRANSIENT = new Set(['upstream_unavailable', 'upstream_busy', 'timeout']);

const defaultTimers: PoolTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The next local midnight: MiniMax resets daily credits once a day when it does not say when. */
export function nextLocalMidnight(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

export function createAccountPool(deps: AccountPoolDeps): ManagedAccountPool {
  const { repository } = deps;
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? defaultTimers;
  const logger = deps.logger ?? silentLogger;
  const busy = new Map<string, number>();
  const lastPick = new Map<string, number>();
  const queue: Waiter[] = [];
  let pickSeq = 0;
  let recoveryTimer: unknown = null;
  let dispatching = false;
  let dispatchAgain = false;

  const busyOf = (id: string): number => busy.get(id) ?? 0;

  function eligible(record: AccountRecord, options: AcquireOptions): boolean {
    if (options.pinnedAccountId && record.id !== options.pinnedAccountId) return false;
    return !options.exclude?.has(record.id);
  }

  function pick(records: readonly AccountRecord[], options: AcquireOptions, time: number): Candidate[] {
    const candidates: Candidate[] = [];
    for (const record of records) {
      if (!eligible(record, options) || !isHealthy(record, time)) continue;
      if (busyOf(record.id) >= record.maxConcurrency) continue;
      candidates.push({ record, busy: busyOf(record.id), lastPick: lastPick.get(record.id) ?? 0 });
    }
    return candidates.sort(compareCandidates);
  }

  /** Soonest time an eligible account could take the request, or null if none ever could. */
  function soonestService(records: readonly AccountRecord[], options: AcquireOptions, time: number): number | null {
    let soonest: number | null = null;
    for (const record of records) {
      if (!eligible(record, options)) continue;
      const at = recoversAt(record, time);
      if (at !== null && (soonest === null || at < soonest)) soonest = at;
    }
    return soonest;
  }

  function noAccount(options: AcquireOptions): RelayError {
    const pinned = options.pinnedAccountId ? ' (the alias is pinned to one account)' : '';
    return new RelayError('no_account', `No account can serve this request${pinned}: every account is disabled, expired, invalid or parked. Add another account or reset one.`);
  }

  function createLease(candidate: Candidate, competitors: number, options: AcquireOptions, queueWaitMs: number): AccountLease {
    let record = candidate.record;
    const upstream = repository.toProviderAccount(record, deps.baseUrlFor(record.region));
    if (record.status !== 'active') record = repository.reset(record.id);
    busy.set(record.id, busyOf(record.id) + 1);
    lastPick.set(record.id, ++pickSeq);
    const reason = describeChoice(candidate, { pinned: Boolean(options.pinnedAccountId), pinnedBy: options.pinnedBy ?? null, competitors });
    let released = false;
    return {
      account: record,
      upstream,
      reason,
      queueWaitMs,
      release(outcome) {
        if (released) return;
        released = true;
        busy.set(record.id, Math.max(0, busyOf(record.id) - 1));
        applyOutcome(record.id, outcome);
        dispatch();
      },
    };
  }

  function applyOutcome(id: string, outcome: LeaseOutcome): void {
    try {
      if (outcome.ok) {
        repository.recordResult(id, false);
        return;
      }
      repository.recordResult(id, outcome.code !== 'aborted');
      if (outcome.code === 'upstream_auth_expired') repository.markExpired(id, outcome.message);
      else if (outcome.code === 'upstream_credits_exhausted') {
        // A reset time already past (stale upstream data) would make the account bounce straight back.
        const resetAt = outcome.resetAt && outcome.resetAt > now() ? outcome.resetAt : nextLocalMidnight(now());
        repository.markExhausted(id, resetAt, outcome.message);
      }
      else if (TRANSIENT.has(outcome.code)) repository.markCooling(id, now() + deps.settings().cooldownMs, outcome.message);
    } catch (error) {
      // The account may have been removed while the request ran; nothing left to update.
      if (!(error instanceof RelayError && error.code === 'account_not_found')) throw error;
    }
  }

  /** Tries to grant a lease; a credential that no longer opens marks the account invalid. */
  function tryGrant(records: AccountRecord[], options: AcquireOptions, queueWaitMs: number): AccountLease | null {
    for (;;) {
      const candidates = pick(records, options, now());
      const first = candidates[0];
      if (!first) return null;
      try {
        return createLease(first, candidates.length - 1, options, queueWaitMs);
      } catch (error) {
        if (!(error instanceof RelayError && error.code === 'invalid_credential')) throw error;
        logger.warn({ accountId: first.record.id }, 'stored credential does not open; marking the account invalid');
        const invalid = repository.markInvalid(first.record.id, error.message);
        records.splice(records.indexOf(first.record), 1, invalid);
      }
    }
  }

  function leave(waiter: Waiter): void {
    const index = queue.indexOf(waiter);
    if (index !== -1) queue.splice(index, 1);
    if (waiter.deadline !== null) timers.clearTimeout(waiter.deadline);
    waiter.options.signal.removeEventListener('abort', waiter.onAbort);
    if (queue.length === 0) clearRecoveryTimer();
  }

  function clearRecoveryTimer(): void {
    if (recoveryTimer !== null) timers.clearTimeout(recoveryTimer);
    recoveryTimer = null;
  }

  /** While someone waits, wake when the next parked account recovers. */
  function scheduleRecovery(): void {
    clearRecoveryTimer();
    if (queue.length === 0) return;
    const time = now();
    let next: number | null = null;
    for (const record of repository.list()) {
      const at = recoversAt(record, time);
      if (at !== null && at > time && (next === null || at < next)) next = at;
    }
    if (next !== null) recoveryTimer = timers.setTimeout(() => { recoveryTimer = null; dispatch(); }, next - time);
  }

  /** Serves waiters in FIFO order; a waiter only its pinned account can serve does not block others. */
  function dispatch(): void {
    if (dispatching) {
      dispatchAgain = true;
      return;
    }
    dispatching = true;
    try {
      do {
        dispatchAgain = false;
        // One snapshot per pass: busy slots are tracked here, so only statuses could be stale,
        // and a change to them triggers another pass.
        const records = repository.list();
        for (const waiter of [...queue]) {
          const time = now();
          const lease = tryGrant(records, waiter.options, time - waiter.enqueuedAt);
          if (lease) {
            leave(waiter);
            waiter.resolve(lease);
          } else if (soonestService(records, waiter.options, time) === null) {
            leave(waiter);
            waiter.reject(noAccount(waiter.options));
          }
        }
      } while (dispatchAgain);
      scheduleRecovery();
    } finally {
      dispatching = false;
    }
  }

  const unsubscribe = repository.onChange((change) => {
    // A reset, an enable or a new account must wake waiters at once.
    if (queue.length > 0 && (change.section === 'accounts' || change.section === 'document')) queueMicrotask(dispatch);
  });

  function acquire(options: AcquireOptions): Promise<AccountLease> {
    return new Promise<AccountLease>((resolve, reject) => {
      if (options.signal.aborted) return reject(new RelayError('aborted', 'The request was aborted.'));
      const settings = deps.settings();
      const time = now();
      const soonest = soonestService(repository.list(), options, time);
      if (soonest === null || soonest > time + settings.queueWaitMs) return reject(noAccount(options));
      const waiter: Waiter = {
        options,
        enqueuedAt: time,
        resolve,
        reject,
        deadline: null,
        onAbort: () => {
          leave(waiter);
          reject(new RelayError('aborted', 'The request was aborted while waiting for an account.'));
        },
      };
      queue.push(waiter);
      dispatch();
      if (!queue.includes(waiter)) return;
      if (queue.length > settings.queueLength) {
        leave(waiter);
        return reject(new RelayError('queue_full', `All accounts are busy and ${settings.queueLength} requests are already waiting. Try again shortly or add accounts.`, { queueLength: settings.queueLength }));
      }
      waiter.deadline = timers.setTimeout(() => {
        waiter.deadline = null;
        leave(waiter);
        reject(new RelayError('queue_timeout', `No account became free within ${Math.round(settings.queueWaitMs / 1000)} s.`, { queueWaitMs: settings.queueWaitMs }));
      }, settings.queueWaitMs);
      options.signal.addEventListener('abort', waiter.onAbort, { once: true });
    });
  }

  return {
    acquire,
    busyCount: busyOf,
    queued: () => queue.length,
    health(): PoolHealth {
      const time = now();
      const byStatus = Object.fromEntries(ACCOUNT_STATUSES.map((status) => [status, 0])) as PoolHealth['byStatus'];
      let capacity = 0;
      let busyTotal = 0;
      for (const record of repository.list()) {
        const status = effectiveStatus(record, time);
        byStatus[status] += 1;
        if (status === 'active') capacity += record.maxConcurrency;
        busyTotal += busyOf(record.id);
      }
      return { byStatus, busy: busyTotal, queued: queue.length, capacity };
    },
    dispose() {
      unsubscribe();
      for (const waiter of [...queue]) {
        leave(waiter);
        waiter.reject(new RelayError('aborted', 'The relay is shutting down.'));
      }
      clearRecoveryTimer();
    },
  };
}
