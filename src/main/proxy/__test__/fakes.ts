/**
 * Small in-memory stand-ins for the pool, model resolver, request log and provider, for the
 * proxy's unit tests. They follow the pinned interfaces, nothing more.
 */
import type { PoolHealth } from '../../../shared/contract';
import type { AccountRecord } from '../../../shared/domain/account';
import type { CatalogModel, ModelResolution } from '../../../shared/domain/model-mapping';
import type { RequestLogEntry } from '../../../shared/domain/request-log';
import { defaultSettings } from '../../../shared/domain/settings';
import type { Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';
import type { AccountLease, AccountPool, LeaseOutcome } from '../../accounts/types';
import type { RequestLog } from '../../logs/types';
import { silentLogger } from '../../logs/types';
import type { ModelResolver } from '../../models/types';
import type { ProviderChatOptions, UpstreamProvider } from '../../providers/types';
import type { CanonicalEvent, CanonicalRequest } from '../../relay/canonical';
import { openaiDialect } from '../dialects/openai';
import type { ProxyDeps } from '../types';

export function fakeAccount(id: string): AccountRecord {
  return {
    id, provider: 'minimax-agent', region: 'cn', label: `label-${id}`, realUserId: `user-${id}`, userName: null, email: null,
    sealedCredential: 'sealed', tokenExpiresAt: null, enabled: true, status: 'active', statusReason: null, statusUntil: null,
    maxConcurrency: 1, credits: null, counters: { requests: 0, failures: 0, lastUsedAt: null }, createdAt: 0, updatedAt: 0,
  };
}

export interface FakePool extends AccountPool {
  releases: { accountId: string; outcome: LeaseOutcome }[];
  busy: Set<string>;
  /** Make acquire() throw this instead. */
  failWith: RelayError | null;
}

/** One slot per account; waits (no queue limit) until one frees; `exclude` honoured. */
export function createFakePool(ids: string[]): FakePool {
  const accounts = ids.map(fakeAccount);
  const waiters: (() => void)[] = [];
  const pool: FakePool = {
    releases: [],
    busy: new Set(),
    failWith: null,
    async acquire(options) {
      if (pool.failWith) throw pool.failWith;
      for (;;) {
        const candidates = accounts.filter((a) => !options.exclude?.has(a.id) && (!options.pinnedAccountId || a.id === options.pinnedAccountId));
        if (candidates.length === 0) throw new RelayError('no_account', 'No usable account.');
        const free = candidates.find((a) => !pool.busy.has(a.id));
        if (free) return lease(free);
        if (options.signal.aborted) throw new RelayError('aborted', 'aborted');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    health(): PoolHealth {
      return { byStatus: { active: accounts.length, disabled: 0, expired: 0, invalid: 0, cooling: 0, exhausted: 0 }, busy: pool.busy.size, queued: waiters.length, capacity: accounts.length };
    },
    busyCount: (id) => (pool.busy.has(id) ? 1 : 0),
  };
  function lease(account: AccountRecord): AccountLease {
    pool.busy.add(account.id);
    let released = false;
    return {
      account,
      upstream: { id: account.id, label: account.label, region: 'cn', baseUrl: 'http://upstream.invalid', credential: { kind: 'minimax-agent', token: 't', realUserId: account.realUserId } },
      reason: 'first free',
      queueWaitMs: 0,
      release(outcome) {
        if (released) return;
        released = true;
        pool.releases.push({ accountId: account.id, outcome });
        pool.busy.delete(account.id);
        waiters.splice(0).forEach((wake) => wake());
      },
    };
  }
  return pool;
}

export const FAKE_CATALOG: CatalogModel[] = [
  { id: 'MiniMax-M2.7', base: 'MiniMax-M2.7', thinking: false, webSearch: false, isDefault: true, description: '' },
  { id: 'MiniMax-M2.7-Think', base: 'MiniMax-M2.7', thinking: true, webSearch: false, isDefault: false, description: '' },
];

export function createFakeModels(): ModelResolver {
  return {
    catalog: () => FAKE_CATALOG,
    resolve(name, hints): ModelResolution {
      const hit = FAKE_CATALOG.find((m) => m.id === name);
      if (name === 'strict-missing') throw new RelayError('model_not_found', `Unknown model ${name}.`);
      const model = hit ?? FAKE_CATALOG[0]!;
      return {
        requested: name, model: model.id, thinking: hints?.thinking ?? model.thinking, webSearch: hints?.webSearch ?? model.webSearch,
        via: hit ? 'catalog' : 'default', mappingId: null, accountId: null, explanation: '',
      };
    },
  };
}

export interface FakeRequestLog extends RequestLog {
  entries: Map<string, RequestLogEntry>;
  ended: string[];
}

export function createFakeRequestLog(): FakeRequestLog {
  const entries = new Map<string, RequestLogEntry>();
  const ended: string[] = [];
  return {
    entries,
    ended,
    begin: (entry) => void entries.set(entry.id, { ...entry }),
    update(id, patch) {
      const entry = entries.get(id);
      if (entry) entries.set(id, { ...entry, ...patch });
    },
    end(id, patch) {
      ended.push(id);
      const entry = entries.get(id);
      if (entry) entries.set(id, { ...entry, ...patch });
    },
    query: () => [...entries.values()],
    get: (id) => entries.get(id) ?? null,
    stats: () => ({ today: { requests: 0, errors: 0, successRate: null, medianLatencyMs: null, medianTtftMs: null }, byModel: {}, byAccount: {}, timeline: [] }),
    subscribe: () => () => {},
    clear: async () => {},
    close: async () => {},
  };
}

export type ReplyScript = (request: CanonicalRequest, options: ProviderChatOptions) => AsyncGenerator<CanonicalEvent, void, undefined>;

export interface FakeProvider extends UpstreamProvider {
  calls: { accountId: string; request: CanonicalRequest; options: ProviderChatOptions }[];
  /** Per account id, or `*`. */
  scripts: Map<string, ReplyScript>;
  cleanups: number;
}

/** Sleeps `ms` unless the signal aborts first (then throws like the real provider does). */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RelayError('aborted', 'aborted'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new RelayError('aborted', 'aborted'));
    }, { once: true });
  });
}

