/**
 * `accounts.login` on the desktop host: the login controller (src/main/oauth) over a BrowserWindow.
 * A new login runs in a fresh in-memory session; "log in again" runs in the account's own
 * persisted session (the site may still be signed in there). After a successful save the login
 * session's cookies move into the account's session (account-sessions.ts) and a throw-away
 * session is cleared. The window trusts only the agent site (oauth/login-origin-policy.ts):
 * no plain-http navigation but to the configured override, popups only for the sign-in hosts
 * (in the same session), everything else in the system browser, and no permission at all.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../logs/types';
import { CAPTURE_SCRIPT, createLoginController, partitionForAccount, type LinkDecision, type LoginController, type LoginControllerDeps, type LoginOriginPolicy, type LoginSurface } from '../oauth';
import type { AccountSessions } from './account-sessions';
import { toEventChannel } from './ipc-channels';
import { isExternalLink } from './url-policy';
import type { WindowRegistry } from './windows';

export type DesktopLogin = LoginController;

export interface DesktopLoginDeps extends Pick<LoginControllerDeps, 'services' | 'agentBaseUrl' | 'timeoutMs' | 'pollMs' | 'lookupIdentity'> {
  windows: WindowRegistry;
  sessions: Pick<AccountSessions, 'adopt'>;
  logger: Logger;
}

const WEB_PREFERENCES = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false } as const;

function follow(decision: LinkDecision, url: string, event?: { preventDefault(): void }): void {
  if (decision === 'allow') return;
  event?.preventDefault();
  if (decision === 'external' && isExternalLink(url)) void shell.openExternal(url);
}

/** Navigation, redirects and popups of the login window and of the sign-in popups it opens. */
function applyPolicy(contents: WebContents, partition: string, policy: () => LoginOriginPolicy | null): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => follow(policy()?.navigation(url) ?? 'block', url, event));
  contents.on('will-redirect', (event, url) => follow(policy()?.navigation(url) ?? 'block', url, event));
  contents.setWindowOpenHandler(({ url }) => {
    const decision = policy()?.popup(url) ?? 'block';
    if (decision !== 'allow') {
      follow(decision, url);
      return { action: 'deny' };
    }
    // A sign-in popup (Google OAuth) shares the login session, so its result reaches the site.
    return { action: 'allow', overrideBrowserWindowOptions: { width: 500, height: 680, autoHideMenuBar: true, webPreferences: { ...WEB_PREFERENCES, partition } } };
  });
  contents.on('did-create-window', (child) => applyPolicy(child.webContents, partition, policy));
}

function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

function openLoginWindow(parent: BrowserWindow | null, accountId: string | undefined, sessions: DesktopLoginDeps['sessions']): LoginSurface {
  // A new login: in memory only (no `persist:`), dies with this attempt unless the login succeeds.
  const partition = accountId ? partitionForAccount(accountId) : `login-${randomUUID()}`;
  const loginSession = session.fromPartition(partition);
  hardenSession(loginSession);
  let policy: LoginOriginPolicy | null = null;
  let siteOrigin: string | null = null;
  // A throw-away session is wiped at the end; an account's own session only when another user logged in through it.
  let wipe = accountId === undefined;
  const window = new BrowserWindow({
    width: 520,
    height: 760,
    title: 'Log in to MiniMax',
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: { ...WEB_PREFERENCES, partition },
  });
  applyPolicy(window.webContents, partition, () => policy);
  // The title bar carries the login's notice (in the app's language), not the site's page title.
  window.on('page-title-updated', (event) => event.preventDefault());
  return {
    load: (url, next) => {
      policy = next;
      return window.loadURL(url);
    },
    capture: () => window.webContents.executeJavaScript(CAPTURE_SCRIPT, false) as Promise<unknown>,
    cookies: async (origin) => {
      siteOrigin = origin;
      return (await loginSession.cookies.get({ url: `${origin}/` })).map(({ name, value }) => ({ name, value }));
    },
    async keep(savedId) {
      if (siteOrigin === null) return;
      await sessions.adopt(savedId, loginSession, `${siteOrigin}/`);
      wipe = accountId !== savedId;
    },
    onClosed: (listener) => {
      window.on('closed', listener);
    },
    isClosed: () => window.isDestroyed(),
    focus: () => window.focus(),
    notify: (text) => {
      if (!window.isDestroyed()) window.setTitle(text);
    },
    async dispose() {
      if (!window.isDestroyed()) window.destroy();
      if (wipe) await Promise.all([loginSession.clearStorageData(), loginSession.clearCache()]);
    },
  };
}

export function createDesktopLogin(deps: DesktopLoginDeps): DesktopLogin {
  return createLoginController({
    ...deps,
    openSurface: ({ accountId }) => openLoginWindow(deps.windows.main(), accountId, deps.sessions),
    onProgress: (event) => deps.windows.broadcast(toEventChannel('progress'), event),
  });
}
