import { useState } from 'react';
import type { SettingsView } from '../../../shared/contract';
import { NumberField, parseWhole, TextField } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import { readStoredAdminToken } from '../../lib/admin-token';
import { useRelayStore } from '../../stores/relay-store';
import { useSettingsStore } from '../../stores/settings-store';
import { SaveBar } from './SaveBar';

function newUiUrl(host: string, port: number): string {
  const token = readStoredAdminToken(window.sessionStorage);
  const visibleHost = host === '0.0.0.0' || host === '::' ? window.location.hostname : host;
  return `${window.location.protocol}//${visibleHost}:${port}/ui/${token ? `#token=${encodeURIComponent(token)}` : ''}`;
}

export function ServerSection({ settings, movedTo, onMoved }: { settings: SettingsView; movedTo: string | null; onMoved(url: string | null): void }) {
  const t = useT();
  const [host, setHost] = useState(settings.server.host);
  const [port, setPort] = useState(String(settings.server.port));
  const portValue = parseWhole(port, 0, 65535);
  const dirty = host !== settings.server.host || portValue !== settings.server.port;
  const isWeb = useRelayStore((s) => s.info?.host === 'web');
  const listening = useRelayStore((s) => s.status?.baseUrl ?? null);

  const save = async (): Promise<void> => {
    const next = { host: host.trim(), port: portValue ?? settings.server.port };
    // On the headless host this page is served by the listener that is about to move, so the
    // answer may never arrive: offer the new address up front and drop it only on a refusal.
    const moving = isWeb && next.port !== 0 && String(next.port) !== window.location.port;
    if (moving) onMoved(newUiUrl(next.host, next.port));
    const saved = await useSettingsStore.getState().update({ server: next });
    if (!moving || saved) return;
    const { error, clearError } = useSettingsStore.getState();
    if (error?.detail?.unreachable) clearError();
    else onMoved(null);
  };

  return (
    <section className="card" aria-label={t('set.server')}>
      <h3>{t('set.server')}</h3>
      <div className="grid cols-2">
        <TextField label={t('set.host')} value={host} onChange={setHost} />
        <NumberField label={t('set.port')} value={port} onChange={setPort} min={0} max={65535} error={portValue === null ? t('set.invalidNumber', { min: 0, max: 65535 }) : null} />
      </div>
      {listening ? <p className="muted small">{t('set.listening', { url: listening })}</p> : null}
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
