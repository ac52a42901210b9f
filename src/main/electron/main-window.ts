/**
 * The main window, hardened: context isolation, sandbox, no Node in the renderer, a strict CSP,
 * no new windows (http(s) links go to the system browser), navigation locked to the app, no
 * webviews, every permission denied except clipboard writes from our own page. Closing it keeps
 * the relay running in the tray when `desktop.closeToTray` is on.
 */
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { toContentSecurityPolicy } from './csp';
import { isAppUrl, isExternalLink, isPermissionAllowed, type AppLocation } from './url-policy';
import type { WindowRegistry } from './windows';

export interface MainWindowDeps {
  windows: WindowRegistry;
  preloadPath: string;
  iconPath: string;
  /** Read at close time, so the setting applies without a restart. */
  closeToTray(): Promise<boolean>;
  isQuitting(): boolean;
  /** Dev server origin (electron-vite dev), null in the packaged app. */
  devServerUrl: string | null;
}

/** Applies to every webContents the app creates, the login window's included. */
export function lockDownWebContents(contents: WebContents, app: AppLocation | null): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!app) return;
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url, app)) return;
    event.preventDefault();
    if (isExternalLink(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
}

/** CSP header and a deny-by-default permission policy on the app's (default) session. */
export function hardenAppSession(devServerUrl: string | null, app: AppLocation): void {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  const csp = toContentSecurityPolicy({ dev: devOrigin !== null, devServerOrigin: devOrigin });
  if (devOrigin) {
    session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, app)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, app));
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'MiniMax Relay',
    icon: deps.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  deps.windows.register(window);
  lockDownWebContents(window.webContents, deps.windows.app);
  window.once('ready-to-show', () => window.show());

  let allowClose = false;
  window.on('close', (event) => {
    if (allowClose || deps.isQuitting()) return;
    event.preventDefault();
    void deps.closeToTray().then((toTray) => {
      if (window.isDestroyed()) return;
      if (toTray) window.hide();
      else {
        allowClose = true;
        window.close();
      }
    });
  });
  void window.loadURL(deps.windows.app.entryUrl);
  return window;
}

/** Shows the main window, creating it if it was closed. */
export function setupMainWindow(deps: MainWindowDeps): { show(): BrowserWindow } {
  let current: BrowserWindow | null = createMainWindow(deps);
  return {
    show() {
      if (!current || current.isDestroyed()) current = createMainWindow(deps);
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
      return current;
    },
  };
}
