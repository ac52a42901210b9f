import type { PoolHealth } from '../../shared/contract';
import { ACCOUNT_STATUSES, type AccountRecord, type ProviderKind, type Region } from '../../shared/domain/account';
import { reasonDetail } from '../../shared/domain/upstream-reason';
import { RelayError } from '../../shared/errors';
import { silentLogger, type Logger } from '../logs/types';
import type { AccountRepository } from './account-repository';
import { applyLeaseOutcome } from './lease-outcome';
import { choiceReasonParts, compareCandidates, describeChoiceParts, effectiveStatus, isHealthy, recoversAt, type Candidate } from './pool-selection';
import type { AccountLease, AccountPool, AcquireOptions } from './types';

export { nextLocalMidnight } from './lease-outcome';

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
  baseUrlFor: (region: Region, provider: ProviderKind) => string;
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

const defaultTimers: PoolTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function isEligible(record: AccountRecord, options: AcquireOptions): boolean {
  if (options.pinnedAccountId && record.id !== options.pinnedAccountId) return false;
  if (options.providers && !options.providers.includes(record.provider)) return false;
  return !options.exclude?.has(record.id);
}

/** Soonest time an eligible account could take the request, or null if none ever could. */
function soonestService(records: readonly AccountRecord[], options: AcquireOptions, time: number): number | null {
  let soonest: number | null = null;
  for (const record of records) {
    if (!isEligible(record, options)) continue;
    const at = recoversAt(record, time);
    if (at !== null && (soonest === null || at < soonest)) soonest = at;
  }
  return soonest;
}

/** Position of the account's provider in the routing preference (0 without a preference). */
function providerRank(record: AccountRecord, options: AcquireOptions): number {
  const index = options.providers?.indexOf(record.provider) ?? -1;
  return Math.max(0, index);
}

/**
 * Nothing can serve before the deadline. When a parked account will come back (a cool-down or a
 * credits reset), say when, so the client gets a Retry-After instead of waiting out the queue.
 */
function noAccountError(options: AcquireOptions, soonest: number | null, time: number): RelayError {
  const pinned = options.pinnedAccountId
    ? ' (the alias is pinned to one account)'
    : options.providers
      ? ` (the routing policy allows only ${options.providers.join(', ')} accounts)`
      : '';
  const scope = options.pinnedAccountId ? 'pinned' : options.providers ? 'policy' : 'all';
  if (soonest !== null && soonest > time) {
    const retryAfterMs = soonest - time;
    return new RelayError(
      'no_account',
      `No account can serve this request${pinned} before the queue deadline: every usable account is cooling down or out of credits. The next one is free in ${Math.ceil(retryAfterMs / 1000)} s.`,
      { retryAfterMs, freeAt: soonest, ...reasonDetail('pool_all_waiting', { scope, seconds: Math.ceil(retryAfterMs / 1000) }) },
    );
  }
  return new RelayError(
    'no_account',
    `No account can serve this request${pinned}: every account is disabled, expired, invalid or parked. Add another account or reset one.`,
    reasonDetail('pool_none_usable', { scope }),
  );
}

/**
 * Hands out accounts to requests. Busy slots live here (in memory); statuses live in the
 * repository. Requests wait in one FIFO queue; a timer runs only while someone waits (each
 * waiter's deadline, and a wake-up when the next parked account recovers).
 */
class QueuedAccountPool implements ManagedAccountPool {
  readonly #deps: AccountPoolDeps;
  readonly #now: () => number;
  readonly #timers: PoolTimers;
  readonly #logger: Logger;
  readonly #busy = new Map<string, number>();
  readonly #lastPick = new Map<string, number>();
  readonly #queue: Waiter[] = [];
  readonly #unsubscribe: () => void;
  #pickSeq = 0;
  #recoveryTimer: unknown = null;
  #dispatching = false;
  #dispatchAgain = false;

