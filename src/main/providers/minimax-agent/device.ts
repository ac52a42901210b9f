/**
 * Device ids (§2.4): Chat2API registers a device per credential and caches it for 3 h; the
 * JWT's `user.deviceID` (what MiniMax-Free-API uses) is the fallback when registration fails for
 * any reason other than a dead token. Concurrent requests of one account share one registration.
 */
import { RelayError, isRelayError } from '../../../shared/errors';
import type { Logger } from '../../logs/types';
import { isAgentCredential, type ProviderAccount } from '../types';
import { readTokenClaims } from './credentials';
import { DEVICE_CACHE_MS, PATHS } from './protocol';
import type { AgentHttp, CallIdentity } from './request';
import { deviceRegisterData } from './schemas';

/** When registration failed and the JWT's device id stands in, try registering again sooner. */
const FALLBACK_CACHE_MS = 5 * 60 * 1000;

export interface DeviceResolver {
  /** The identity to call with, device id included. */
  identify(account: ProviderAccount): Promise<CallIdentity>;
  /** Drops the cached device of an account (after its token failed). */
  forget(account: ProviderAccount): void;
}

interface CacheEntry {
  deviceId: Promise<string>;
  expiresAt: number;
}

export function toBaseIdentity(account: ProviderAccount): CallIdentity {
  const { credential } = account;
  if (!isAgentCredential(credential)) {
    throw new RelayError('internal', `Account ${account.id} is not a MiniMax Agent account.`);
  }
  const { token, realUserId, cookies } = credential;
  return { account, baseUrl: account.baseUrl, token, realUserId, ...(cookies ? { cookies } : {}) };
}

function cacheKey(identity: CallIdentity): string {
  return `${identity.baseUrl}\n${identity.realUserId}+${identity.token}`;
}

export function createDeviceResolver(deps: { http: AgentHttp; now: () => number; logger: Logger }): DeviceResolver {
  const cache = new Map<string, CacheEntry>();

  // Without the caller's signal: the registration is shared by every request of the account.
  async function register(identity: CallIdentity, key: string): Promise<string> {
    const uuid = crypto.randomUUID();
    try {
      const data = await deps.http.call(
        { ...identity, uuid, deviceId: null },
        { method: 'POST', path: PATHS.deviceRegister, body: { uuid }, envelope: 'statusInfo', schema: deviceRegisterData },
      );
      return data.deviceIDStr;
    } catch (error) {
      const fallback = readTokenClaims(identity.token).deviceId;
      const fatal = !isRelayError(error) || error.code === 'upstream_auth_expired';
      if (fatal || !fallback) {
        cache.delete(key);
        throw error;
      }
      deps.logger.warn({ code: error.code }, 'device registration failed; using the token device id');
      const entry = cache.get(key);
      if (entry) entry.expiresAt = deps.now() + FALLBACK_CACHE_MS;
      return fallback;
    }
  }

  return {
    async identify(account) {
      const identity = toBaseIdentity(account);
      const key = cacheKey(identity);
      let entry = cache.get(key);
      if (!entry || entry.expiresAt <= deps.now()) {
        entry = { deviceId: Promise.resolve(''), expiresAt: deps.now() + DEVICE_CACHE_MS };
        cache.set(key, entry);
        entry.deviceId = register(identity, key);
      }
      return { ...identity, deviceId: await entry.deviceId };
    },
    forget(account) {
      cache.delete(cacheKey(toBaseIdentity(account)));
    },
  };
}
