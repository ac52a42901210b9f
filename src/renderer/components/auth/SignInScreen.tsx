import { useState, type FormEvent } from 'react';
import { useLanguage, useT } from '../../hooks/use-t';
import { useAuth } from '../../lib/api-instance';
import type { SignedOutReason } from '../../stores/auth-store';
import { useUiStore } from '../../stores/ui-store';
import { CopyButton } from '../CopyButton';

const REASON_KEYS = {
  refused: 'auth.reason.refused',
  expired: 'auth.reason.expired',
  rate_limited: 'auth.reason.rateLimited',
  unreachable: 'auth.reason.unreachable',
} as const satisfies Record<Exclude<SignedOutReason, 'none'>, string>;

const NEW_TOKEN_COMMANDS = ['npm run serve -- --new-admin-token', 'minimax-relay --new-admin-token'];

/** Shown on the web UI instead of any page until the relay accepts this tab's admin token. */
export function SignInScreen() {
  const t = useT();
  const reason = useAuth((s) => s.reason);
  const retryAfterSec = useAuth((s) => s.retryAfterSec);
  const submitting = useAuth((s) => s.submitting);
  const language = useLanguage();
  const [token, setToken] = useState('');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void useAuth.getState().signIn(token);
  };

  return (
    <div className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="row spread">
          <h1 id="sign-in-title">{t('auth.title')}</h1>
          <select aria-label={t('auth.language')} value={language} onChange={(e) => useUiStore.getState().setLanguage(e.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </div>
        <p className="muted">{t('auth.intro')}</p>
        {reason !== 'none' ? (
          <div className="error-notice" role="alert" data-reason={reason}>
            <span className="error-message">{t(REASON_KEYS[reason], { seconds: retryAfterSec })}</span>
          </div>
        ) : null}
        <label className="field">
          <span>{t('auth.tokenLabel')}</span>
          <input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
        </label>
        <div className="row">
          <button type="submit" className="button primary" disabled={submitting || token.trim() === ''}>
            {submitting ? t('auth.checking') : t('auth.submit')}
          </button>
          <span className="muted small">{t('auth.remembered')}</span>
        </div>
        <h4>{t('auth.noTokenTitle')}</h4>
        <ol className="steps">
          <li>{t('auth.step.link')}</li>
          <li>
            {t('auth.step.newToken')}
            {NEW_TOKEN_COMMANDS.map((command) => (
              <div className="row command-line" key={command}>
                <code>{command}</code>
                <CopyButton value={command} label={command} />
              </div>
            ))}
          </li>
        </ol>
      </form>
    </div>
  );
}
