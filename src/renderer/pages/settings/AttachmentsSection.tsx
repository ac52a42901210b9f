import { useState } from 'react';
import type { SettingsView } from '../../../shared/contract';
import type { SettingsPatch } from '../../../shared/domain/settings';
import { CheckField, NumberField, parseWhole } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import { useSettingsStore } from '../../stores/settings-store';
import { SaveBar } from './SaveBar';

function toDraft(s: SettingsView) {
  const a = s.attachments;
  return {
    maxCount: String(a.maxCount),
    maxFileMb: String(Math.max(1, Math.round(a.maxFileMb))),
    maxTotalMb: String(Math.max(1, Math.round(a.maxTotalMb))),
    fetchTimeout: String(Math.round(a.fetchTimeoutMs / 1000)),
    allowPrivateAddresses: a.allowPrivateAddresses,
  };
}

type Draft = ReturnType<typeof toDraft>;

/** Limits for images and files, and the SSRF switch for remote URLs. */
export function AttachmentsSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const maxCount = parseWhole(draft.maxCount, 1, 50);
  const maxFileMb = parseWhole(draft.maxFileMb, 1, 100);
  const maxTotalMb = parseWhole(draft.maxTotalMb, 1, 500);
  const fetchTimeout = parseWhole(draft.fetchTimeout, 1, 120);
  const invalid = (min: number, max: number) => t('set.invalidNumber', { min, max });
  const valid = maxCount !== null && maxFileMb !== null && maxTotalMb !== null && fetchTimeout !== null;

  const save = (): void => {
    if (!valid) return;
    const patch: SettingsPatch = {
      attachments: { maxCount, maxFileMb, maxTotalMb, fetchTimeoutMs: fetchTimeout * 1000, allowPrivateAddresses: draft.allowPrivateAddresses },
    };
    void useSettingsStore.getState().update(patch);
  };

  return (
    <section className="card" aria-label={t('settings.attachments')}>
      <h3>{t('settings.attachments')}</h3>
      <p className="muted small">{t('settings.attachments.hint')}</p>
      <div className="grid cols-2">
        <NumberField label={t('settings.attachments.maxCount')} value={draft.maxCount} onChange={set('maxCount')} min={1} max={50} error={maxCount === null ? invalid(1, 50) : null} />
        <NumberField label={t('settings.attachments.maxFileMb')} value={draft.maxFileMb} onChange={set('maxFileMb')} min={1} max={100} error={maxFileMb === null ? invalid(1, 100) : null} />
        <NumberField label={t('settings.attachments.maxTotalMb')} value={draft.maxTotalMb} onChange={set('maxTotalMb')} min={1} max={500} error={maxTotalMb === null ? invalid(1, 500) : null} />
        <NumberField label={t('settings.attachments.fetchTimeout')} value={draft.fetchTimeout} onChange={set('fetchTimeout')} min={1} max={120} error={fetchTimeout === null ? invalid(1, 120) : null} />
      </div>
      <CheckField label={t('settings.attachments.allowPrivateAddresses')} checked={draft.allowPrivateAddresses} onChange={set('allowPrivateAddresses')} />
      <p className="muted small">{t('settings.attachments.allowPrivateAddressesHint')}</p>
      <SaveBar disabled={!valid} onSave={save} />
    </section>
  );
}
