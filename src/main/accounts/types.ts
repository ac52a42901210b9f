/**
 * The account pool's contract with the proxy. The pool owns account state (status, cooldowns,
 * counters, busy slots); the proxy's failover loop acquires a lease per attempt and reports how it
 * ended, and the pool reacts (expire, park until the credit reset, cool down, or count a success).
 */
import type { PoolHealth } from '../../shared/contract';
import type { AccountRecord, ProviderKind } from '../../shared/domain/account';
import type { ChoiceReasonPart } from '../../shared/domain/request-log';
import type { CodedReason } from '../../shared/domain/upstream-reason';
import type { ErrorCode } from '../../shared/errors';
import type { ProviderAccount } from '../providers/types';

export interface AcquireOptions {
  /** Aborts the wait in the queue (client disconnected). */
  signal: AbortSignal;
  /** Only this account (an alias pinned to it). */
  pinnedAccountId?: string | null;
  /** The alias that pinned the account, for the reason shown in the request log. */
  pinnedBy?: string | null;
  /** Accounts already tried by this request. */
  exclude?: ReadonlySet<string>;
  /**
   * Providers allowed to serve, most preferred first (the routing policy): a free account of an
   * earlier provider wins over a less busy one of a later provider. Absent: any provider, no order.
   */
  providers?: readonly ProviderKind[];
}

export type LeaseOutcome =
  | { ok: true }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      /** For credits exhausted: when the upstream resets them (epoch ms). */
      resetAt?: number | null;
      /** Why, as a code the UI translates (shared/domain/upstream-reason.ts); `message` stays the English text. */
      reason?: CodedReason;
    };

export interface AccountLease {
  account: AccountRecord;
  /** Decrypted credential and base URL, for the provider. */
  upstream: ProviderAccount;
  /** Why the pool chose this account, for the request log ("least busy; 180 credits left"). */
  reason: string;
  /** The same reason as codes and values, for the UI's languages. */
  reasonParts?: ChoiceReasonPart[];
  /** How long the request waited in the queue for this lease. */
  queueWaitMs: number;
  /** Frees the slot and applies the outcome. Idempotent: a second call does nothing. */
  release(outcome: LeaseOutcome): void;
}

export interface AccountPool {
  /**
   * Waits (fair FIFO, bounded length and time) for a healthy account with a free slot.
   * Throws RelayError `no_account` (nothing usable at all), `queue_full`, `queue_timeout`, or `aborted`.
   */
  acquire(options: AcquireOptions): Promise<AccountLease>;
  health(): PoolHealth;
  /** Busy slots per account id, for summaries. */
  busyCount(accountId: string): number;
}
