import { useState } from 'react';
import { TextField } from '../../components/Fields';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../hooks/use-t';
import { downloadBase64, readFileAsBase64 } from '../../lib/download';
import { useAccountsStore } from '../../stores/accounts-store';
import { useModelsStore } from '../../stores/models-store';
import { useSettingsStore } from '../../stores/settings-store';

const MIN_PASSPHRASE = 8;

export function BackupSection() {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const busy = useSettingsStore((s) => s.backupBusy);
  const summary = useSettingsStore((s) => s.restoreSummary);
  const progress = useAccountsStore((s) => s.progress.restore);
  const store = useSettingsStore.getState;
  const short = passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE;

  const backup = async (): Promise<void> => {
    const result = await store().backup(passphrase);
    if (result) downloadBase64(result.fileName, result.data);
  };
  const restore = async (): Promise<void> => {
    if (!file) return;
    const summary = await store().restore(await readFileAsBase64(file), restorePassphrase);
    // Accounts and aliases were replaced wholesale; aliases have no pushed event, so reload both.
    if (summary) await Promise.all([useAccountsStore.getState().load(), useModelsStore.getState().load()]);
  };

  return (
    <section className="card" aria-label={t('set.backup')}>
      <h3>{t('set.backup')}</h3>
      <p className="muted small">{t('set.backupHelp')}</p>
      <div className="grid cols-2">
        <div>
          <TextField type="password" label={t('set.passphrase')} value={passphrase} onChange={setPassphrase} error={short ? t('set.passphraseShort') : null} />
          <button type="button" className="button" disabled={busy || passphrase.length < MIN_PASSPHRASE} onClick={() => void backup()}>
            {t('set.downloadBackup')}
          </button>
        </div>
        <div>
          <div className="field">
            <label htmlFor="restore-file">{t('set.restoreFile')}</label>
            <input id="restore-file" type="file" accept=".mmrbak,.bak,application/octet-stream,*/*" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextField type="password" label={t('set.passphraseFor', { label: t('set.passphrase'), action: t('set.restore') })} value={restorePassphrase} onChange={setRestorePassphrase} />
          <button type="button" className="button" disabled={busy || !file || restorePassphrase === ''} onClick={() => void restore()}>
            {busy ? t('set.restoring') : t('set.restore')}
          </button>
        </div>
      </div>
      {busy ? <ProgressBar label={t('set.restoring')} event={progress} /> : null}
      {summary ? (
        <p className="notice" role="status" data-testid="restore-summary">
          {t('set.restored', { ...summary })}
        </p>
      ) : null}
    </section>
  );
}
