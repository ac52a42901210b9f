/**
 * What an account's status means at this moment. The relay records a cool-down or a credits reset
 * with an end time and clears it only when the account is next used, so a page that shows the raw
 * status says "Cooling down" long after it ended; this view follows the clock instead, and pairs
 * each status with a translated reason (the relay's own reason text is upstream English detail).
 */
import type { AccountStatus, AccountSummary } from '../../shared/domain/account';
import type { MessageKey } from './i18n';

export interface AccountStatusView {
  status: AccountStatus;
  /** Why, in the UI language; null for a plain active or disabled account. */
  whyKey: MessageKey | null;
  /** Time left until a cool-down or credits reset ends. */
  remainingMs: number | null;
  /** When the relay will use it again (cool-down or reset end). */
  until: number | null;
  /** The upstream's own words, shown as detail under the translated reason. */
  detail: string | null;
  /** `detail` as an upstream reason code, translated when the UI knows it (upstream-reason-text.ts). */
  detailCode: string | null;
  detailParams: Record<string, string | number> | null;
}

type ViewInput = Pick<AccountSummary, 'status' | 'statusUntil' | 'statusReason' | 'statusReasonCode' | 'statusReasonParams' | 'tokenExpiresAt' | 'enabled'>;

const NO_DETAIL = { detail: null, detailCode: null, detailParams: null } as const;

function detailOf(account: ViewInput): Pick<AccountStatusView, 'detail' | 'detailCode' | 'detailParams'> {
  return { detail: account.statusReason, detailCode: account.statusReasonCode ?? null, detailParams: account.statusReasonParams ?? null };
}

function timedStatus(account: ViewInput, now: number): AccountStatusView {
  const until = account.statusUntil;
  if (until !== null && until <= now) {
    // Over: the pool already treats it as available, and so does the page.
    return { status: 'active', whyKey: account.status === 'cooling' ? 'acc.why.cooldownOver' : 'acc.why.resetOver', remainingMs: null, until: null, ...NO_DETAIL };
  }
  const whyKey = account.status === 'cooling' ? 'acc.why.cooling' : 'acc.why.exhausted';
  return { status: account.status, whyKey, remainingMs: until === null ? null : until - now, until, ...detailOf(account) };
}

export function accountStatusView(account: ViewInput, now: number): AccountStatusView {
  const base = { remainingMs: null, until: null, ...detailOf(account) };
  switch (account.status) {
    case 'cooling':
    case 'exhausted':
      return timedStatus(account, now);
    case 'expired': {
      // The token's own date can be weeks away while MiniMax already ended the login session.
      const early = account.tokenExpiresAt !== null && account.tokenExpiresAt > now;
      return { status: 'expired', whyKey: early ? 'acc.why.expiredEarly' : 'acc.why.expired', ...base };
    }
    case 'invalid':
      return { status: 'invalid', whyKey: 'acc.why.invalid', ...base };
    case 'disabled':
      return { status: 'disabled', whyKey: account.enabled ? null : 'acc.why.disabled', ...base, ...NO_DETAIL };
    default:
      return { status: account.status, whyKey: null, ...base, ...NO_DETAIL };
  }
}

/** The soonest moment any of these accounts leaves a cool-down or credits wait (for a countdown). */
export function nextFreeAt(accounts: readonly ViewInput[], now: number): number | null {
  let soonest: number | null = null;
  for (const account of accounts) {
    if (account.status !== 'cooling' && account.status !== 'exhausted') continue;
    const until = account.statusUntil;
    if (until === null || until <= now || !account.enabled) continue;
    soonest = soonest === null ? until : Math.min(soonest, until);
  }
  return soonest;
}
