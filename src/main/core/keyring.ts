/**
 * Client API keys as the proxy sees them: the stored ones, plus keys from the environment
 * (MINIMAX_RELAY_API_KEYS) and one internal key for relay.testRequest — both only in memory. The
 * extra records are added only when some real key exists: adding them to an empty list would
 * switch key checking on for every client.
 */
import { randomBytes } from 'node:crypto';
import type { ApiKeyRecord, Settings } from '../../shared/domain/settings';
import { hashApiKey } from '../proxy';

const INTERNAL_ID = 'internal:test-request';

export interface Keyring {
  /** Settings with the in-memory keys merged into `apiKeys`. */
  withKeys(settings: Settings): Settings;
  hasKeys(settings: Settings): boolean;
  /** The key relay.testRequest sends, or null when client keys are off. */
  localKey(settings: Settings): string | null;
  isStored(id: string): boolean;
}

export function createKeyring(envKeys: readonly string[], now: () => number): Keyring {
  const created = now();
  const extra: ApiKeyRecord[] = envKeys
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map((key, index) => ({ id: `env:${index + 1}`, name: `MINIMAX_RELAY_API_KEYS #${index + 1}`, prefix: key.slice(0, Math.min(8, Math.floor(key.length / 3))), hash: hashApiKey(key), createdAt: created, lastUsedAt: null }));
  const internalKey = `sk-relay-internal-${randomBytes(24).toString('base64url')}`;
  const internal: ApiKeyRecord = { id: INTERNAL_ID, name: 'test request', prefix: 'internal', hash: hashApiKey(internalKey), createdAt: created, lastUsedAt: null };

  const withKeysCache = new WeakMap<Settings, Settings>();
  const hasKeys = (settings: Settings): boolean => settings.apiKeys.length > 0 || extra.length > 0;
  return {
    hasKeys,
    // The proxy asks several times per request; settings are the store's frozen object until they
    // change, so one merged copy per version.
    withKeys(settings) {
      if (!hasKeys(settings)) return settings;
      let merged = withKeysCache.get(settings);
      if (!merged) {
        merged = Object.freeze({ ...settings, apiKeys: Object.freeze([...settings.apiKeys, ...extra, internal]) }) as Settings;
        withKeysCache.set(settings, merged);
      }
      return merged;
    },
    localKey: (settings) => (hasKeys(settings) ? internalKey : null),
    isStored: (id) => id !== INTERNAL_ID && !id.startsWith('env:'),
  };
}
