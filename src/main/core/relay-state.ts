/**
 * The relay's stateful parts, built in dependency order: store → repository → pool → models →
 * request log → providers. Every part reads settings through a getter, so a settings change
 * applies to the next request without rebuilding anything.
 */
import { join } from 'node:path';
import type { ProviderKind, Region } from '../../shared/domain/account';
import type { Settings } from '../../shared/domain/settings';
import { createAccountPool, createAccountRepository, type AccountRepository, type ManagedAccountPool } from '../accounts';
import { createRequestLog, type ManagedRequestLog } from '../logs/request-log';
import { silentLogger, type Logger } from '../logs/types';
import { createModelResolver } from '../models';
import type { ModelResolver } from '../models/types';
import type { ProfileMemory } from '../providers/minimax-agent';
import { PROVIDER_MODULES, findProviderModule } from '../providers/modules';
import type { ProviderModule } from '../providers/module';
import { createRegistryFromModules, type ProviderRegistry } from '../providers/registry';
import { createNodeTransport } from '../providers/transport';
import { prepareDataDir } from '../store/data-dir';
import { createFileDocumentStore, createFileSecretBox, createRelayStore, type RelayStore } from '../store';
import type { RelayCoreOptions } from './types';

export const STORE_FILE_NAME = 'relay.json';

export interface RelayState {
  now: () => number;
  logger: Logger;
  store: RelayStore;
  settings: () => Settings;
  /** Base URL of a region for a provider. */
  baseUrlFor: (region: Region, provider: ProviderKind) => string;
  repository: AccountRepository;
  pool: ManagedAccountPool;
  models: ModelResolver;
  requestLog: ManagedRequestLog;
  providers: ProviderRegistry;
  /** The provider modules this relay runs with (their declarations: capabilities, defaults…). */
  modules: readonly ProviderModule[];
}

export async function createRelayState(options: RelayCoreOptions): Promise<RelayState> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const modules = options.modules ?? PROVIDER_MODULES;
  prepareDataDir(options.dataDir, { logger, now });

  const secretBox = options.secretBox ?? createFileSecretBox(options.dataDir, { logger });
  const documentStore = options.documentStore ?? createFileDocumentStore({ dir: options.dataDir, fileName: STORE_FILE_NAME });
  const store = createRelayStore(documentStore, { secretBox, now, logger, providerKinds: modules.map((module) => module.id) });
  const settings = (): Settings => store.getSettings();
  // The environment's URL (simulator, demo) wins over both regions' settings for this run.
  const hostBaseUrls = new Map(modules.map((module) => [module.id, module.hostBaseUrl?.(options.env ?? {})]));
  const baseUrlFor = (region: Region, provider: ProviderKind): string =>
    hostBaseUrls.get(provider) ?? findProviderModule(provider, modules).baseUrlFor(settings(), region);

  const repository = createAccountRepository({ store, secretBox, now, modules });
  const pool = createAccountPool({ repository, settings: () => settings().pool, baseUrlFor, now, logger });
  const models = createModelResolver({ getMappings: () => store.listMappings(), getSettings: settings });
  const requestLog = await createRequestLog({
    dir: join(options.dataDir, 'logs'),
    retentionDays: () => settings().logs.retentionDays,
    maxFileMb: () => settings().logs.maxFileMb,
    now,
    logger,
  });
  const providers = createRegistryFromModules(modules, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    transport: options.transport ?? createNodeTransport(options.fetch),
    profileMemory: createStoredProfileMemory(repository),
    now,
    logger,
    settings,
    chatLedger: store.chatLedger,
    baseUrlFor: (provider, region) => baseUrlFor(region, provider),
  });
  return { now, logger, store, settings, baseUrlFor, repository, pool, models, requestLog, providers, modules };
}

/** Negotiated request profiles live with the account in the store, so a restart starts from them. */
function createStoredProfileMemory(repository: AccountRepository): ProfileMemory {
  return {
    read: (accountId) => repository.find(accountId)?.requestProfile ?? null,
    write: (accountId, state) => {
      // The account may have been removed while its request ran.
      if (repository.find(accountId)) repository.setRequestProfile(accountId, state);
    },
  };
}
