import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings';
import { hashApiKey } from '../proxy/middleware/api-key-auth';
import { createKeyring } from './keyring';

describe('keyring', () => {
  it('adds nothing while no key exists, so key checking stays off', () => {
    const keyring = createKeyring([], () => 1);
    const settings = defaultSettings();
    expect(keyring.withKeys(settings).apiKeys).toEqual([]);
    expect(keyring.hasKeys(settings)).toBe(false);
    expect(keyring.localKey(settings)).toBeNull();
  });

  it('adds environment keys and the internal test key once any key exists, without persisting them', () => {
    const keyring = createKeyring(['sk-env-1', ' '], () => 1);
    const settings = defaultSettings();
    const merged = keyring.withKeys(settings);
    const local = keyring.localKey(settings) ?? '';
    expect(merged.apiKeys.map((key) => key.hash)).toEqual([hashApiKey('sk-env-1'), hashApiKey(local)]);
    expect(settings.apiKeys).toEqual([]);
    expect(merged.apiKeys.every((key) => !keyring.isStored(key.id))).toBe(true);
    expect(JSON.stringify(merged)).not.toContain('sk-env-1');
  });

  it('merges once per settings version', () => {
    const keyring = createKeyring(['sk-env-1'], () => 1);
    const first = defaultSettings();
    const merged = keyring.withKeys(first);
    expect(keyring.withKeys(first)).toBe(merged);
    const next = { ...first, server: { ...first.server, port: 9000 } };
    expect(keyring.withKeys(next)).not.toBe(merged);
    expect(keyring.withKeys(next).server.port).toBe(9000);
  });
});

