/**
 * An in-memory RelayApi for the renderer's unit tests only (the app itself always talks to the
 * real relay). Methods are overridable per test; `emit` pushes events like the relay would.
 */
import type { BridgeEventName, BridgeEvents, RelayStatus, SettingsView } from '../../../shared/contract';
import type { AccountSummary } from '../../../shared/domain/account';
import type { RequestLogEntry } from '../../../shared/domain/request-log';
import { defaultSettings } from '../../../shared/domain/settings';
import { ApiError } from '../api-error';
import type { ConnectionState, EventListener, RelayApi } from '../api';

export interface FakeApi extends RelayApi {
  emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void;
  setConnection(state: ConnectionState): void;
  calls: string[];
}

export function makeAccount(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: crypto.randomUUID(),
    provider: 'minimax-agent',
    region: 'cn',
    label: 'demo',
    maskedUserId: '123…789',
    userName: 'demo',
    email: null,
    tokenExpiresAt: null,
    enabled: true,
    status: 'active',
    statusReason: null,
    statusUntil: null,
    maxConcurrency: 1,
    credits: { remaining: 200, resetAt: null, planName: null, checkedAt: 0 },
    counters: { requests: 0, failures: 0, lastUsedAt: null },
    busy: 0,
    createdAt: 0,
    ...overrides,
  };
}

export function makeLogEntry(overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  return {
    id: crypto.randomUUID(),
    time: 0,
    dialect: 'openai',
    endpoint: '/v1/chat/completions',
    stream: false,
    clientModel: 'gpt-4o',
    resolvedModel: 'MiniMax-M2.7',
    accountId: null,
    accountLabel: null,
    attempts: [],
    status: 'success',
    httpStatus: 200,
    latencyMs: 100,
    ttftMs: 50,
    queueWaitMs: 0,
    polls: 3,
    upstreamChatId: null,
    inputTokens: 10,
    outputTokens: 20,
    tokensEstimated: true,
    toolCalls: 0,
    errorCode: null,
    errorMessage: null,
    requestBody: null,
    responseBody: null,
    ...overrides,
  };
}

const notImplemented = (name: string) => async (): Promise<never> => {
  throw new ApiError({ code: 'internal', message: `fake: ${name} not set up` });
};

export function createFakeApi(): FakeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connection = new Set<(state: ConnectionState) => void>();
  const calls: string[] = [];
  const settings: SettingsView = { ...defaultSettings(), apiKeys: [] };
  const status: RelayStatus = {
    running: true,
    host: '127.0.0.1',
    port: 8000,
    baseUrl: 'http://127.0.0.1:8000',
    uiUrl: null,
    startedAt: 0,
    pool: { byStatus: { active: 0, disabled: 0, expired: 0, invalid: 0, cooling: 0, exhausted: 0 }, busy: 0, queued: 0, capacity: 0 },
    error: null,
  };
  const track =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push(name);
      return fn(...args);
    };
  return {
    calls,
    app: { info: track('app.info', async () => ({ version: '0.0.0', host: 'web' as const, dataDir: '/data', canLoginWithWindow: false })) },
    relay: {
      status: track('relay.status', async () => status),
      start: track('relay.start', async () => ({ ...status, running: true })),
      stop: track('relay.stop', async () => ({ ...status, running: false })),
      testRequest: notImplemented('relay.testRequest'),
      testSpeech: notImplemented('relay.testSpeech'),
    },
    accounts: {
      list: track('accounts.list', async (): Promise<AccountSummary[]> => []),
      import: notImplemented('accounts.import'),
      validate: notImplemented('accounts.validate'),
      validateAll: notImplemented('accounts.validateAll'),
      update: notImplemented('accounts.update'),
      reset: notImplemented('accounts.reset'),
      remove: track('accounts.remove', async () => undefined),
      cleanupChats: notImplemented('accounts.cleanupChats'),
      diagnose: notImplemented('accounts.diagnose'),
      login: notImplemented('accounts.login'),
      setCookies: notImplemented('accounts.setCookies'),
    },
    models: {
      catalog: track('models.catalog', async () => []),
      listMappings: track('models.listMappings', async () => []),
      addMapping: notImplemented('models.addMapping'),
      updateMapping: notImplemented('models.updateMapping'),
      removeMapping: track('models.removeMapping', async () => undefined),
      explain: notImplemented('models.explain'),
    },
    logs: {
      query: track('logs.query', async (): Promise<RequestLogEntry[]> => []),
      get: track('logs.get', async (): Promise<RequestLogEntry | null> => null),
      stats: track('logs.stats', async () => ({ today: { requests: 0, errors: 0, successRate: null, medianLatencyMs: null, medianTtftMs: null }, byModel: {}, byAccount: {}, timeline: [] })),
      export: track('logs.export', async () => ''),
      clear: track('logs.clear', async () => undefined),
    },
    settings: {
      get: track('settings.get', async () => settings),
      update: notImplemented('settings.update'),
      createApiKey: notImplemented('settings.createApiKey'),
      revokeApiKey: notImplemented('settings.revokeApiKey'),
      backup: notImplemented('settings.backup'),
      restore: notImplemented('settings.restore'),
    },
    on<E extends BridgeEventName>(event: E, listener: EventListener<E>) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnection(listener) {
      connection.add(listener);
      return () => connection.delete(listener);
    },
    emit(event, payload) {
      listeners.get(event)?.forEach((listener) => listener(payload));
    },
    setConnection(state) {
      connection.forEach((listener) => listener(state));
    },
  };
}