export function textReply(text: string, reasoning?: string): ReplyScript {
  return async function* () {
    yield { type: 'upstream', chatId: '42' };
    if (reasoning) yield { type: 'reasoning', text: reasoning };
    yield { type: 'text', text };
    yield { type: 'upstream', polls: 3 };
    yield { type: 'finish', reason: 'stop' };
  };
}

export function createFakeProvider(): FakeProvider {
  const provider: FakeProvider = {
    kind: 'minimax-agent',
    calls: [],
    scripts: new Map(),
    cleanups: 0,
    async *chat(request, options) {
      provider.calls.push({ accountId: options.account.id, request, options });
      const script = provider.scripts.get(options.account.id) ?? provider.scripts.get('*') ?? textReply('hello');
      try {
        yield* script(request, options);
      } finally {
        provider.cleanups += 1;
      }
    },
    validate: async () => ({ realUserId: 'u', userName: null, email: null, tokenExpiresAt: null }),
    credits: async () => null,
    cleanupChats: async () => ({ deleted: 0, failed: 0, skipped: 0 }),
  };
  return provider;
}

export interface FakeDeps extends ProxyDeps {
  settings: Settings;
  pool: FakePool;
  requestLog: FakeRequestLog;
  provider: FakeProvider;
}

export function createFakeDeps(accountIds = ['a1', 'a2'], overrides: Partial<ProxyDeps> = {}): FakeDeps {
  const settings = defaultSettings();
  const provider = createFakeProvider();
  return {
    settings,
    getSettings: () => settings,
    pool: createFakePool(accountIds),
    models: createFakeModels(),
    requestLog: createFakeRequestLog(),
    providers: new Map([['minimax-agent', provider]]),
    speechProviders: [],
    provider,
    logger: silentLogger,
    now: () => Date.now(),
    dialects: [openaiDialect],
    ...overrides,
  } as FakeDeps;
}
