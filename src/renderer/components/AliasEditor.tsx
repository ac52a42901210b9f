import { useState } from 'react';
import type { AccountSummary } from '../../shared/domain/account';
import type { CatalogModel, ModelMapping, ModelMappingInput } from '../../shared/domain/model-mapping';
import { ROUTING_POLICIES, type RoutingPolicy } from '../../shared/domain/settings';
import type { ErrorInfo } from '../../shared/errors';
import { useT } from '../hooks/use-t';
import { validateAlias } from '../lib/alias-validation';
import { ErrorNotice } from './ErrorNotice';

export interface AliasEditorProps {
  catalog: CatalogModel[];
  accounts: AccountSummary[];
  mappings: ModelMapping[];
  editing: ModelMapping | null;
  saving: boolean;
  error: ErrorInfo | null;
  onSave(input: ModelMappingInput, id?: string): Promise<boolean>;
  onCancelEdit(): void;
}

const EMPTY: ModelMappingInput = { pattern: '', target: '', accountId: null };

export function AliasEditor(props: AliasEditorProps) {
  const t = useT();
  const [draft, setDraft] = useState<ModelMappingInput>(props.editing ?? { ...EMPTY, target: props.catalog.find((m) => m.isDefault)?.id ?? props.catalog[0]?.id ?? '' });
  const [touched, setTouched] = useState(false);
  const errors = validateAlias(draft, props.mappings, props.catalog.map((m) => m.id), props.editing?.id);
  const valid = !errors.pattern && !errors.target;

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (!valid) return;
    const saved = await props.onSave({ pattern: draft.pattern.trim(), target: draft.target, accountId: draft.accountId, routing: draft.routing ?? null }, props.editing?.id);
    if (saved) {
      setDraft({ ...EMPTY, target: draft.target });
      setTouched(false);
    }
  };

  return (
    <form
      className="alias-editor"
      aria-label={props.editing ? t('models.updateAlias') : t('models.addAlias')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('models.pattern')}
        <input value={draft.pattern} placeholder="gpt-*" aria-invalid={touched && Boolean(errors.pattern)} onChange={(e) => setDraft({ ...draft, pattern: e.target.value })} />
        {touched && errors.pattern ? <span className="field-error">{t(errors.pattern)}</span> : null}
      </label>
      <label>
        {t('models.target')}
        <select value={draft.target} onChange={(e) => setDraft({ ...draft, target: e.target.value })}>
          {props.catalog.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}
            </option>
          ))}
        </select>
        {touched && errors.target ? <span className="field-error">{t(errors.target)}</span> : null}
      </label>
      <label>
        {t('models.account')}
        <select value={draft.accountId ?? ''} onChange={(e) => setDraft({ ...draft, accountId: e.target.value || null })}>
          <option value="">{t('models.anyAccount')}</option>
          {props.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label || a.maskedUserId}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('models.routing')}
        <select value={draft.routing ?? ''} onChange={(e) => setDraft({ ...draft, routing: (e.target.value || null) as RoutingPolicy | null })}>
          <option value="">{t('models.routingGlobal')}</option>
          {ROUTING_POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {t(`set.routing.${policy}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="button primary" disabled={props.saving}>
          {props.editing ? t('models.updateAlias') : t('models.addAlias')}
        </button>
        {props.editing ? (
          <button type="button" className="button" onClick={props.onCancelEdit}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      <ErrorNotice compact error={props.error} />
    </form>
  );
}
