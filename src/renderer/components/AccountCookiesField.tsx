import { useState } from 'react';
import type { AccountSummary } from '../../shared/domain/account';
import { useT } from '../hooks/use-t';
import { useAccountsStore } from '../stores/accounts-store';

/**
 * Sets or replaces the agent site's cookies of a web account (since May 2026 the site wants its
 * session cookies besides the token). The stored value is a secret and is never shown: the field
 * only writes. Errors show on the account card like its other actions.
 */
export function AccountCookiesField({ account }: { account: AccountSummary }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const pending = useAccountsStore((s) => s.pending[account.id]);
  const saving = pending === 'cookies';

  async function save(cookies: string): Promise<void> {
    const ok = await useAccountsStore.getState().setCookies(account.id, cookies);
    if (ok) {
      setText('');
      setOpen(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button small" disabled={pending !== undefined} onClick={() => setOpen(true)}>
        {t('acc.cookies')}
      </button>
    );
  }
  return (
    <div className="stack account-cookies">
      <label className="stack">
        {t('acc.cookiesLabel')}
        <textarea rows={2} value={text} placeholder="mm_sessionid=…; cf_clearance=…" onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
      </label>
      <p className="muted small">{t('acc.cookiesHelp')}</p>
      <div className="row">
        <button type="button" className="button primary small" disabled={saving || text.trim() === ''} onClick={() => void save(text)}>
          {saving ? t('common.saving') : t('acc.cookiesSave')}
        </button>
        <button type="button" className="button small" disabled={saving} onClick={() => void save('')}>
          {t('acc.cookiesClear')}
        </button>
        <button type="button" className="button small" disabled={saving} onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
