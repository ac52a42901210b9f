/**
 * The relay as a host builds it — store, repository, pool, resolver, request log, the MiniMax Agent
 * provider, tool emulation and this app — in front of the upstream simulator. Integration tests
 * and benchmarks use it; every piece is real except the secret box (tests need no key file).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../../tools/minimax-sim';
import type { SimAccount, SimOptions, Simulator } from '../../../../tools/minimax-sim';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { createAccountPool, createAccountRepository } from '../../accounts';
import type { AccountRepository, ManagedAccountPool } from '../../accounts';
import { createRequestLog, silentLogger } from '../../logs';
import type { ManagedRequestLog } from '../../logs';
import { createModelResolver } from '../../models';
import { createMinimaxAgentProvider } from '../../providers/minimax-agent';
import { createProviderRegistry } from '../../providers/registry';
import { createMemoryDocumentStore, createRelayStore } from '../../store';
import type { RelayStore, SecretBox } from '../../store';
import { createProxyApp } from '../app';
import { openaiDialect } from '../dialects/openai';
import type { DialectModule } from '../dialects/types';
import { startRelayServer } from '../server';
import type { RelayServer } from '../server';
import { createToolEmulation } from '../../relay/tools';

const plainBox: SecretBox = { seal: (plain) => plain, open: (sealed) => sealed, kind: 'aes-file' };

export interface RealStackOptions {
  accounts?: number;
  sim?: SimOptions;
  settings?: SettingsPatch;
  dialects?: DialectModule[];
  heartbeatMs?: number;
}

export interface RealStack {
  sim: Simulator;
  server: RelayServer;
  /** `${server.url}/v1`, for the OpenAI SDK. */
  baseURL: string;
  store: RelayStore;
  repository: AccountRepository;
  pool: ManagedAccountPool;
  requestLog: ManagedRequestLog;
  simAccounts: SimAccount[];
  /** Relay account id of each simulator account, same order. */
  accountIds: string[];
  settings(): Settings;
  close(): Promise<void>;
}

export async function startRealStack(options: RealStackOptions = {}): Promise<RealStack> {
  const sim = await startSimulator({ tickMs: 20, charsPerTick: 40, ...options.sim });
  const dir = await mkdtemp(join(tmpdir(), 'relay-int-'));
  const store = createRelayStore(createMemoryDocumentStore(), { secretBox: plainBox });
  store.updateSettings({ upstream: { cnBaseUrl: sim.url, intlBaseUrl: sim.url }, ...options.settings });
  const repository = createAccountRepository({ store, secretBox: plainBox });
  const simAccounts: SimAccount[] = [];
  const accountIds: string[] = [];
  for (let i = 0; i < (options.accounts ?? 1); i++) {
    const account = sim.admin.createAccount({ name: `acct${i}` });
    simAccounts.push(account);
    const { record } = repository.upsert({
      region: 'cn',
      credential: { kind: 'minimax-agent', token: account.token, realUserId: account.realUserId },
      identity: { realUserId: account.realUserId, userName: account.name, email: account.email, tokenExpiresAt: null },
    });
    accountIds.push(record.id);
  }
  const settings = (): Settings => store.getSettings();
  const pool = createAccountPool({
    repository,
    settings: () => settings().pool,
    baseUrlFor: (region) => (region === 'cn' ? settings().upstream.cnBaseUrl : settings().upstream.intlBaseUrl),
  });
  const requestLog = await createRequestLog({ dir, writeDelayMs: 10 });
  const provider = createMinimaxAgentProvider({
    settings: () => ({ signatureVariant: settings().upstream.signatureVariant }),
    chatLedger: store.chatLedger,
  });
  const app = createProxyApp({
    getSettings: settings,
    pool,
    models: createModelResolver({ getMappings: () => store.listMappings(), getSettings: settings }),
    mappings: () => store.listMappings(),
    requestLog,
    providers: createProviderRegistry([provider]),
    speechProviders: [],
    tools: createToolEmulation({ logger: silentLogger }),
    logger: silentLogger,
    now: Date.now,
    dialects: options.dialects ?? [openaiDialect],
    version: 'test',
    heartbeatMs: options.heartbeatMs,
  });
  const server = await startRelayServer(app, { host: '127.0.0.1', port: 0, apiKeysConfigured: settings().apiKeys.length > 0 });
  return {
    sim,
    server,
    baseURL: `${server.url}/v1`,
    store,
    repository,
    pool,
    requestLog,
    simAccounts,
    accountIds,
    settings,
    async close() {
      await server.close();
      pool.dispose();
      await requestLog.close();
      store.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}
