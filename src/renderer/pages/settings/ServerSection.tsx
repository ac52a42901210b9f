import { useState } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { NumberField, parseWhole, TextField } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import { readStoredAdminToken } from '../../lib/admin-token';
import { useRelayStore } from '../../stores/relay-store';
import { useSettingsStore } from '../../stores/settings-store';
import { SaveBar } from './SaveBar';

export function ServerSection({ settings, movedTo, onMoved }: { settings: SettingsView; movedTo: string | null; onMoved(url: string): void }) {
  const t = useT();
  const [host, setHost] = useState(settings.server.host);
  const [port, setPort] = useState(String(settings.server.port));
  const portValue = parseWhole(port, 0, 65535);
  const dirty = host !== settings.server.host || portValue !== settings.server.port;
  const isWeb = useRelayStore((s) => s.info?.host === 'web');

  const save = async (): Promise<void> => {
    const next = { host: host.trim(), port: portValue ?? settings.server.port };
    const saved = await useSettingsStore.getState().update({ server: next });
    // On the headless host this page is served by the listener that just moved: offer the new address.
    if (saved && isWeb && String(next.port) !== window.location.port && next.port !== 0) {
      const token = readStoredAdminToken(window.sessionStorage);
      const visibleHost = next.host === '0.0.0.0' || next.host === '::' ? window.location.hostname : next.host;
      onMoved(`${window.location.protocol}//${visibleHost}:${next.port}/ui/${token ? `#token=${encodeURIComponent(token)}` : ''}`);
    }
  };
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
        onSave={() => void save()}
      />
      {movedTo ? (
        <p className="notice" role="status">
          {t('set.moved')} <a href={movedTo}>{t('set.openNewUi')}</a>
        </p>
      ) : null}
    </section>
  );
}
