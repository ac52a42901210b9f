/**
 * The relay exactly as the headless host builds it (`createRelayCore`: file store, AES key file,
 * request log files, all three dialects, the management API) in a fresh data directory, with the
 * upstream simulator behind it and every log line captured. The fault, fuzz and security suites
 * share it so they exercise the same composition a user runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type SimAccount, type SimOptions, type Simulator } from '../../tools/minimax-sim';
import { createRelayCore, type RelayCore } from '../../src/main/core';
import { createLogger } from '../../src/main/logs/logger';
import { hashAdminToken, mountManagement } from '../../src/main/management';
import type { AccountSummary } from '../../src/shared/domain/account';
import type { SettingsPatch } from '../../src/shared/domain/settings';

export interface CoreStackOptions {
  /** Simulator accounts imported into the relay, in order (default 1); each has one credit less than the one before, so the pool tries them in order. */
  accounts?: number;
  sim?: SimOptions;
  /** Applied through the settings service after start (as the UI would). */
  settings?: SettingsPatch;
  /** Client API keys from the environment (MINIMAX_RELAY_API_KEYS). */
  apiKeys?: string[];
  adminToken?: string;
  /** Timing of the management API's wrong-token backoff (the fuzz suite shortens it, the security suite holds it). */
  adminBackoff?: { baseDelayMs?: number; maxDelayMs?: number; maxWaiting?: number; sleep?: (ms: number) => Promise<void> };
}

export interface CoreStack {
  sim: Simulator;
  core: RelayCore;
  /** `http://127.0.0.1:<port>` of the relay. */
  baseUrl: string;
  port: number;
  dataDir: string;
  adminToken: string;
  /** Every line the relay logged (JSON text, as it would reach stderr). */
  logLines: string[];
  simAccounts: SimAccount[];
  /** Relay account ids, in the order of simAccounts. */
  accountIds: string[];
  accounts(): Promise<AccountSummary[]>;
  /** Closes the relay only (flushes logs and the store); the data dir stays for inspection. */
  stopRelay(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_ADMIN_TOKEN = 'adm-reliability-suite-token-0123456789';

export async function startCoreStack(options: CoreStackOptions = {}): Promise<CoreStack> {
  const sim = await startSimulator({ tickMs: 20, charsPerTick: 60, ...options.sim });
  const dataDir = await mkdtemp(join(tmpdir(), 'relay-reliability-'));
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } });
  const adminToken = options.adminToken ?? DEFAULT_ADMIN_TOKEN;
  const core = await createRelayCore({
    dataDir,
    host: 'web',
    logger,
    version: 'reliability',
    env: { agentBaseUrl: sim.url, serverPort: 0, ...(options.apiKeys ? { extraApiKeys: options.apiKeys } : {}) },
    mountExtra(app, relay) {
      mountManagement(app, { services: relay.services, events: relay.events, adminTokenHash: () => relay.admin.tokenHash(), logger, rendererDir: null, ...(options.adminBackoff ? { attemptBackoff: options.adminBackoff } : {}) });
    },
  });
  core.admin.setTokenHash(hashAdminToken(adminToken));
  if (options.settings) await core.services.settings.update(options.settings);
  const simAccounts = Array.from({ length: options.accounts ?? 1 }, (_, i) => sim.admin.createAccount({ name: `acct${i}`, credits: 200 - i }));
  const accountIds: string[] = [];
  for (const account of simAccounts) {
    const result = await core.services.accounts.import({ text: account.credential });
    const id = result.results[0]?.account?.id;
    if (!id) throw new Error(`import failed: ${JSON.stringify(result.results[0]?.error)}`);
    accountIds.push(id);
  }
  const status = core.relay.status();
  if (!status.baseUrl) throw new Error(`relay not listening: ${JSON.stringify(status.error)}`);
  let stopping: Promise<void> | null = null;
  const stopRelay = (): Promise<void> => (stopping ??= core.close());
  return {
    sim,
    core,
    baseUrl: status.baseUrl,
    port: status.port,
    dataDir,
    adminToken,
    logLines,
    simAccounts,
    accountIds,
    accounts: () => core.services.accounts.list(),
    stopRelay,
    async close() {
      await stopRelay();
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
