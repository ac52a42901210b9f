import { RelayError } from '../../shared/errors';
import type { AccountRepository } from './account-repository';
import type { LeaseOutcome } from './types';

const TRANSIENT = new Set(['upstream_unavailable', 'upstream_busy', 'timeout']);
/**
 * The token works but the upstream refuses this account's requests (every request profile, or a
 * Cloudflare block): not expired — logging in again may not help — so cool it down and let the
 * others serve; the status reason carries the next step.
 */
const REFUSED = new Set(['upstream_protocol_rejected', 'upstream_blocked']);

/** The next local midnight: MiniMax resets daily credits once a day when it does not say when. */
export function nextLocalMidnight(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/**
 * What a finished request does to its account: count it, and for failures the pool can act on,
 * expire the account, park it until its credits reset, or cool it down. Other errors (bad
 * request, protocol surprise) only count as a failure; an aborted client is not the account's.
 */
export function applyLeaseOutcome(
  repository: AccountRepository,
  accountId: string,
  outcome: LeaseOutcome,
  context: { now: number; cooldownMs: number },
): void {
  try {
    if (outcome.ok) {
      repository.recordResult(accountId, false);
      return;
    }
    repository.recordResult(accountId, outcome.code !== 'aborted');
    const coded = outcome.reason;
    if (outcome.code === 'upstream_auth_expired') {
      repository.markExpired(accountId, outcome.message, coded);
    } else if (outcome.code === 'upstream_credits_exhausted') {
      // A reset time already past (stale upstream data) would make the account bounce straight back.
      const resetAt = outcome.resetAt && outcome.resetAt > context.now ? outcome.resetAt : nextLocalMidnight(context.now);
      repository.markExhausted(accountId, resetAt, outcome.message, coded);
    } else if (TRANSIENT.has(outcome.code) || REFUSED.has(outcome.code)) {
      repository.markCooling(accountId, context.now + context.cooldownMs, outcome.message, coded);
    }
  } catch (error) {
    // The account may have been removed while the request ran; nothing left to update.
    if (!(error instanceof RelayError && error.code === 'account_not_found')) throw error;
  }
}
