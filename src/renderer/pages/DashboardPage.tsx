import { useEffect, useMemo } from 'react';
import { ACCOUNT_STATUSES, type AccountStatus, type AccountSummary } from '../../shared/domain/account';
import { CopyField } from '../components/CopyButton';
import { ErrorDetail, ErrorNotice } from '../components/ErrorNotice';
import { UsageSection } from '../components/dashboard/UsageSection';
import { PoolWaits } from '../components/PoolWaits';
import { StatCard } from '../components/StatCard';
import { ProviderSplit } from '../components/ProviderSplit';
import { AccountStatusBadge } from '../components/StatusBadge';
import { useErrorTitle, useLanguage, useNextStep, useNow, useT } from '../hooks/use-t';
import { accountStatusView } from '../lib/account-status-view';
import { formatClock, formatMs, formatPercent } from '../lib/format';
import { useAccountsStore } from '../stores/accounts-store';
import { useLogsStore } from '../stores/logs-store';
import { useRelayStore } from '../stores/relay-store';

const RECENT_ERRORS = 5;

function countByStatus(accounts: readonly AccountSummary[], now: number): Record<AccountStatus, number> {
  const counts = Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>;
  // The status as of now: an ended cool-down counts as active without waiting for a reload.
  for (const account of accounts) counts[accountStatusView(account, now).status] += 1;
  return counts;
}

export function DashboardPage() {
  const t = useT();
  const locale = useLanguage();
  const nextStep = useNextStep();
  const errorTitle = useErrorTitle();
  const status = useRelayStore((s) => s.status);
  const stats = useRelayStore((s) => s.stats);
  const error = useRelayStore((s) => s.error);
  const toggling = useRelayStore((s) => s.toggling);
  const entries = useLogsStore((s) => s.entries);
  const accounts = useAccountsStore((s) => s.accounts);
  const now = useNow();

  useEffect(() => {
    void useRelayStore.getState().refreshStats();
  }, []);

  const recentErrors = useMemo(() => {
    const found = [];
    for (let i = entries.length - 1; i >= 0 && found.length < RECENT_ERRORS; i -= 1) {
      const entry = entries[i];
      if (entry?.status === 'error' && entry.errorCode) found.push(entry);
    }
    return found;
  }, [entries]);

  const pool = status?.pool;
  // Counted from the accounts cache, which accounts:changed keeps current between status pushes.
  const byStatus = useMemo(() => countByStatus(accounts, now), [accounts, now]);

  return (
    <div className="page dashboard">
      <ErrorNotice error={error ?? status?.error} />
      <div className="grid cols-2">
        <section className="card" aria-label={t('dash.relay')}>
          <h3>{t('dash.relay')}</h3>
          <div className="row">
            <span className={`badge ${status?.running ? 'ok' : 'muted'}`} data-testid="relay-state">
              {status?.running ? t('dash.running') : t('dash.stopped')}
            </span>
            <button type="button" className="button small" disabled={toggling || !status} onClick={() => void useRelayStore.getState().setRunning(!status?.running)}>
              {status?.running ? t('dash.stop') : t('dash.start')}
            </button>
          </div>
          {status?.baseUrl ? (
            <>
              <h4>{t('dash.baseUrl')}</h4>
              <CopyField value={status.baseUrl} label={t('dash.baseUrl')} />
            </>
          ) : null}
        </section>
        <section className="card" aria-label={t('dash.poolHealth')}>
          <h3>{t('dash.poolHealth')}</h3>
          {accounts.length === 0 ? <p className="muted">{t('dash.noAccounts')}</p> : null}
          <ul className="pool-health" data-testid="pool-health">
            {ACCOUNT_STATUSES.filter((s) => byStatus[s] > 0).map((s) => (
              <li key={s}>
                <AccountStatusBadge status={s} /> <strong>{byStatus[s]}</strong>
              </li>
            ))}
          </ul>
          <PoolWaits accounts={accounts} now={now} />
          {pool ? (
            <p>
              {t('dash.busyQueuedLine', { busy: pool.busy, capacity: pool.capacity, queued: pool.queued })}
            </p>
          ) : null}
        </section>
      </div>
      <div className="grid cols-4">
        <StatCard label={t('dash.today')} value={stats?.today.requests ?? 0} />
        <StatCard label={t('dash.successRate')} value={formatPercent(stats?.today.successRate ?? null)} />
        <StatCard label={t('dash.medianLatency')} value={formatMs(stats?.today.medianLatencyMs ?? null)} />
        <StatCard label={t('dash.medianTtft')} value={formatMs(stats?.today.medianTtftMs ?? null)} />
      </div>
      <ProviderSplit stats={stats} />
      <UsageSection stats={stats} accounts={accounts} />
      <section className="card" aria-label={t('dash.recentErrors')}>
        <h3>{t('dash.recentErrors')}</h3>
        {recentErrors.length === 0 ? <p className="muted">{t('dash.noErrors')}</p> : null}
        <ul className="recent-errors">
          {recentErrors.map((entry) => (
            <li key={entry.id}>
              <a href={`#/logs?id=${entry.id}`}>
                <span className="muted">{formatClock(entry.time, locale)}</span> <code>{entry.errorCode}</code> {entry.errorCode ? errorTitle(entry.errorCode) : null}
              </a>
              <div className="error-next">{entry.errorCode ? t('error.next', { step: nextStep(entry.errorCode) }) : null}</div>
              {entry.errorMessage ? (
                <ErrorDetail message={entry.errorMessage} reason={entry.errorReasonCode ? { code: entry.errorReasonCode, params: entry.errorReasonParams ?? {} } : null} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
