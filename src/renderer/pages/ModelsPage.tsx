import { useEffect, useState } from 'react';
import { modelDescriptionKeys } from '../lib/model-description';
import type { ModelMapping } from '../../shared/domain/model-mapping';
import { AliasEditor } from '../components/AliasEditor';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExplainResult } from '../components/ExplainResult';
import { useT } from '../hooks/use-t';
import { isWildcard } from '../lib/alias-validation';
import { useAccountsStore } from '../stores/accounts-store';
import { useModelsStore } from '../stores/models-store';

function TryModelName() {
  const t = useT();
  const [name, setName] = useState('');
  const explanation = useModelsStore((s) => s.explanation);
  const explainError = useModelsStore((s) => s.explainError);
  const mappings = useModelsStore((s) => s.mappings);
  const accounts = useAccountsStore((s) => s.accounts);
  useEffect(() => {
    const timer = setTimeout(() => void useModelsStore.getState().explain(name), 150);
    return () => clearTimeout(timer);
  }, [name, mappings]);
  const pinned = explanation?.accountId ? accounts.find((a) => a.id === explanation.accountId) : undefined;
  return (
    <section className="card" aria-label={t('models.try')}>
      <h3>{t('models.try')}</h3>
      <input className="try-input" aria-label={t('models.try')} value={name} placeholder={t('models.tryPlaceholder')} onChange={(e) => setName(e.target.value)} />
      {explanation && name.trim() ? <ExplainResult resolution={explanation} accountLabel={pinned ? pinned.label || pinned.maskedUserId : null} /> : null}
      <ErrorNotice compact error={name.trim() ? explainError : null} />
    </section>
  );
}

export function ModelsPage() {
  const t = useT();
  const catalog = useModelsStore((s) => s.catalog);
  const mappings = useModelsStore((s) => s.mappings);
  const error = useModelsStore((s) => s.error);
  const editError = useModelsStore((s) => s.editError);
  const saving = useModelsStore((s) => s.saving);
  const accounts = useAccountsStore((s) => s.accounts);
  const [editing, setEditing] = useState<ModelMapping | null>(null);
  const store = useModelsStore.getState;

  return (
    <div className="page models">
      <ErrorNotice error={error} />
      <TryModelName />
      <section className="card" aria-label={t('models.aliases')}>
        <h3>{t('models.aliases')}</h3>
        <p className="muted small">{t('models.aliasHelp')}</p>
        <AliasEditor
          key={editing?.id ?? `new-${catalog.length}`}
          catalog={catalog}
          accounts={accounts}
          mappings={mappings}
          editing={editing}
          saving={saving}
          error={editError}
          onSave={async (input, id) => {
            const ok = await store().saveMapping(input, id);
            if (ok) setEditing(null);
            return ok;
          }}
          onCancelEdit={() => setEditing(null)}
        />
        {mappings.length === 0 ? <p className="muted">{t('models.noAliases')}</p> : null}
        <table className="table" aria-label={t('models.aliases')}>
          <tbody>
            {mappings.map((m) => {
              const account = m.accountId ? accounts.find((a) => a.id === m.accountId) : undefined;
              return (
                <tr key={m.id} data-pattern={m.pattern}>
                  <td>
                    <code>{m.pattern}</code> <span className="badge muted">{t(isWildcard(m.pattern) ? 'models.kind.wildcard' : 'models.kind.exact')}</span>
                  </td>
                  <td>→ {m.target}</td>
                  <td className="muted">{account ? account.label || account.maskedUserId : t('models.anyAccount')}</td>
                  <td className="actions">
                    <button type="button" className="button small" onClick={() => setEditing(m)}>
                      {t('common.edit')}
                    </button>
                    <ConfirmButton label={t('common.remove')} question={t('models.removeConfirm', { pattern: m.pattern })} onConfirm={() => void store().removeMapping(m.id)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card" aria-label={t('models.catalog')}>
        <h3>{t('models.catalog')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('logs.model')}</th>
              <th scope="col">{t('models.thinking')}</th>
              <th scope="col">{t('models.search')}</th>
            </tr>
          </thead>
          <tbody>
            {catalog.map((m) => (
              <tr key={m.id}>
                <td>
                  <code>{m.id}</code> {m.isDefault ? <span className="badge info">{t('models.default')}</span> : null}
                  <div className="muted small">
                    {t('models.desc', { summary: t(modelDescriptionKeys(m, catalog).summary), note: t(modelDescriptionKeys(m, catalog).note) })}
                  </div>
                </td>
                <td>{m.thinking ? '✓' : '—'}</td>
                <td>{m.webSearch ? '✓' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
