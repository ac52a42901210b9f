import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../shared/contract';
import { defaultSettings } from '../../shared/domain/settings';
import { ApiError } from '../lib/api-error';
import { createFakeApi } from '../lib/__test__/fake-api';
import { createSettingsStore } from './settings-store';

const base = (): SettingsView => ({ ...defaultSettings(), apiKeys: [] });

describe('settings store', () => {
  it('saves a patch, keeps the relay answer and follows settings:changed', async () => {
    const api = createFakeApi();
    const patches: unknown[] = [];
    api.settings.update = async (patch) => {
      patches.push(patch);
      return { ...base(), server: { ...base().server, port: 9100 } };
    };
    const store = createSettingsStore(api, () => 1234);
    store.getState().init();
    await expect(store.getState().update({ server: { port: 9100 } })).resolves.toBe(true);
    expect(patches).toEqual([{ server: { port: 9100 } }]);
    expect(store.getState().settings?.server.port).toBe(9100);
    expect(store.getState().savedAt).toBe(1234);
    api.emit('settings:changed', { ...base(), ui: { theme: 'dark', language: 'zh-CN' } });
    expect(store.getState().settings?.ui.language).toBe('zh-CN');
  });

  it('shows a created key once and forgets it when dismissed', async () => {
    const api = createFakeApi();
    api.settings.createApiKey = async ({ name }) => ({ key: 'sk-secret', record: { id: 'k1', name, prefix: 'sk-se', createdAt: 0, lastUsedAt: null } });
    const store = createSettingsStore(api);
    await expect(store.getState().createApiKey('cli')).resolves.toBe('sk-secret');
    expect(store.getState().createdKey?.key).toBe('sk-secret');
    store.getState().dismissCreatedKey();
    expect(store.getState().createdKey).toBeNull();
  });

  it('reports what a restore brought back, and a wrong passphrase as an error code', async () => {
    const api = createFakeApi();
    api.settings.restore = async ({ passphrase }) => {
      if (passphrase !== 'right-pass') throw new ApiError({ code: 'bad_passphrase', message: 'wrong' });
      return { accounts: 2, mappings: 1, apiKeys: 0 };
    };
    const store = createSettingsStore(api);
    await expect(store.getState().restore('ZGF0YQ==', 'nope')).resolves.toBeNull();
    expect(store.getState().error?.code).toBe('bad_passphrase');
    await store.getState().restore('ZGF0YQ==', 'right-pass');
    expect(store.getState().restoreSummary).toEqual({ accounts: 2, mappings: 1, apiKeys: 0 });
    expect(store.getState().error).toBeNull();
  });
});
