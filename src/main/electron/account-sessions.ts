/**
 * The desktop's per-account browser sessions (persisted partitions named after the account, see
 * oauth/session-partition.ts). Upstream calls of an account go through its session, so cookies,
 * their renewals and the Cloudflare clearance are a real browser's. Stored cookies are seeded into
 * the jar; cookies the site changes in the jar are saved back to the account silently. Removing an
 * account deletes its partition's data. The decisions are in oauth/cookie-sync.ts; this is the I/O.
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { session, type Cookie, type Session } from 'electron';
import type { Logger } from '../logs/types';
import { cookiesRemovedByUser, cookiesToPersist, cookiesToSeed, formatCookieHeader, isStoredAccountId, orphanPartitions, partitionForAccount, toCookieSetDetails, type CookiePair } from '../oauth';

export interface AccountSessionsDeps {
  /** Saves renewed cookies on the account (services.accounts.setCookies). */
  saveCookies(accountId: string, cookies: string): Promise<void>;
  logger: Logger;
  /** Quiet time after the last jar change before saving (a response sets several cookies at once). */
  settleMs?: number;
}

export interface AccountSessions {
  /** The session a call as this account goes through, its stored cookies in the jar. */
  prepare(account: { id: string; baseUrl: string; cookies?: string }): Promise<Session>;
  /**
   * Copies every cookie of `from` (the login window's session) into the account's session and
   * watches it from now on; `baseUrl` is the agent site whose cookies belong to the account.
   */
  adopt(accountId: string, from: Session, baseUrl: string): Promise<void>;
  /** Deletes the account's partition data (cookies, storage, cache). */
  clear(accountId: string): Promise<void>;
  /** Clears partitions left by accounts that no longer exist. */
  sweep(accountIds: readonly string[], partitionsDir: string): Promise<void>;
  dispose(): void;
}

interface Entry {
  session: Session;
  baseUrl: string;
  /** The header last written in either direction (see cookie-sync.ts). */
  known: string | undefined;
  timer: NodeJS.Timeout | null;
  stop(): void;
}

const toPairs = (cookies: readonly Cookie[]): CookiePair[] => cookies.map(({ name, value }) => ({ name, value }));

async function seed(target: Session, baseUrl: string, pairs: readonly CookiePair[]): Promise<void> {
  const secure = baseUrl.startsWith('https:');
  for (const { name, value } of pairs) await target.cookies.set({ url: baseUrl, name, value, path: '/', secure, httpOnly: true });
}

export function createAccountSessions(deps: AccountSessionsDeps): AccountSessions {
  const entries = new Map<string, Entry>();

  async function persist(accountId: string, entry: Entry): Promise<void> {
    const header = cookiesToPersist(entry.known, toPairs(await entry.session.cookies.get({ url: entry.baseUrl })));
    if (header === null) return;
    entry.known = header;
    await deps.saveCookies(accountId, header);
    deps.logger.debug({ accountId }, 'saved the cookies the site renewed');
  }

  function watch(accountId: string, baseUrl: string): Entry {
    const target = session.fromPartition(partitionForAccount(accountId));
    const entry: Entry = { session: target, baseUrl, known: undefined, timer: null, stop: () => undefined };
    const onChanged = (): void => {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        entry.timer = null;
        persist(accountId, entry).catch((error: unknown) => deps.logger.warn({ err: error, accountId }, 'saving renewed cookies failed'));
      }, deps.settleMs ?? 1_000);
    };
    target.cookies.on('changed', onChanged);
    entry.stop = () => {
      target.cookies.off('changed', onChanged);
      if (entry.timer) clearTimeout(entry.timer);
    };
    entries.set(accountId, entry);
    return entry;
  }

  return {
    async prepare(account) {
      if (!isStoredAccountId(account.id)) {
        // A one-off check: a throw-away in-memory session with just the given cookies.
        const probe = session.fromPartition(`minimax-probe-${randomUUID()}`);
        const pairs = cookiesToSeed(undefined, account.cookies, []);
        if (pairs) await seed(probe, account.baseUrl, pairs);
        return probe;
      }
      const entry = entries.get(account.id) ?? watch(account.id, account.baseUrl);
      entry.baseUrl = account.baseUrl;
      if (cookiesRemovedByUser(entry.known, account.cookies)) {
        // "Remove cookies": the jar must not keep sending them (nor save them back).
        entry.known = undefined;
        for (const cookie of await entry.session.cookies.get({ url: account.baseUrl })) await entry.session.cookies.remove(account.baseUrl, cookie.name);
      }
      const pairs = cookiesToSeed(entry.known, account.cookies, toPairs(await entry.session.cookies.get({ url: account.baseUrl })));
      if (pairs !== null) {
        await seed(entry.session, account.baseUrl, pairs);
        entry.known = account.cookies;
      }
      return entry.session;
    },
    async adopt(accountId, from, baseUrl) {
      const entry = entries.get(accountId) ?? watch(accountId, baseUrl);
      entry.baseUrl = baseUrl;
      if (entry.session !== from) {
        for (const cookie of await from.cookies.get({})) {
          const details = toCookieSetDetails(cookie);
          if (details) await entry.session.cookies.set(details).catch((error: unknown) => deps.logger.debug({ err: error, name: cookie.name }, 'a cookie could not be copied'));
        }
      }
      // The import just saved these very cookies: only later changes are news.
      entry.known = formatCookieHeader(toPairs(await entry.session.cookies.get({ url: baseUrl })));
    },
    async clear(accountId) {
      entries.get(accountId)?.stop();
      entries.delete(accountId);
      const target = session.fromPartition(partitionForAccount(accountId));
      await Promise.all([target.clearStorageData(), target.clearCache(), target.clearAuthCache()]);
    },
    async sweep(accountIds, partitionsDir) {
      const names = await readdir(partitionsDir).catch(() => [] as string[]);
      for (const partition of orphanPartitions(names, accountIds)) {
        const target = session.fromPartition(partition);
        await Promise.all([target.clearStorageData(), target.clearCache()]);
        deps.logger.info({ partition }, 'cleared the browser session of a removed account');
      }
    },
    dispose() {
      for (const entry of entries.values()) entry.stop();
      entries.clear();
    },
  };
}
