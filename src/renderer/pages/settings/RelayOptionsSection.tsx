import { useState } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { SIGNATURE_VARIANTS, type SettingsPatch } from '../../../shared/domain/settings';
import { CheckField, NumberField, parseWhole, SelectField, TextField } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import { useModelsStore } from '../../stores/models-store';
import { useSettingsStore } from '../../stores/settings-store';
import { SaveBar } from './SaveBar';

function toDraft(s: SettingsView) {
  return {
    region: s.upstream.region,
    cnBaseUrl: s.upstream.cnBaseUrl,
    intlBaseUrl: s.upstream.intlBaseUrl,
    signatureVariant: s.upstream.signatureVariant,
    cleanupChats: s.upstream.cleanupChats,
    replyTimeout: String(Math.round(s.upstream.replyTimeoutMs / 1000)),
    queueLength: String(s.pool.queueLength),
    queueWait: String(Math.round(s.pool.queueWaitMs / 1000)),
    strict: s.models.strict,
    defaultModel: s.models.defaultModel,
    logBodies: s.logs.logBodies,
    retentionDays: String(s.logs.retentionDays),
  };
}

type Draft = ReturnType<typeof toDraft>;

/** Upstream, queue, model-name and log options: one form, one save. */
export function RelayOptionsSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const catalog = useModelsStore((s) => s.catalog);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const replyTimeout = parseWhole(draft.replyTimeout, 5, 1_800);
  const queueLength = parseWhole(draft.queueLength, 0, 10_000);
  const queueWait = parseWhole(draft.queueWait, 0, 600);
  const retention = parseWhole(draft.retentionDays, 1, 365);
  const invalid = (min: number, max: number) => t('set.invalidNumber', { min, max });
  const valid = replyTimeout !== null && queueLength !== null && queueWait !== null && retention !== null;

  const save = (): void => {
    if (!valid) return;
    const patch: SettingsPatch = {
      upstream: { region: draft.region, cnBaseUrl: draft.cnBaseUrl.trim(), intlBaseUrl: draft.intlBaseUrl.trim(), signatureVariant: draft.signatureVariant, cleanupChats: draft.cleanupChats, replyTimeoutMs: replyTimeout * 1000 },
      pool: { queueLength, queueWaitMs: queueWait * 1000 },
      models: { strict: draft.strict, defaultModel: draft.defaultModel },
      logs: { logBodies: draft.logBodies, retentionDays: retention },
    };
    void useSettingsStore.getState().update(patch);
  };

  const models = catalog.length > 0 ? catalog.map((m) => ({ value: m.id, label: m.id })) : [{ value: draft.defaultModel, label: draft.defaultModel }];
  return (
    <section className="card" aria-label={t('set.upstream')}>
      <h3>{t('set.upstream')}</h3>
      <div className="grid cols-2">
        <SelectField label={t('set.region')} value={draft.region} onChange={set('region')} options={[{ value: 'cn', label: t('acc.region.cn') }, { value: 'intl', label: t('acc.region.intl') }]} />
        <SelectField label={t('set.signature')} value={draft.signatureVariant} onChange={set('signatureVariant')} options={SIGNATURE_VARIANTS.map((v) => ({ value: v, label: v }))} />
        <TextField type="url" label={t('set.cnUrl')} value={draft.cnBaseUrl} onChange={set('cnBaseUrl')} />
        <TextField type="url" label={t('set.intlUrl')} value={draft.intlBaseUrl} onChange={set('intlBaseUrl')} />
        <NumberField label={t('set.replyTimeout')} value={draft.replyTimeout} onChange={set('replyTimeout')} min={5} max={1800} error={replyTimeout === null ? invalid(5, 1800) : null} />
      </div>
      <CheckField label={t('set.cleanup')} checked={draft.cleanupChats} onChange={set('cleanupChats')} />
      <h3>{t('set.pool')}</h3>
      <div className="grid cols-2">
        <NumberField label={t('set.queueLength')} value={draft.queueLength} onChange={set('queueLength')} min={0} max={10000} error={queueLength === null ? invalid(0, 10000) : null} />
        <NumberField label={t('set.queueWait')} value={draft.queueWait} onChange={set('queueWait')} min={0} max={600} error={queueWait === null ? invalid(0, 600) : null} />
      </div>
      <h3>{t('set.models')}</h3>
      <CheckField label={t('set.strict')} checked={draft.strict} onChange={set('strict')} />
      <SelectField label={t('set.defaultModel')} value={draft.defaultModel} onChange={set('defaultModel')} options={models} />
      <h3>{t('set.logs')}</h3>
      <CheckField label={t('set.logBodies')} checked={draft.logBodies} onChange={set('logBodies')} />
      <NumberField label={t('set.retention')} value={draft.retentionDays} onChange={set('retentionDays')} min={1} max={365} error={retention === null ? invalid(1, 365) : null} />
      <SaveBar disabled={!valid} onSave={save} />
    </section>
  );
}