  constructor(deps: AccountPoolDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#timers = deps.timers ?? defaultTimers;
    this.#logger = deps.logger ?? silentLogger;
    this.#unsubscribe = deps.repository.onChange((change) => {
      // A reset, an enable or a new account must wake waiters at once.
      if (this.#queue.length > 0 && (change.section === 'accounts' || change.section === 'document')) queueMicrotask(() => this.#dispatch());
    });
  }

  acquire = (options: AcquireOptions): Promise<AccountLease> =>
    new Promise<AccountLease>((resolve, reject) => {
      if (options.signal.aborted) return reject(new RelayError('aborted', 'The request was aborted.'));
      const settings = this.#deps.settings();
      const time = this.#now();
      const soonest = soonestService(this.#deps.repository.list(), options, time);
      if (soonest === null || soonest > time + settings.queueWaitMs) return reject(noAccountError(options, soonest, time));
      const waiter: Waiter = {
        options,
        enqueuedAt: time,
        resolve,
        reject,
        deadline: null,
        onAbort: () => {
          this.#leave(waiter);
          reject(new RelayError('aborted', 'The request was aborted while waiting for an account.'));
        },
      };
      this.#queue.push(waiter);
      this.#dispatch();
      if (!this.#queue.includes(waiter)) return;
      if (this.#queue.length > settings.queueLength) {
        this.#leave(waiter);
        return reject(new RelayError('queue_full', `All accounts are busy and ${settings.queueLength} requests are already waiting. Try again shortly or add accounts.`, {
          queueLength: settings.queueLength,
          ...reasonDetail('pool_queue_full', { queueLength: settings.queueLength }),
        }));
      }
      waiter.deadline = this.#timers.setTimeout(() => {
        waiter.deadline = null;
        this.#leave(waiter);
        reject(new RelayError('queue_timeout', `No account became free within ${Math.round(settings.queueWaitMs / 1000)} s.`, {
          queueWaitMs: settings.queueWaitMs,
          ...reasonDetail('pool_queue_timeout', { seconds: Math.round(settings.queueWaitMs / 1000) }),
        }));
      }, settings.queueWaitMs);
      options.signal.addEventListener('abort', waiter.onAbort, { once: true });
    });

  busyCount = (accountId: string): number => this.#busy.get(accountId) ?? 0;

  queued = (): number => this.#queue.length;

  health = (): PoolHealth => {
    const time = this.#now();
    const byStatus = Object.fromEntries(ACCOUNT_STATUSES.map((status) => [status, 0])) as PoolHealth['byStatus'];
    let capacity = 0;
    let busy = 0;
    for (const record of this.#deps.repository.list()) {
      const status = effectiveStatus(record, time);
      byStatus[status] += 1;
      if (status === 'active') capacity += record.maxConcurrency;
      busy += this.busyCount(record.id);
    }
    return { byStatus, busy, queued: this.#queue.length, capacity };
  };

  dispose = (): void => {
    this.#unsubscribe();
    for (const waiter of [...this.#queue]) {
      this.#leave(waiter);
      waiter.reject(new RelayError('aborted', 'The relay is shutting down.'));
    }
    this.#clearRecoveryTimer();
  };

  #candidates(records: readonly AccountRecord[], options: AcquireOptions, time: number): Candidate[] {
    const candidates: Candidate[] = [];
    for (const record of records) {
      if (!isEligible(record, options) || !isHealthy(record, time)) continue;
      const busy = this.busyCount(record.id);
      if (busy >= record.maxConcurrency) continue;
      candidates.push({ record, busy, lastPick: this.#lastPick.get(record.id) ?? 0, rank: providerRank(record, options) });
    }
    return candidates.sort(compareCandidates);
  }

  #createLease(candidate: Candidate, competitors: number, options: AcquireOptions, queueWaitMs: number): AccountLease {
    const { repository } = this.#deps;
    let record = candidate.record;
    const upstream = repository.toProviderAccount(record, this.#deps.baseUrlFor(record.region, record.provider));
    // A cooldown or credit reset that has passed: record the recovery.
    if (record.status !== 'active') record = repository.reset(record.id);
    const id = record.id;
    this.#busy.set(id, this.busyCount(id) + 1);
    this.#lastPick.set(id, ++this.#pickSeq);
    let released = false;
    const reasonParts = choiceReasonParts(candidate, { pinned: Boolean(options.pinnedAccountId), pinnedBy: options.pinnedBy ?? null, competitors, preferred: options.providers?.[0] ?? null });
    return {
      account: record,
      upstream,
      reason: describeChoiceParts(reasonParts),
      reasonParts,
      queueWaitMs,
      release: (outcome) => {
        if (released) return;
        released = true;
        this.#busy.set(id, Math.max(0, this.busyCount(id) - 1));
        applyLeaseOutcome(repository, id, outcome, { now: this.#now(), cooldownMs: this.#deps.settings().cooldownMs });
        this.#dispatch();
      },
    };
  }

  /** Grants the best candidate; a credential that no longer opens marks its account invalid. */
  #tryGrant(records: AccountRecord[], options: AcquireOptions, queueWaitMs: number): AccountLease | null {
    for (;;) {
      const candidates = this.#candidates(records, options, this.#now());
      const first = candidates[0];
      if (!first) return null;
      try {
        return this.#createLease(first, candidates.length - 1, options, queueWaitMs);
      } catch (error) {
        if (!(error instanceof RelayError && error.code === 'invalid_credential')) throw error;
        this.#logger.warn({ accountId: first.record.id }, 'stored credential does not open; marking the account invalid');
        const invalid = this.#deps.repository.markInvalid(first.record.id, error.message);
        records.splice(records.indexOf(first.record), 1, invalid);
      }
    }
  }

  /** Serves waiters in FIFO order; a waiter only its pinned account can serve does not block others. */
  #dispatch(): void {
    if (this.#dispatching) {
      this.#dispatchAgain = true;
      return;
    }
    this.#dispatching = true;
    try {
      do {
        this.#dispatchAgain = false;
        // One snapshot per pass: busy slots are tracked here, so only statuses could be stale,
        // and a change to them triggers another pass.
        const records = this.#deps.repository.list();
        const { queueWaitMs } = this.#deps.settings();
        for (const waiter of [...this.#queue]) {
          const time = this.#now();
          const lease = this.#tryGrant(records, waiter.options, time - waiter.enqueuedAt);
          const soonest = lease ? null : soonestService(records, waiter.options, time);
          if (lease) {
            this.#leave(waiter);
            waiter.resolve(lease);
          } else if (soonest === null || soonest > waiter.enqueuedAt + queueWaitMs) {
            // The same rule as acquire(): no account can serve before this waiter's deadline
            // (e.g. the last one just ran out of credits until midnight), so say so now.
            this.#leave(waiter);
            waiter.reject(noAccountError(waiter.options, soonest, time));
          }
        }
      } while (this.#dispatchAgain);
      this.#scheduleRecovery();
    } finally {
      this.#dispatching = false;
    }
  }

  #leave(waiter: Waiter): void {
    const index = this.#queue.indexOf(waiter);
    if (index !== -1) this.#queue.splice(index, 1);
    if (waiter.deadline !== null) this.#timers.clearTimeout(waiter.deadline);
    waiter.options.signal.removeEventListener('abort', waiter.onAbort);
    if (this.#queue.length === 0) this.#clearRecoveryTimer();
  }

  /** While someone waits, wake when the next parked account recovers. */
  #scheduleRecovery(): void {
    this.#clearRecoveryTimer();
    if (this.#queue.length === 0) return;
    const time = this.#now();
    let next: number | null = null;
    for (const record of this.#deps.repository.list()) {
      const at = recoversAt(record, time);
      if (at !== null && at > time && (next === null || at < next)) next = at;
    }
    if (next === null) return;
    this.#recoveryTimer = this.#timers.setTimeout(() => {
      this.#recoveryTimer = null;
      this.#dispatch();
    }, next - time);
  }

  #clearRecoveryTimer(): void {
    if (this.#recoveryTimer !== null) this.#timers.clearTimeout(this.#recoveryTimer);
    this.#recoveryTimer = null;
  }
}

export function createAccountPool(deps: AccountPoolDeps): ManagedAccountPool {
  return new QueuedAccountPool(deps);
}
