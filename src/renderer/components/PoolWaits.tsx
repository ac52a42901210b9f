import type { AccountSummary } from '../../shared/domain/account';
import { useT } from '../hooks/use-t';
import { accountStatusView, nextFreeAt } from '../lib/account-status-view';
import { formatSpan } from '../lib/format';

/** Each account in a cool-down or credits wait with its countdown, and when the next one is free. */
export function PoolWaits({ accounts, now }: { accounts: readonly AccountSummary[]; now: number }) {
  const t = useT();
  const waiting = accounts
    .map((account) => ({ account, view: accountStatusView(account, now) }))
    .filter(({ account, view }) => account.enabled && view.remainingMs !== null && view.remainingMs > 0);
  if (waiting.length === 0) return null;
  const soonest = nextFreeAt(accounts, now);
  const allWaiting = accounts.every((account) => !account.enabled || waiting.some((w) => w.account.id === account.id));
  return (
    <div className="pool-waits" data-testid="pool-waits">
      <h4>{t('dash.waits')}</h4>
      <ul>
        {waiting.map(({ account, view }) => (
          <li key={account.id}>
            {t('dash.waitRow', { label: account.label || account.userName || account.maskedUserId, time: formatSpan(view.remainingMs ?? 0, t) })}
          </li>
        ))}
      </ul>
      {allWaiting && soonest !== null ? <p className="warn-text">{t('dash.nextFree', { time: formatSpan(soonest - now, t) })}</p> : null}
    </div>
  );
}
