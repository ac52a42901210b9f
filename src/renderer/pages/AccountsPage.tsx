import { useMemo, useState } from 'react';
import { REGIONS, type AccountSummary, type ProviderKind, type Region } from '../../shared/domain/account';
import { AccountCard } from '../components/AccountCard';
import { CredentialGuide } from '../components/accounts/CredentialGuide';
import { AddApiKeys } from '../components/AddApiKeys';
import { ErrorNotice } from '../components/ErrorNotice';
import { ImportResults } from '../components/ImportResults';
import { ProgressBar } from '../components/ProgressBar';
import { useLanguage, useNow, useT } from '../hooks/use-t';
import { textAfterImport } from '../lib/import-text';
import { providerName } from '../lib/provider-name';
import { useAccountsStore } from '../stores/accounts-store';
import { TextWithCode } from '../components/TextWithCode';
import { useRelayStore } from '../stores/relay-store';

/** One line of an import with cookies, as the hint shows it. */
const COOKIE_LINE_EXAMPLE = '{"realUserID":"…","token":"eyJ…","cookies":"a=b; c=d"}';

interface AccountGroup {
  provider: ProviderKind;
  /** The label the provider's module declares (shown for a provider without a translated name). */
  providerLabel: string | undefined;
  region: Region;
  accounts: AccountSummary[];
}

function groupAccounts(accounts: AccountSummary[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const account of accounts) {
    const key = `${account.provider}/${account.region}`;
    const group = groups.get(key) ?? { provider: account.provider, providerLabel: account.providerLabel, region: account.region, accounts: [] };
    group.accounts.push(account);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => `${a.provider}${a.region}`.localeCompare(`${b.provider}${b.region}`));
}

function AddAccounts({ canLogin, hasAccounts }: { canLogin: boolean; hasAccounts: boolean }) {
  const t = useT();
  const [text, setText] = useState('');
  const [region, setRegion] = useState<Region>('cn');
  const importing = useAccountsStore((s) => s.importing);
  // This form imports into the default provider (no provider named).
  const result = useAccountsStore((s) => (s.importProvider === null ? s.importResult : null));
  const progress = useAccountsStore((s) => s.progress);
  const loggingIn = useAccountsStore((s) => s.pending['new'] === 'login');
  const loginError = useAccountsStore((s) => s.rowErrors['new']);
  const submit = async (): Promise<void> => {
    const done = await useAccountsStore.getState().importText(text, region);
    if (done) setText(textAfterImport(text, done));
  };
  return (
    <section className="card" aria-label={t('acc.add')}>
      <h3>{t('acc.add')}</h3>
      <div className="row">
        <label>
          {t('acc.region')}
          <select value={region} onChange={(e) => setRegion(e.target.value as Region)}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`acc.region.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {canLogin ? (
          <button type="button" className="button primary" disabled={loggingIn} onClick={() => void useAccountsStore.getState().login({ region })}>
            {t('acc.loginWindow')}
          </button>
        ) : (
          <p className="muted small">{t('acc.webNoLogin')}</p>
        )}
      </div>
      <CredentialGuide region={region} open={!hasAccounts && !canLogin} />
      {loggingIn ? <ProgressBar label={t('acc.loginWindow')} event={progress.login} /> : null}
      <ErrorNotice compact error={loginError} />
      <label className="stack">
        {t('acc.paste')}
        <textarea rows={3} value={text} placeholder={t('acc.pastePlaceholder')} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <p className="muted small">
        <TextWithCode text={t('acc.pasteCookiesHint')} code={{ example: COOKIE_LINE_EXAMPLE }} />
      </p>
      <div className="row">
        <button type="button" className="button primary" disabled={importing || text.trim() === ''} onClick={() => void submit()}>
          {importing ? t('acc.importing') : t('acc.import')}
        </button>
      </div>
      {importing ? <ProgressBar label={t('acc.importing')} event={progress.import ?? progress.validate} /> : null}
      {result ? <ImportResults result={result} /> : null}
      {result && result.failed > 0 && result.failed < result.results.length ? <p className="muted small">{t('acc.keptLines')}</p> : null}
    </section>
  );
}

export function AccountsPage() {
  const t = useT();
  const locale = useLanguage();
  const now = useNow();
  const accounts = useAccountsStore((s) => s.accounts);
  const error = useAccountsStore((s) => s.error);
  const pending = useAccountsStore((s) => s.pending);
  const rowErrors = useAccountsStore((s) => s.rowErrors);
  const cleanupResults = useAccountsStore((s) => s.cleanupResults);
  const validatingAll = useAccountsStore((s) => s.validatingAll);
  const validateSummary = useAccountsStore((s) => s.validateSummary);
  const progress = useAccountsStore((s) => s.progress);
  const canLogin = useRelayStore((s) => s.info?.canLoginWithWindow ?? false);
  const groups = useMemo(() => groupAccounts(accounts), [accounts]);
  const store = useAccountsStore.getState;

  return (
    <div className="page accounts">
      <AddAccounts canLogin={canLogin} hasAccounts={accounts.length > 0} />
      <AddApiKeys />
      <ErrorNotice error={error} />
      <div className="row spread">
        <h3>{t('acc.title')}</h3>
        <button type="button" className="button" disabled={validatingAll || accounts.length === 0} onClick={() => void store().validateAll()}>
          {validatingAll ? t('acc.validating') : t('acc.validateAll')}
        </button>
      </div>
      {validatingAll ? <ProgressBar label={t('acc.validating')} event={progress.validate} /> : null}
      {validateSummary ? (
        <p role="status" data-testid="validate-summary" className={validateSummary.problems > 0 ? 'warn-text' : 'ok-text'}>
          {t('acc.validateSummary', { ...validateSummary })}
        </p>
      ) : null}
      {progress.cleanup ? <ProgressBar label={t('acc.cleaningUp')} event={progress.cleanup} /> : null}
      {accounts.length === 0 ? <p className="empty">{t(canLogin ? 'acc.empty' : 'acc.emptyWeb')}</p> : null}
      {groups.map((group) => (
        <section key={`${group.provider}/${group.region}`} className="account-group" aria-label={`${providerName(t, group.provider, group.providerLabel)} · ${t(`acc.region.${group.region}`)}`}>
          <h4>
            {providerName(t, group.provider, group.providerLabel)} · {t(`acc.region.${group.region}`)}
          </h4>
          <ul className="account-list">
            {group.accounts.map((account) => (
              <AccountCard
                key={account.id}
                account={account}
                now={now}
                locale={locale}
                pending={pending[account.id]}
                error={rowErrors[account.id]}
                cleanup={cleanupResults[account.id]}
                canLoginWithWindow={canLogin}
                onValidate={() => void store().validate(account.id)}
                onToggle={(enabled) => void store().setEnabled(account.id, enabled)}
                onReset={() => void store().reset(account.id)}
                onRemove={() => void store().remove(account.id)}
                onCleanup={() => void store().cleanupChats(account.id)}
                onLogin={() => void store().login({ id: account.id, region: account.region })}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
