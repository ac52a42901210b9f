/**
 * The desktop composition root. It reads as a table of contents: one instance, paths, the relay
 * core with the desktop store and secret box, then IPC, the main window, the tray and the login
 * window. Everything with logic lives in Electron-free modules; this file only wires.
 */
import { join } from 'node:path';
import { app, dialog, safeStorage } from 'electron';
import iconPath from '../../resources/icon.png?asset';
import trayIconPath from '../../resources/tray.png?asset';
import { RelayError, toErrorInfo } from '../shared/errors';
import { createRelayCore, type RelayCore } from './core';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { createElectronDocumentStore } from './electron/document-store';
import { setupIpc } from './electron/ipc';
import { createAccountSessions, type AccountSessions } from './electron/account-sessions';
import { createChromiumTransport } from './electron/chromium-transport';
import { createDesktopLogin, type DesktopLogin } from './electron/login-window';
import { hardenAppSession, lockDownWebContents, setupMainWindow } from './electron/main-window';
import { readDesktopOverrides, resolveDesktopPaths } from './electron/paths';
import { APP_ENTRY_URL } from './electron/renderer-files';
import { createDesktopSecretBox } from './electron/secret-box';
import { setupNotifications } from './electron/notifications';
import { setupTray } from './electron/tray';
import { createWindowRegistry } from './electron/windows';
import { createLogger } from './logs/logger';
import type { Logger } from './logs/types';
import { removedAccountIds } from './oauth';

/** The same store file name as the headless host, so a data dir works with both. */
const STORE_FILE_NAME = 'relay.json';

const paths = resolveDesktopPaths(process.env, { userData: app.getPath('userData'), mainDir: import.meta.dirname });
// Before the lock and before ready: a test's data dir also holds Chromium's profile and the lock.
if (paths.overridden) app.setPath('userData', paths.dataDir);
const { agentBaseUrl, serverPort, logLevel } = readDesktopOverrides(process.env);
const logger = createLogger({ level: logLevel, base: { host: 'desktop' } });
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, null));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error, logger));
}

/** `login` is late-bound: the login window saves through the services of the core it belongs to. */
async function buildCore(login: DesktopLogin['login'], sessions: AccountSessions): Promise<RelayCore> {
  return createRelayCore({
    dataDir: paths.dataDir,
    documentStore: createElectronDocumentStore({ dir: paths.dataDir, fileName: STORE_FILE_NAME }),
    secretBox: createDesktopSecretBox({ safeStorage, platform: process.platform, dataDir: paths.dataDir, logger }),
    host: 'desktop',
    logger,
    version: app.getVersion(),
    env: { agentBaseUrl: agentBaseUrl ?? undefined, serverPort: serverPort ?? undefined },
    login,
    // Upstream calls go through Chromium with each account's own browser session.
    transport: createChromiumTransport(sessions),
  });
}

/**
 * Each account's browser session lives as long as the account: renewed cookies are saved to it,
 * and removing it (now, or while the app was closed) deletes its session data.
 */
function wireAccountSessions(core: RelayCore, sessions: AccountSessions): void {
  let known: string[] = [];
  void core.services.accounts.list().then((accounts) => {
    known = accounts.map((account) => account.id);
    return sessions.sweep(known, join(app.getPath('userData'), 'Partitions'));
  }).catch((error: unknown) => logger.warn({ err: error }, 'clearing the sessions of removed accounts failed'));
  core.events.on('accounts:changed', (accounts) => {
    const current = accounts.map((account) => account.id);
    for (const id of removedAccountIds(known, current)) {
      sessions.clear(id).catch((error: unknown) => logger.warn({ err: error, accountId: id }, 'clearing the session of a removed account failed'));
    }
    known = current;
  });
}

async function start(): Promise<void> {
  let login: DesktopLogin | null = null;
  const notReady = () => Promise.reject(new RelayError('internal', 'The login window is not ready yet.'));
  let saveCookies: ((id: string, cookies: string) => Promise<void>) | null = null;
  const sessions = createAccountSessions({ saveCookies: (id, cookies) => (saveCookies ? saveCookies(id, cookies) : notReady()), logger });
  const core = await buildCore((input) => (login ? login.login(input) : notReady()), sessions);
  saveCookies = async (id, cookies) => void (await core.services.accounts.setCookies({ id, cookies }));
  wireAccountSessions(core, sessions);
  if (!paths.devServerUrl) serveRenderer(paths.rendererDir);
  const windows = createWindowRegistry({ entryUrl: paths.devServerUrl ?? APP_ENTRY_URL });
  hardenAppSession(paths.devServerUrl, windows.app);

  login = createDesktopLogin({ services: core.services, windows, sessions, agentBaseUrl, logger, lookupIdentity: (token) => core.identifyToken(token) });
  setupIpc({ services: core.services, events: core.events, windows, logger });

  const settings = () => core.services.settings.get();
  const mainWindow = setupMainWindow({
    windows,
    preloadPath: paths.preloadPath,
    iconPath,
    closeToTray: async () => (await settings()).desktop.closeToTray,
    isQuitting: () => quitting,
    devServerUrl: paths.devServerUrl,
  });
  const disposeTray = setupTray({ relay: core.relay, events: core.events, iconPath: trayIconPath, showWindow: () => mainWindow.show(), quit: () => app.quit(), logger });
  const disposeNotifications = setupNotifications({
    relay: core.relay,
    events: core.events,
    initialLanguage: settings().then((view) => view.ui.language),
    showWindow: () => mainWindow.show(),
    logger,
  });

  // The core itself starts the listener when `server.autoStart` is on.
  app.on('second-instance', () => mainWindow.show());
  app.on('activate', () => mainWindow.show());
  app.on('window-all-closed', () => app.quit());
  setupQuit(core, () => {
    disposeNotifications();
    disposeTray();
    sessions.dispose();
  });
}

/** Quitting closes the core first (flushes logs, stats and the store), then lets the app exit. */
function setupQuit(core: RelayCore, disposeTray: () => void): void {
  let closing = false;
  let closed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    disposeTray();
    void core
      .close()
      .catch((error: unknown) => logger.error({ err: error }, 'closing the relay failed'))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

/** A start-up failure (a store from a newer version, a corrupt store…) is shown, then the app exits. */
function fail(error: unknown, log: Logger): void {
  const info = toErrorInfo(error);
  log.error({ err: error, code: info.code }, 'the app could not start');
  dialog.showErrorBox('MiniMax Relay could not start', `${info.message}\n\n(${info.code})`);
  app.exit(1);
}
