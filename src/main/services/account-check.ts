/**
 * accounts.validate / validateAll: ask the upstream who the account is and how many credits it
 * has, and record what that says in the account's status so routing reacts at once.
 */
import type { AccountRecord } from '../../shared/domain/account';
import { reasonFromDetail } from '../../shared/domain/upstream-reason';
import { isRelayError, RelayError } from '../../shared/errors';
import type { AccountRepository } from '../accounts/account-repository';
import type { ProviderModule } from '../providers/module';
import type { UpstreamProvider } from '../providers/types';
import type { BaseUrlFor } from './types';

export interface CheckDeps {
  repository: Pick<
    AccountRepository,
    'get' | 'toProviderAccount' | 'setCredits' | 'markExpired' | 'markInvalid' | 'markExhausted' | 'reset'
  >;
  providerFor(record: AccountRecord): UpstreamProvider;
  /**
   * The account's module: the check confirms the credential still keys this account (a web
   * account's user; a key is its own key). Absent: the user id the upstream reports must match.
   */
  moduleFor?(record: AccountRecord): Pick<ProviderModule, 'accountKey'>;
  baseUrlFor: BaseUrlFor;
  now(): number;
}

const DAY_MS = 86_400_000;

/** Statuses a successful check clears (cooling and disabled are left to their own rules). */
const CLEARED_BY_SUCCESS: ReadonlySet<AccountRecord['status']> = new Set(['expired', 'invalid', 'exhausted']);

/** Checks one account; returns the updated record. Transient upstream errors are rethrown unchanged. */
export async function checkAccount(deps: CheckDeps, id: string): Promise<AccountRecord> {
  const record = deps.repository.get(id);
  const provider = deps.providerFor(record);
  try {
    const upstream = deps.repository.toProviderAccount(record, deps.baseUrlFor(record.region, record.provider));
    const identity = await provider.validate(upstream);
    const key = deps.moduleFor ? deps.moduleFor(record).accountKey(upstream.credential, identity) : identity.realUserId;
    if (key !== record.realUserId) {
      throw new RelayError('invalid_credential', 'The upstream says this token belongs to another user.');
    }
    const credits = await provider.credits(upstream);
    if (CLEARED_BY_SUCCESS.has(record.status)) deps.repository.reset(id);
    let next = deps.repository.setCredits(id, credits);
    if (credits && credits.remaining <= 0) {
      next = deps.repository.markExhausted(id, credits.resetAt ?? deps.now() + DAY_MS, 'No credits left until the daily reset.', {
        code: 'no_credits_until_reset',
        params: {},
      });
    }
    return next;
  } catch (error) {
    if (!isRelayError(error)) throw error;
    const coded = reasonFromDetail(error.detail) ?? undefined;
    if (error.code === 'upstream_auth_expired') return deps.repository.markExpired(id, error.message, coded);
    if (error.code === 'invalid_credential' || error.code === 'guest_token') return deps.repository.markInvalid(id, error.message, coded);
    if (error.code === 'upstream_credits_exhausted') {
      const resetAt = typeof error.detail?.resetAt === 'number' ? error.detail.resetAt : deps.now() + DAY_MS;
      return deps.repository.markExhausted(id, resetAt, error.message, coded);
    }
    throw error;
  }
}
