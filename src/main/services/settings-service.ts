/**
 * BridgeApi.settings. The view never carries key hashes; a host/port change moves the listener
 * (and is undone if the new address cannot be used); client API keys are shown once and stored as
 * a SHA-256 hash plus a recognisable prefix; backup/restore go through the store's helpers.
 */
import { randomBytes } from 'node:crypto';
import type { BridgeApi, SettingsView } from '../../shared/contract';
import type { ApiKeyRecord, Settings } from '../../shared/domain/settings';
import { RelayError } from '../../shared/errors';
import { hashApiKey } from '../proxy';
import type { RelayStore } from '../store/relay-store-types';
import { createProgress } from './progress';
import type { RelayController, ServiceContext } from './types';

export interface SettingsServiceDeps extends ServiceContext {
  store: Pick<RelayStore, 'getSettings' | 'updateSettings' | 'setApiKeys' | 'exportBackup' | 'restoreBackup'>;
  relay: Pick<RelayController, 'restart' | 'status'>;
  /** A host/port given on the command line stops applying once the user picks another one. */
  onServerAddressChanged?: () => void;
}

export function toSettingsView(settings: Settings): SettingsView {
  return { ...settings, apiKeys: settings.apiKeys.map(({ hash: _hash, ...view }) => view) };
}

/** `sk-relay-` + 32 random bytes; the first 13 characters identify it in lists. */
export function generateApiKey(): { key: string; prefix: string } {
  const key = `sk-relay-${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 13) };
}

function backupFileName(time: number): string {
  const stamp = new Date(time).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `minimax-relay-${stamp}.mrbackup`;
}

export function createSettingsService(deps: SettingsServiceDeps): BridgeApi['settings'] {
  const { store } = deps;

  async function moveListener(before: Settings['server']): Promise<void> {
    deps.onServerAddressChanged?.();
    const status = await deps.relay.restart();
    if (!status.error) return;
    // The new address is unusable (port taken, non-loopback without keys): keep the old one.
    store.updateSettings({ server: { host: before.host, port: before.port } });
    await deps.relay.restart();
    throw new RelayError(status.error.code, `${status.error.message} The previous address was kept.`, status.error.detail);
  }

  return {
    get: async () => toSettingsView(store.getSettings()),
    async update(patch) {
      const before = store.getSettings();
      const after = store.updateSettings(patch);
      if (after.server.host !== before.server.host || after.server.port !== before.server.port) {
        await moveListener(before.server);
      }
      return toSettingsView(store.getSettings());
    },
    async createApiKey({ name }) {
      const { key, prefix } = generateApiKey();
      const record: ApiKeyRecord = { id: crypto.randomUUID(), name: name.trim(), prefix, hash: hashApiKey(key), createdAt: deps.now(), lastUsedAt: null };
      store.setApiKeys([...store.getSettings().apiKeys, record]);
      const { hash: _hash, ...view } = record;
      return { key, record: view };
    },
    async revokeApiKey({ id }) {
      const keys = store.getSettings().apiKeys;
      if (!keys.some((key) => key.id === id)) throw new RelayError('not_found', `No API key with id ${id}.`, { id });
      store.setApiKeys(keys.filter((key) => key.id !== id));
    },
    async backup({ passphrase }) {
      const envelope = await store.exportBackup(passphrase);
      return { fileName: backupFileName(deps.now()), data: Buffer.from(envelope, 'utf8').toString('base64') };
    },
    async restore({ data, passphrase }) {
      const progress = createProgress(deps.events, 'restore', 1);
      progress.report(0, 'Opening the backup', 1, { step: 'restore_opening' });
      const before = store.getSettings().server;
      const summary = await store.restoreBackup(data, passphrase);
      const after = store.getSettings().server;
      if (after.host !== before.host || after.port !== before.port) await moveListener(before);
      progress.report(1, `Restored ${summary.accounts} accounts, ${summary.mappings} aliases, ${summary.apiKeys} API keys`, 1, {
        step: 'restore_done',
        params: { accounts: summary.accounts, mappings: summary.mappings, apiKeys: summary.apiKeys },
      });
      return summary;
    },
  };
}
