/**
 * `accounts.login` on the desktop host: a window on the upstream's login page, in its own
 * in-memory session (a fresh partition per attempt, never `persist:`), polled with the capture
 * script until the user has logged in; the credential is then validated and saved through the
 * services' import (which updates an existing account of the same user in place), the window
 * closes and the session's storage is cleared. The flow itself is pure (src/main/oauth).
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session } from 'electron';
import type { AccountSummary, Region } from '../../shared/domain/account';
import type { BridgeApi } from '../../shared/contract';
import { RelayError } from '../../shared/errors';
import type { Logger } from '../logs/types';
import {
  CAPTURE_SCRIPT,
  extractCredentials,
  resolveRealUserId,
  runLoginFlow,
  sleepWithSignal,
  toCredentialString,
  toLoginProgress,
  toLoginUrl,
  toStorageSnapshot,
  type CapturedCredential,
  type LookupIdentity,
} from '../oauth';
import { toEventChannel } from './ipc-channels';
import { lockDownWebContents } from './main-window';
import { isExternalLink } from './url-policy';
import type { WindowRegistry } from './windows';

export interface DesktopLoginDeps {
  services: BridgeApi;
  windows: WindowRegistry;
  /** `MINIMAX_RELAY_AGENT_URL`: the upstream (and so the login page) for both regions. */
  agentBaseUrl: string | null;
  logger: Logger;
  timeoutMs?: number;
  pollMs?: number;
  /** Asks the upstream who a token belongs to, when neither the page nor the JWT says. */
  lookupIdentity?: LookupIdentity;
}

type LoginInput = { region?: Region; id?: string };

export interface DesktopLogin {
  login(input: LoginInput): Promise<AccountSummary>;
}

function openLoginWindow(partition: string, parent: BrowserWindow | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 520,
    height: 760,
    title: 'Log in to MiniMax',
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: { partition, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
  });
  session.fromPartition(partition).setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Remote content: no popups, no webviews; it may navigate (sign-in redirects) but only over http(s).
  lockDownWebContents(window.webContents, null);
  window.webContents.on('will-navigate', (event, url) => {
    if (!isExternalLink(url)) event.preventDefault();
  });
  return window;
}

export function createDesktopLogin(deps: DesktopLoginDeps): DesktopLogin {
  let active: { window: BrowserWindow; done: Promise<AccountSummary> } | null = null;

  async function save(captured: CapturedCredential, region: Region, input: LoginInput): Promise<AccountSummary> {
    const credential = deps.lookupIdentity ? await resolveRealUserId(captured, deps.lookupIdentity) : captured;
    const result = await deps.services.accounts.import({ text: toCredentialString(credential), region });
    const line = result.results[0];
    if (!line?.ok || !line.account) {
      throw new RelayError(line?.error?.code ?? 'invalid_credential', line?.error?.message ?? 'MiniMax did not accept the login.');
    }
    if (input.id && line.account.id !== input.id) {
      deps.logger.info({ requested: input.id, saved: line.account.id }, 'log in again: a different MiniMax user logged in; saved as its own account');
    }
    return line.account;
  }

  async function run(input: LoginInput, window: BrowserWindow): Promise<AccountSummary> {
    const settings = await deps.services.settings.get();
    const region = input.region ?? settings.upstream.region;
    const taskId = randomUUID();
    const controller = new AbortController();
    window.on('closed', () => controller.abort());
    window.loadURL(toLoginUrl(settings.upstream, region, deps.agentBaseUrl)).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'the login page did not load');
    });
    return runLoginFlow({
      capture: async () => {
        if (window.isDestroyed()) throw new Error('login window closed');
        return extractCredentials(toStorageSnapshot(await window.webContents.executeJavaScript(CAPTURE_SCRIPT, false)));
      },
      complete: (credential) => save(credential, region, input),
      now: Date.now,
      sleep: sleepWithSignal,
      signal: controller.signal,
      pollMs: deps.pollMs ?? 500,
      options: deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {},
      onState: (state) => deps.windows.broadcast(toEventChannel('progress'), toLoginProgress(taskId, state)),
    });
  }

  async function attempt(input: LoginInput, window: BrowserWindow, partition: string): Promise<AccountSummary> {
    try {
      return await run(input, window);
    } finally {
      if (!window.isDestroyed()) window.destroy();
      const loginSession = session.fromPartition(partition);
      await Promise.all([loginSession.clearStorageData(), loginSession.clearCache()]).catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'clearing the login session failed');
      });
      active = null;
    }
  }

  return {
    login(input) {
      if (active && !active.window.isDestroyed()) {
        active.window.focus();
        return active.done;
      }
      // No `persist:` prefix: the session lives in memory only and dies with this attempt.
      const partition = `login-${randomUUID()}`;
      const window = openLoginWindow(partition, deps.windows.main());
      const done = attempt(input, window, partition);
      active = { window, done };
      return done;
    },
  };
}
