import { useState } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { NumberField, parseWhole, TextField } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import { useSettingsStore } from '../../stores/settings-store';
import { SaveBar } from './SaveBar';

export function ServerSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [host, setHost] = useState(settings.server.host);
  const [port, setPort] = useState(String(settings.server.port));
  const portValue = parseWhole(port, 0, 65535);
  const dirty = host !== settings.server.host || portValue !== settings.server.port;
  return (
    <section className="card" aria-label={t('set.server')}>
      <h3>{t('set.server')}</h3>
      <div className="grid cols-2">
        <TextField label={t('set.host')} value={host} onChange={setHost} />
        <NumberField label={t('set.port')} value={port} onChange={setPort} min={0} max={65535} error={portValue === null ? t('set.invalidNumber', { min: 0, max: 65535 }) : null} />
      </div>
      <SaveBar
        disabled={!dirty || portValue === null || host.trim() === ''}
        note={t('set.restartNote')}
        onSave={() => void useSettingsStore.getState().update({ server: { host: host.trim(), port: portValue ?? settings.server.port } })}
      />
    </section>
  );
}
