/**
 * `accounts.login` on the desktop host: the login controller (src/main/oauth) over a
 * BrowserWindow in its own in-memory session — a fresh partition per attempt, never `persist:` —
 * whose storage is cleared when the attempt ends.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session } from 'electron';
import type { Logger } from '../logs/types';
import { CAPTURE_SCRIPT, createLoginController, type LoginController, type LoginControllerDeps, type LoginSurface } from '../oauth';
import { toEventChannel } from './ipc-channels';
import { lockDownWebContents } from './main-window';
import { isExternalLink } from './url-policy';
import type { WindowRegistry } from './windows';

export type DesktopLogin = LoginController;

export interface DesktopLoginDeps extends Pick<LoginControllerDeps, 'services' | 'agentBaseUrl' | 'timeoutMs' | 'pollMs' | 'lookupIdentity'> {
  windows: WindowRegistry;
  logger: Logger;
}

function openLoginWindow(parent: BrowserWindow | null): LoginSurface {
  // No `persist:` prefix: the session lives in memory only and dies with this attempt.
  const partition = `login-${randomUUID()}`;
  const loginSession = session.fromPartition(partition);
  loginSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const window = new BrowserWindow({
    width: 520,
    height: 760,
    title: 'Log in to MiniMax',
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: { partition, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
  });
  // Remote content: no popups, no webviews, no preload; it may navigate (sign-in redirects), over http(s) only.
  lockDownWebContents(window.webContents, null);
  window.webContents.on('will-navigate', (event, url) => {
    if (!isExternalLink(url)) event.preventDefault();
  });
  return {
    load: (url) => window.loadURL(url),
    capture: () => window.webContents.executeJavaScript(CAPTURE_SCRIPT, false) as Promise<unknown>,
    onClosed: (listener) => {
      window.on('closed', listener);
    },
    isClosed: () => window.isDestroyed(),
    focus: () => window.focus(),
    async dispose() {
      if (!window.isDestroyed()) window.destroy();
      await Promise.all([loginSession.clearStorageData(), loginSession.clearCache()]);
    },
  };
}

export function createDesktopLogin(deps: DesktopLoginDeps): DesktopLogin {
  return createLoginController({
    ...deps,
    openSurface: () => openLoginWindow(deps.windows.main()),
    onProgress: (event) => deps.windows.broadcast(toEventChannel('progress'), event),
  });
}
