/**
 * The composition root shared by every host: the relay's state (core/relay-state.ts) → proxy app →
 * listener, plus the services (BridgeApi) and their events. Hosts differ only in the options they
 * pass (document store, secret box, login window, extra routes).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type { BridgeApi } from '../shared/contract';
import { wireChangeEvents } from './core/change-events';
import { createKeyring, type Keyring } from './core/keyring';
import { createRelayListener, type RelayListener } from './core/listener';
import { createRelayState, type RelayState } from './core/relay-state';
import { resumeChatCleanup } from './core/resume-cleanup';
import type { RelayCore, RelayCoreOptions } from './core/types';
import { createProxyApp, DIALECT_MODULES, errorBodyForPath, sendError, type ProxyApp } from './proxy';
import { createToolEmulation } from './relay/tools';
import { orderProviders } from './accounts/routing-policy';
import { createEventBus, createServices, toSettingsView, type EventBus } from './services';

export type { SecretBox } from './store/secret-box';
export type { AdminTokenStore, RelayControl, RelayCore, RelayCoreEvents, RelayCoreOptions } from './core/types';

const DIALECTS = DIALECT_MODULES;

function buildProxy(state: RelayState, keyring: Keyring, version: string | undefined): ProxyApp {
  const { store, settings } = state;
  return createProxyApp({
    getSettings: () => keyring.withKeys(settings()),
    pool: state.pool,
    models: state.models,
    mappings: () => store.listMappings(),
    requestLog: state.requestLog,
    providers: state.providers,
    tools: createToolEmulation({ logger: state.logger }),
    speechProviders: state.modules.filter((module) => module.capabilities.speech).map((module) => module.id),
    providerOrder: ({ policy, webSearch, only }) => orderProviders(policy ?? settings().routing.policy, state.modules, { webSearch, only }),
    logger: state.logger,
    now: state.now,
    dialects: DIALECTS,
    ...(version ? { version } : {}),
    recordApiKeyUse(lastUsed) {
      const keys = settings().apiKeys;
      if (!keys.some((key) => lastUsed.has(key.id))) return;
      store.setApiKeys(keys.map((key) => (keyring.isStored(key.id) && lastUsed.has(key.id) ? { ...key, lastUsedAt: lastUsed.get(key.id) ?? key.lastUsedAt } : key)));
    },
  });
}

function buildServices(
  state: RelayState,
  options: RelayCoreOptions,
  deps: { events: EventBus; listener: RelayListener; keyring: Keyring; clearAddressOverride: () => void },
): BridgeApi {
  const { settings, now, logger, events } = { ...state, events: deps.events };
  return createServices({
    app: { version: options.version ?? '0.0.0', host: options.host, dataDir: options.dataDir, canLoginWithWindow: options.host === 'desktop' && options.login !== undefined },
    relay: { relay: deps.listener, fetch: globalThis.fetch, now, defaultModel: () => settings().models.defaultModel, localKey: () => deps.keyring.localKey(settings()) },
    accounts: {
      repository: state.repository,
      providers: state.providers,
      modules: state.modules,
      busyCount: (id) => state.pool.busyCount(id),
      baseUrlFor: state.baseUrlFor,
      defaultRegion: () => settings().upstream.region,
      events,
      logger,
      now,
      ...(options.login ? { login: options.login } : {}),
    },
    models: { resolver: state.models, store: state.store, now },
    logs: { requestLog: state.requestLog },
    settings: { store: state.store, relay: deps.listener, events, logger, now, onServerAddressChanged: deps.clearAddressOverride },
  });
}

export async function createRelayCore(options: RelayCoreOptions): Promise<RelayCore> {
  const state = await createRelayState(options);
  const { settings, store, repository, pool } = state;
  const env = options.env ?? {};
  const keyring = createKeyring(env.extraApiKeys ?? [], state.now);
  const proxyApp = buildProxy(state, keyring, options.version);

  // Flags apply to this run until the user picks an address in the settings.
  let addressOverride = env.serverHost !== undefined || env.serverPort !== undefined ? { host: env.serverHost, port: env.serverPort } : null;
  const events = createEventBus(state.logger);
  const root = express();
  root.disable('x-powered-by');
  const listener = createRelayListener({
    handler: Object.assign(root, {
      flushPending: () => proxyApp.flushPending(),
      // While paused (web host, relay stopped) the router below answers 503.
      fastLane: (req: IncomingMessage, res: ServerResponse) => !listener.isPaused() && proxyApp.fastLane(req, res),
    }),
    address: () => ({ host: addressOverride?.host ?? settings().server.host, port: addressOverride?.port ?? settings().server.port }),
    apiKeysConfigured: () => keyring.hasKeys(settings()),
    host: options.host,
    pool,
    events,
    logger: state.logger,
    now: state.now,
  });
  const services = buildServices(state, options, { events, listener, keyring, clearAddressOverride: () => (addressOverride = null) });
  const changes = wireChangeEvents({
    events,
    onStoreChange: (listen) => store.onChange(listen),
    requestLog: state.requestLog,
    accounts: () => repository.list().map((record) => repository.toSummary(record, pool.busyCount(record.id))),
    settings: () => toSettingsView(settings()),
    relayStatus: () => listener.status(),
  });

  let closing: Promise<void> | null = null;
  const core: RelayCore = {
    services,
    events,
    relay: listener,
    admin: { tokenHash: () => store.getAdminTokenHash(), setTokenHash: (hash) => store.setAdminTokenHash(hash) },
    async identifyToken(token) {
      // The provider whose accounts the login window adds.
      const module = state.modules.find((candidate) => candidate.loginCredential !== undefined);
      if (!module?.loginCredential || !state.providers.has(module.id)) return null;
      const region = settings().upstream.region;
      const credential = module.loginCredential(token);
      const account = { id: 'login', label: 'login', region, baseUrl: state.baseUrlFor(region, module.id), credential };
      const identity = await state.providers.get(module.id).validate(account);
      return identity.realUserId ? { realUserId: identity.realUserId, userName: identity.userName } : null;
    },
    close() {
      closing ??= (async () => {
        await listener.close();
        changes.dispose();
        pool.dispose();
        for (const provider of state.providers.list()) provider.close?.();
        // Flushes buffered log lines and the stats file.
        await state.requestLog.close();
        store.close();
      })();
      return closing;
    },
  };

  options.mountExtra?.(root, core);
  // Web host, relay stopped: the listener stays for the UI, the proxy routes refuse politely.
  root.use((req, res, next) => {
    if (!listener.isPaused()) return next();
    sendError(res, { code: 'relay_stopped', message: 'The relay is stopped. Start it from the web UI or with POST /api/relay/start.' }, errorBodyForPath(req.path, DIALECTS));
  });
  root.use(proxyApp);

  if (settings().upstream.cleanupChats) resumeChatCleanup(state);
  // The web host always listens (its UI lives there); autoStart decides whether the proxy serves.
  if (options.host === 'web' || settings().server.autoStart) await listener.start();
  if (options.host === 'web' && !settings().server.autoStart) await listener.stop();
  return core;
}
