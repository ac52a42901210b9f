import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiKeyView, BackupFile, RestoreSummary, SettingsView } from '../../shared/contract';
import type { SettingsPatch } from '../../shared/domain/settings';
import type { ErrorInfo } from '../../shared/errors';
import type { RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { bindStore } from './bind';

export interface SettingsState {
  settings: SettingsView | null;
  error: ErrorInfo | null;
  saving: boolean;
  /** Time of the last successful save (shows "Saved"). */
  savedAt: number | null;
  /** A key just created: shown once, then forgotten when dismissed. */
  createdKey: { key: string; record: ApiKeyView } | null;
  backupBusy: boolean;
  restoreSummary: RestoreSummary | null;
  init(): () => void;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<boolean>;
  createApiKey(name: string): Promise<string | null>;
  dismissCreatedKey(): void;
  clearError(): void;
  revokeApiKey(id: string): Promise<void>;
  backup(passphrase: string): Promise<BackupFile | null>;
  restore(data: string, passphrase: string): Promise<RestoreSummary | null>;
}

export function createSettingsStore(api: RelayApi, now: () => number = Date.now): StoreApi<SettingsState> {
  return createStore<SettingsState>()((set, get) => {
    async function guarded<T>(run: () => Promise<T>): Promise<T | null> {
      set({ error: null });
      try {
        return await run();
      } catch (error) {
        set({ error: toDisplayError(error) });
        return null;
      }
    }
    return {
      settings: null,
      error: null,
      saving: false,
      savedAt: null,
      createdKey: null,
      backupBusy: false,
      restoreSummary: null,
      init: () => api.on('settings:changed', (settings) => set({ settings })),
      async load() {
        const settings = await guarded(() => api.settings.get());
        if (settings) set({ settings });
      },
      async update(patch) {
        set({ saving: true });
        const settings = await guarded(() => api.settings.update(patch));
        set(settings ? { settings, saving: false, savedAt: now() } : { saving: false });
        return settings !== null;
      },
      async createApiKey(name) {
        const created = await guarded(() => api.settings.createApiKey({ name }));
        if (!created) return null;
        set({ createdKey: created });
        await get().load();
        return created.key;
      },
      dismissCreatedKey: () => set({ createdKey: null }),
      clearError: () => set({ error: null }),
      async revokeApiKey(id) {
        const done = await guarded(async () => {
          await api.settings.revokeApiKey({ id });
          return true;
        });
        if (done) await get().load();
      },
      async backup(passphrase) {
        set({ backupBusy: true });
        const file = await guarded(() => api.settings.backup({ passphrase }));
        set({ backupBusy: false });
        return file;
      },
      async restore(data, passphrase) {
        set({ backupBusy: true, restoreSummary: null });
        const summary = await guarded(() => api.settings.restore({ data, passphrase }));
        set({ backupBusy: false, restoreSummary: summary });
        if (summary) await get().load();
        return summary;
      },
    };
  });
}

export const useSettingsStore = bindStore((api) => createSettingsStore(api));
