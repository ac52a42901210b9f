/**
 * Client API keys. Settings keep only SHA-256 hashes; a presented key is hashed and compared with
 * every stored hash using timingSafeEqual (no early exit), so timing reveals neither which key
 * nor how much of it matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { ApiKeyRecord, Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';

/** The stored form of a client API key (hex SHA-256). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key a client presented, from any of the headers the three SDKs use. */
export function presentedKey(req: Pick<IncomingMessage, 'headers'>): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (match?.[1]) return match[1].trim();
  }
  for (const name of ['x-api-key', 'x-goog-api-key'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** The matching record, comparing against every key so the time does not depend on the match. */
export function findApiKey(key: string, records: readonly ApiKeyRecord[]): ApiKeyRecord | null {
  const digest = Buffer.from(hashApiKey(key), 'hex');
  let found: ApiKeyRecord | null = null;
  for (const record of records) {
    const stored = Buffer.from(record.hash, 'hex');
    const same = stored.length === digest.length && timingSafeEqual(stored, digest);
    if (same && found === null) found = record;
  }
  return found;
}

export interface ApiKeyUseTracker {
  touch(id: string, at: number): void;
  /** Writes pending uses now (on shutdown). */
  flush(): void;
  stop(): void;
}

/** Coalesces `lastUsedAt` updates: one write per interval at most, none while idle. */
export function createApiKeyUseTracker(write: (lastUsed: ReadonlyMap<string, number>) => void, intervalMs = 30_000): ApiKeyUseTracker {
  let pending = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    write(batch);
  };
  return {
    touch(id, at) {
      pending.set(id, at);
      if (!timer) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
    flush,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * Checks the presented key against the configured ones (none configured: everyone is let in).
 * Returns why a request is refused, or null; a match is recorded as the key's last use.
 */
export function checkApiKey(
  req: Pick<IncomingMessage, 'headers'>,
  records: readonly ApiKeyRecord[],
  deps: { tracker: ApiKeyUseTracker | null; now: () => number },
): string | null {
  if (records.length === 0) return null;
  const key = presentedKey(req);
  const record = key === null ? null : findApiKey(key, records);
  if (!record) {
    return key === null
      ? 'An API key is required: send it as Authorization: Bearer <key>, x-api-key or x-goog-api-key.'
      : 'The API key is not valid.';
  }
  deps.tracker?.touch(record.id, deps.now());
  return null;
}

export function apiKeyAuth(deps: { getSettings: () => Settings; tracker: ApiKeyUseTracker | null; now: () => number }): RequestHandler {
  return (req, _res, next) => {
    const refusal = checkApiKey(req, deps.getSettings().apiKeys, deps);
    next(refusal === null ? undefined : new RelayError('unauthorized', refusal));
  };
}
