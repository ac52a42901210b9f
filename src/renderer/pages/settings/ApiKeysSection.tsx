import { useState } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyButton';
import { useLanguage, useT } from '../../hooks/use-t';
import { formatDateTime } from '../../lib/format';
import { useSettingsStore } from '../../stores/settings-store';

export function ApiKeysSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const locale = useLanguage();
  const [name, setName] = useState('');
  const created = useSettingsStore((s) => s.createdKey);
  const store = useSettingsStore.getState;
  return (
    <section className="card" aria-label={t('set.apiKeys')}>
      <h3>{t('set.apiKeys')}</h3>
      <p className="muted small">{t('set.apiKeysHelp')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void store().createApiKey(name.trim()).then((key) => key && setName(''));
        }}
      >
        <input aria-label={t('set.keyName')} placeholder={t('set.keyName')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button" disabled={name.trim() === ''}>
          {t('set.createKey')}
        </button>
      </form>
      {created ? (
        <div className="notice" role="status" data-testid="created-key">
          <p>{t('set.keyShownOnce')}</p>
          <CopyField value={created.key} label={created.record.name} />
          <button type="button" className="button small" onClick={() => store().dismissCreatedKey()}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      {settings.apiKeys.length === 0 ? <p className="muted">{t('set.noKeys')}</p> : null}
      <ul className="key-list">
        {settings.apiKeys.map((key) => (
          <li key={key.id}>
            <strong>{key.name}</strong> <code>{key.prefix}…</code>{' '}
            <span className="muted small">{t('set.keyLastUsed', { time: key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t('common.never') })}</span>
            <ConfirmButton label={t('set.revoke')} question={t('set.revokeConfirm', { name: key.name })} onConfirm={() => void store().revokeApiKey(key.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
