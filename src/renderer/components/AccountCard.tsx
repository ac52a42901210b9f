import { useState } from 'react';
import type { CleanupResult } from '../../shared/contract';
import type { AccountSummary } from '../../shared/domain/account';
import type { ErrorInfo } from '../../shared/errors';
import { useT } from '../hooks/use-t';
import { accountStatusView } from '../lib/account-status-view';
import { upstreamReasonText } from '../lib/upstream-reason-text';
import { formatClock, formatSpan, toExpiryState } from '../lib/format';
import type { AccountAction } from '../stores/accounts-store';
import { AccountCookiesField } from './AccountCookiesField';
import { AccountDiagnosis } from './AccountDiagnosis';
import { ConfirmButton } from './ConfirmButton';
import { ErrorNotice } from './ErrorNotice';
import { AccountStatusBadge } from './StatusBadge';

export interface AccountCardProps {
  account: AccountSummary;
  now: number;
  locale: string;
  pending: AccountAction | undefined;
  error: ErrorInfo | undefined;
  cleanup: CleanupResult | undefined;
  canLoginWithWindow: boolean;
  onValidate(): void;
  onToggle(enabled: boolean): void;
  onReset(): void;
  onRemove(): void;
  onCleanup(): void;
  onLogin(): void;
}

function Expiry({ account, now }: { account: AccountSummary; now: number }) {
  const t = useT();
  const state = toExpiryState(account.tokenExpiresAt, now);
  if (state.kind === 'unknown') return <span className="muted">{t('acc.noExpiry')}</span>;
  if (state.kind === 'expired') return <span className="bad-text">{t('acc.expiredAgo', { time: formatSpan(state.agoMs, t) })}</span>;
  return <span data-testid="expiry">{t('acc.expiresIn', { time: formatSpan(state.remainingMs, t) })}</span>;
}

function Credits({ account, now }: { account: AccountSummary; now: number }) {
  const t = useT();
  // API keys: a Coding Plan reports its quota; pay-as-you-go balance is not reported by the platform.
  if (!account.credits && account.access === 'api-key') return <span className="muted">{t('acc.apiKey.balanceUnreported')}</span>;
  if (!account.credits) return <span className="muted">{t('acc.creditsUnknown')}</span>;
  const { remaining, resetAt } = account.credits;
  return (
    <span data-testid="credits">
      {account.credits.planName ? (
        <>
          {/* The upstream's own plan name: data, not UI text. */}
          <span className="plan-name" data-raw="">
            {account.credits.planName}
          </span>
          {t('acc.planColon')}
        </>
      ) : null}
      {t('acc.credits', { remaining })}
      {resetAt && resetAt > now ? ` · ${t('acc.resetsIn', { time: formatSpan(resetAt - now, t) })}` : ''}
    </span>
  );
}

export function AccountCard(props: AccountCardProps) {
  const t = useT();
  const { account, now, pending } = props;
  const [showWebLogin, setShowWebLogin] = useState(false);
  const busy = pending !== undefined;
  const view = accountStatusView(account, now);
  // What the account's provider module declares (summaries from an older relay have none).
  const features = account.features;
  const isApiKey = account.access === 'api-key';
  const needsLogin = features?.loginWindow === true && (view.status === 'expired' || view.status === 'invalid');
  const canReset = view.status === 'cooling' || view.status === 'exhausted' || view.status === 'expired';
  const label = account.label || account.userName || account.maskedUserId;

  return (
    <li className="card account" aria-label={label} data-account-id={account.id} data-status={view.status}>
      <div className="account-head">
        <strong className="account-label">{label}</strong>
        <AccountStatusBadge status={view.status} />
        <span className="muted">{account.maskedUserId}</span>
        {account.email ? <span className="muted">{account.email}</span> : null}
        <label className="toggle">
          <input type="checkbox" checked={account.enabled} disabled={busy} onChange={(e) => props.onToggle(e.target.checked)} aria-label={t('acc.enabledFor', { label })} />
          {t('acc.enabled')}
        </label>
      </div>
      {view.whyKey ? (
        <p className="account-reason" data-testid="status-why">
          {t(view.whyKey, { time: formatSpan(view.remainingMs ?? 0, t), until: view.until ? formatClock(view.until, props.locale) : '' })}
          {view.detail ? (
            <span className="muted small account-detail" data-reason-code={view.detailCode ?? undefined}>
              {t('acc.why.detail', { detail: upstreamReasonText(t, view.detailCode, view.detailParams, view.detail) })}
            </span>
          ) : null}
        </p>
      ) : null}
      <div className="account-facts">
        <Expiry account={account} now={now} />
        <Credits account={account} now={now} />
        <span>{t('acc.busy', { busy: account.busy, max: account.maxConcurrency })}</span>
        <span className="muted">{t('acc.requests', { requests: account.counters.requests, failures: account.counters.failures })}</span>
      </div>
      <div className="account-actions">
        {needsLogin ? (
          <button type="button" className="button primary small" disabled={busy} onClick={() => (props.canLoginWithWindow ? props.onLogin() : setShowWebLogin(true))}>
            {t('acc.loginAgain')}
          </button>
        ) : null}
        <button type="button" className="button small" disabled={busy} onClick={props.onValidate}>
          {pending === 'validate' ? t('acc.validating') : t('acc.validate')}
        </button>
        {canReset ? (
          <button type="button" className="button small" disabled={busy} onClick={props.onReset}>
            {t('acc.reset')}
          </button>
        ) : null}
        {features?.chatCleanup ? (
          <button type="button" className="button small" disabled={busy} onClick={props.onCleanup}>
            {pending === 'cleanup' ? t('acc.cleaningUp') : t('acc.cleanup')}
          </button>
        ) : null}
        {features?.cookies ? <AccountCookiesField account={account} /> : null}
        <ConfirmButton label={t('acc.remove')} question={t('acc.removeConfirm', { label })} disabled={busy} onConfirm={props.onRemove} />
      </div>
      {showWebLogin && needsLogin ? <p className="hint" role="note">{t('acc.loginAgainWeb')}</p> : null}
      {isApiKey && (account.status === 'expired' || account.status === 'invalid') ? <p className="hint" role="note">{t('acc.apiKey.replace')}</p> : null}
      {props.cleanup ? <p className="hint" role="status">{t('acc.cleanupResult', { ...props.cleanup })}</p> : null}
      <ErrorNotice compact error={props.error} />
      {features?.diagnosis ? <AccountDiagnosis accountId={props.account.id} /> : null}
    </li>
  );
}
