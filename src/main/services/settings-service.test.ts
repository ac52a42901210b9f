import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { RelayStatus } from '../../shared/contract';
import { silentLogger } from '../logs/types';
import { createSettingsService } from './settings-service';
import { createServiceFixture } from './__test__/test-support';

function status(error: RelayStatus['error'] = null): RelayStatus {
  return { running: error === null, host: '127.0.0.1', port: 8000, baseUrl: null, uiUrl: null, startedAt: null, pool: { byStatus: { active: 0, disabled: 0, expired: 0, invalid: 0, cooling: 0, exhausted: 0 }, busy: 0, queued: 0, capacity: 0 }, error };
}

function setup(restartResults: RelayStatus[] = []) {
  const fixture = createServiceFixture();
  const restart = vi.fn(async () => restartResults.shift() ?? status());
  const service = createSettingsService({ store: fixture.store, relay: { restart, status: () => status() }, events: fixture.events, logger: silentLogger, now: fixture.now });
  return { ...fixture, service, restart };
}

describe('settings service', () => {
  it('creates a client API key shown once, stores only its hash and prefix, and revokes it', async () => {
    const { service, store } = setup();
    const { key, record } = await service.createApiKey({ name: 'Cherry Studio' });
    expect(key).toMatch(/^sk-relay-[A-Za-z0-9_-]{40,}$/);
    expect(record).not.toHaveProperty('hash');
    expect(key.startsWith(record.prefix)).toBe(true);
    const stored = store.getSettings().apiKeys[0];
    expect(stored?.hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(store.exportDocument())).not.toContain(key);
    const view = await service.get();
    expect(view.apiKeys).toEqual([record]);
    await service.revokeApiKey({ id: record.id });
    expect((await service.get()).apiKeys).toEqual([]);
    await expect(service.revokeApiKey({ id: record.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('moves the listener when the port changes, and only then', async () => {
    const { service, restart } = setup();
    await service.update({ logs: { logBodies: true } });
    expect(restart).not.toHaveBeenCalled();
    const view = await service.update({ server: { port: 9123 } });
    expect(restart).toHaveBeenCalledTimes(1);
    expect(view.server).toMatchObject({ port: 9123, host: '127.0.0.1' });
    expect(view.logs.logBodies).toBe(true);
  });

  it('keeps the old address when the new one cannot be used', async () => {
    const { service, store, restart } = setup([status({ code: 'forbidden', message: 'Port 9124 is already in use.' })]);
    await expect(service.update({ server: { port: 9124 } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(store.getSettings().server.port).toBe(8000);
    expect(restart).toHaveBeenCalledTimes(2);
  });

  it('restores a backup made with a passphrase and refuses a wrong passphrase', async () => {
    const { service, store } = setup();
    await service.createApiKey({ name: 'k' });
    await service.update({ models: { defaultModel: 'MiniMax-M2.5' } });
    const backup = await service.backup({ passphrase: 'correct horse' });
    expect(backup.fileName).toMatch(/^minimax-relay-\d{12}\.mrbackup$/);
    await service.update({ models: { defaultModel: 'MiniMax-M2.7' } });
    await expect(service.restore({ data: backup.data, passphrase: 'wrong pass' })).rejects.toMatchObject({ code: 'bad_passphrase' });
    expect(store.getSettings().models.defaultModel).toBe('MiniMax-M2.7');
    expect(await service.restore({ data: backup.data, passphrase: 'correct horse' })).toEqual({ accounts: 0, mappings: 0, apiKeys: 1 });
    expect(store.getSettings().models.defaultModel).toBe('MiniMax-M2.5');
  });
});
