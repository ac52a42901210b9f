import { describe, expect, it } from 'vitest';
import { accountStatusView, nextFreeAt } from './account-status-view';

const base = { status: 'active' as const, statusUntil: null, statusReason: null, tokenExpiresAt: null, enabled: true };
const MIN = 60_000;

describe('accountStatusView', () => {
  it('follows the clock: a cool-down shows its time left, then reads as active once it has ended', () => {
    const cooling = { ...base, status: 'cooling' as const, statusUntil: 10 * MIN, statusReason: 'HTTP 502 from upstream' };
    expect(accountStatusView(cooling, 7 * MIN)).toMatchObject({ status: 'cooling', whyKey: 'acc.why.cooling', remainingMs: 3 * MIN, detail: 'HTTP 502 from upstream' });
    expect(accountStatusView(cooling, 10 * MIN)).toMatchObject({ status: 'active', whyKey: 'acc.why.cooldownOver', remainingMs: null });
    const exhausted = { ...base, status: 'exhausted' as const, statusUntil: 10 * MIN };
    expect(accountStatusView(exhausted, 11 * MIN)).toMatchObject({ status: 'active', whyKey: 'acc.why.resetOver' });
  });

  it('says why an account is expired when its token date is still ahead', () => {
    const expired = { ...base, status: 'expired' as const, statusReason: 'login required', tokenExpiresAt: 29 * 24 * 60 * MIN };
    expect(accountStatusView(expired, 0)).toMatchObject({ status: 'expired', whyKey: 'acc.why.expiredEarly', detail: 'login required' });
    expect(accountStatusView({ ...expired, tokenExpiresAt: 1 }, 5)).toMatchObject({ whyKey: 'acc.why.expired' });
  });

  it('finds the soonest end of a wait among enabled accounts, ignoring ended ones', () => {
    const accounts = [
      { ...base, status: 'cooling' as const, statusUntil: 5 * MIN },
      { ...base, status: 'exhausted' as const, statusUntil: 3 * MIN },
      { ...base, status: 'cooling' as const, statusUntil: 1 * MIN },
      { ...base, status: 'cooling' as const, statusUntil: 2 * MIN, enabled: false },
    ];
    expect(nextFreeAt(accounts, 2 * MIN)).toBe(3 * MIN);
    expect(nextFreeAt(accounts, 6 * MIN)).toBeNull();
  });
});
