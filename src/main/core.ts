/**
 * The composition root shared by every host: store → repository → pool → models → request log →
 * providers → proxy app → listener, plus the services (BridgeApi) and their events. Hosts differ
 * only in the options they pass (document store, secret box, login window, extra routes).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { BridgeApi } from '../shared/contract';
import type { Region } from '../shared/domain/account';
import { createAccountPool, createAccountRepository } from './accounts';
import { wireChangeEvents } from './core/change-events';
import { createKeyring } from './core/keyring';
import { createRelayListener } from './core/listener';
import type { RelayCore, RelayCoreOptions } from './core/types';
import { createRequestLog } from './logs/request-log';
import { silentLogger } from './logs/types';
import { createModelResolver } from './models';
import { createMinimaxAgentProvider } from './providers/minimax-agent';
import { createProxyApp } from './proxy/app';
import { anthropicDialect } from './proxy/dialects/anthropic';
import { geminiDialect } from './proxy/dialects/gemini';
import { openaiDialect } from './proxy/dialects/openai';
import { sendError, errorBodyForPath } from './proxy/errors';
import { createToolEmulation } from './proxy/tools';
import { createEventBus, createServices, toSettingsView } from './services';
import { createFileDocumentStore, createFileSecretBox, createRelayStore } from './store';

export type { SecretBox } from './store/secret-box';
export type { AdminTokenStore, RelayControl, RelayCore, RelayCoreEvents, RelayCoreOptions } from './core/types';

const DIALECTS = [openaiDialect, anthropicDialect, geminiDialect] as const;

export async function createRelayCore(options: RelayCoreOptions): Promise<RelayCore> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const env = options.env ?? {};
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });

  const secretBox = options.secretBox ?? createFileSecretBox(options.dataDir, { logger });
  const documentStore = options.documentStore ?? createFileDocumentStore({ dir: options.dataDir, fileName: 'relay.json' });
  const store = createRelayStore(documentStore, { secretBox, now, logger });
  const settings = () => store.getSettings();
  // The environment's URL (simulator, demo) wins over both regions' settings for this run.
  const baseUrlFor = (region: Region): string => env.agentBaseUrl ?? (region === 'cn' ? settings().upstream.cnBaseUrl : settings().upstream.intlBaseUrl);

  const repository = createAccountRepository({ store, secretBox, now });
  const pool = createAccountPool({ repository, settings: () => settings().pool, baseUrlFor, now, logger });
  const models = createModelResolver({ getMappings: () => store.listMappings(), getSettings: settings });
  const requestLog = await createRequestLog({
    dir: join(options.dataDir, 'logs'),
    retentionDays: () => settings().logs.retentionDays,
    maxFileMb: () => settings().logs.maxFileMb,
    now,
    logger,
  });
  const agent = createMinimaxAgentProvider({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now,
    logger,
    settings: () => ({ signatureVariant: settings().upstream.signatureVariant }),
    chatLedger: store.chatLedger,
  });
  const providers = new Map([[agent.kind, agent]]);
  const keyring = createKeyring(env.extraApiKeys ?? [], now);

  const proxyApp = createProxyApp({
    getSettings: () => keyring.withKeys(settings()),
    pool,
    models,
    mappings: () => store.listMappings(),
    requestLog,
    providers,
    tools: createToolEmulation({ logger }),
    logger,
    now,
    dialects: DIALECTS,
    ...(options.version ? { version: options.version } : {}),
    recordApiKeyUse(lastUsed) {
      const keys = settings().apiKeys;
      if (!keys.some((key) => lastUsed.has(key.id))) return;
      store.setApiKeys(keys.map((key) => (keyring.isStored(key.id) && lastUsed.has(key.id) ? { ...key, lastUsedAt: lastUsed.get(key.id) ?? key.lastUsedAt } : key)));
    },
  });

  let addressOverride = env.serverHost !== undefined || env.serverPort !== undefined ? { host: env.serverHost, port: env.serverPort } : null;
  const address = () => ({ host: addressOverride?.host ?? settings().server.host, port: addressOverride?.port ?? settings().server.port });
  const events = createEventBus(logger);
  const root = express();
  root.disable('x-powered-by');
  const listener = createRelayListener({
    handler: Object.assign(root, { flushPending: () => proxyApp.flushPending() }),
    address,
    apiKeysConfigured: () => keyring.hasKeys(settings()),
    host: options.host,
    pool,
    events,
    logger,
    now,
  });

  const services: BridgeApi = createServices({
    app: { version: options.version ?? '0.0.0', host: options.host, dataDir: options.dataDir, canLoginWithWindow: options.host === 'desktop' && options.login !== undefined },
    relay: { relay: listener, fetch: globalThis.fetch, now, defaultModel: () => settings().models.defaultModel, localKey: () => keyring.localKey(settings()) },
    accounts: {
      repository,
      providers,
      busyCount: (id) => pool.busyCount(id),
      baseUrlFor,
      defaultRegion: () => settings().upstream.region,
      events,
      logger,
      now,
      ...(options.login ? { login: options.login } : {}),
    },
    models: { resolver: models, store, now },
    logs: { requestLog },
    settings: { store, relay: listener, events, logger, now, onServerAddressChanged: () => (addressOverride = null) },
  });

  const changes = wireChangeEvents({
    events,
    onStoreChange: (listener) => store.onChange(listener),
    requestLog,
    accounts: () => repository.list().map((record) => repository.toSummary(record, pool.busyCount(record.id))),
    settings: () => toSettingsView(settings()),
  });

  const core: RelayCore = {
    services,
    events,
    relay: listener,
    admin: { tokenHash: () => store.getAdminTokenHash(), setTokenHash: (hash) => store.setAdminTokenHash(hash) },
    async close() {
      await listener.close();
      changes.dispose();
      pool.dispose();
      // close() flushes buffered lines and the stats file.
      await requestLog.close();
      store.close();
    },
  };

  options.mountExtra?.(root, core);
  // Web host, relay stopped: the listener stays for the UI, the proxy routes refuse politely.
  root.use((req, res, next) => {
    if (!listener.isPaused()) return next();
    sendError(res, { code: 'no_account', message: 'The relay is stopped. Start it from the web UI or with POST /api/relay/start.' }, errorBodyForPath(req.path, DIALECTS));
  });
  root.use(proxyApp);

  // The web host always listens (its UI lives there); autoStart decides whether the proxy serves.
  if (options.host === 'web' || settings().server.autoStart) await listener.start();
  if (options.host === 'web' && !settings().server.autoStart) await listener.stop();
  return core;
}
