import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { useT } from '../hooks/use-t';
import { useSettingsStore } from '../stores/settings-store';
import { ApiKeysSection } from './settings/ApiKeysSection';
import { AttachmentsSection } from './settings/AttachmentsSection';
import { AppearanceSection } from './settings/AppearanceSection';
import { BackupSection } from './settings/BackupSection';
import { RelayOptionsSection } from './settings/RelayOptionsSection';
import { RoutingSection } from './settings/RoutingSection';
import { ServerSection } from './settings/ServerSection';

export function SettingsPage() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  const savedAt = useSettingsStore((s) => s.savedAt);
  // Kept here: the server section remounts when the stored host/port change.
  const [movedTo, setMovedTo] = useState<string | null>(null);
  if (!settings) {
    return (
      <div className="page settings">
        <ErrorNotice error={error} />
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }
  // Keyed by the stored values so a pushed change (another window, a restore) resets the drafts.
  const serverKey = `${settings.server.host}:${settings.server.port}`;
  const relayKey = JSON.stringify([settings.upstream, settings.pool, settings.models, settings.logs]);
  return (
    <div className="page settings">
      <ErrorNotice error={error} />
      {savedAt ? (
        <p className="sr-only" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <AppearanceSection />
      <ServerSection key={serverKey} settings={settings} movedTo={movedTo} onMoved={setMovedTo} />
      <ApiKeysSection settings={settings} />
      <RelayOptionsSection key={relayKey} settings={settings} />
      <AttachmentsSection key={JSON.stringify(settings.attachments)} settings={settings} />
      <RoutingSection settings={settings} />
      <BackupSection />
    </div>
  );
}
