/**
 * `accounts.login` for a host that can show the upstream's login page: open a surface (the
 * desktop's BrowserWindow), load the login URL, poll the capture script until the user has logged
 * in, then read the agent site's cookies (HttpOnly included) and validate and save the credential
 * through the services' import (which updates an existing account of the same user in place).
 * Only pages on the configured agent origins are captured (login-origin-policy.ts). The surface is
 * always disposed, whatever the outcome; after a successful save it first hands its browser
 * session to the account (`keep`). Electron-free: the desktop supplies the surface, tests supply a
 * browser page or a fake.
 */
import { randomUUID } from 'node:crypto';
import type { BridgeApi, ProgressEvent } from '../../shared/contract';
import type { AccountSummary, Region } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import type { Logger } from '../logs/types';
import { toStorageSnapshot } from './capture-script';
import { formatCookieHeader, type CookiePair } from './cookie-header';
import { extractCredentials, type CapturedCredential } from './extract-credentials';
import { runLoginFlow, sleepWithSignal } from './login-flow';
import { loginNotice } from './login-notice';
import { toLoginProgress } from './login-progress';
import { createLoginOriginPolicy, type LoginOriginPolicy } from './login-origin-policy';
import { toLoginUrl } from './login-url';
import { resolveRealUserId, type LookupIdentity } from './resolve-user-id';

/** One login attempt's window onto the upstream site. */
export interface LoginSurface {
  /** Loads the login page; navigation and popups follow `policy` from now on. */
  load(url: string, policy: LoginOriginPolicy): Promise<void>;
  /** Runs CAPTURE_SCRIPT in the page and returns its raw result. */
  capture(): Promise<unknown>;
  /** Every cookie the browser session would send to `origin`, HttpOnly ones included. */
  cookies(origin: string): Promise<CookiePair[]>;
  /** After a successful save: hand the browser session over to the account (desktop partitions). */
  keep?(accountId: string): Promise<void>;
  onClosed(listener: () => void): void;
  isClosed(): boolean;
  focus(): void;
  /** Closes the surface (if open) and clears its session storage. */
  dispose(): Promise<void>;
  /** Shows the login's progress in the surface itself (the desktop: the window's title), in the app's language. */
  notify?(text: string): void;
}

export type LoginInput = { region?: Region; id?: string };

export interface LoginControllerDeps {
  /** `accountId`: a "log in again" of that account (the desktop reopens its own session). */
  openSurface(request: { accountId?: string }): LoginSurface;
  services: { accounts: Pick<BridgeApi['accounts'], 'import'>; settings: Pick<BridgeApi['settings'], 'get'> };
  /** `MINIMAX_RELAY_AGENT_URL`: the upstream (and so the login page) for both regions. */
  agentBaseUrl: string | null;
  onProgress(event: ProgressEvent): void;
  logger: Logger;
  timeoutMs?: number;
  pollMs?: number;
  now?: () => number;
  /** Asks the upstream who a token belongs to, when neither the page nor the JWT says (sources in order). */
  lookupIdentity?: LookupIdentity | readonly LookupIdentity[];
}

export interface LoginController {
  login(input: LoginInput): Promise<AccountSummary>;
}

export function createLoginController(deps: LoginControllerDeps): LoginController {
  let active: { surface: LoginSurface; done: Promise<AccountSummary> } | null = null;

  async function save(captured: CapturedCredential, region: Region, input: LoginInput, surface: LoginSurface, origin: string): Promise<AccountSummary> {
    const credential = deps.lookupIdentity && !captured.realUserId ? await resolveRealUserId(captured, deps.lookupIdentity) : captured;
    const cookies = formatCookieHeader(await surface.cookies(origin).catch(() => []));
    const result = await deps.services.accounts.import({ text: toImportLine(credential, cookies), region });
    const line = result.results[0];
    if (!line?.ok || !line.account) {
      throw new RelayError(line?.error?.code ?? 'invalid_credential', line?.error?.message ?? 'MiniMax did not accept the login.');
    }
    if (input.id && line.account.id !== input.id) {
      deps.logger.info({ requested: input.id, saved: line.account.id }, 'log in again: a different MiniMax user logged in; saved as its own account');
    }
    await surface.keep?.(line.account.id).catch((error: unknown) => deps.logger.warn({ err: error }, 'keeping the login session for the account failed'));
    return line.account;
  }

  async function run(input: LoginInput, surface: LoginSurface): Promise<AccountSummary> {
    const settings = await deps.services.settings.get();
    const region = input.region ?? settings.upstream.region;
    const taskId = randomUUID();
    const controller = new AbortController();
    const policy = createLoginOriginPolicy({ baseUrls: [settings.upstream.cnBaseUrl, settings.upstream.intlBaseUrl], override: deps.agentBaseUrl });
    const loginUrl = toLoginUrl(settings.upstream, region, deps.agentBaseUrl);
    if (!policy.canCapture(loginUrl)) {
      throw new RelayError('invalid_request', `The login page ${new URL(loginUrl).origin} is not an https agent site; fix the region base URL in Settings.`);
    }
    let origin = new URL(loginUrl).origin;
    surface.onClosed(() => controller.abort());
    surface.load(loginUrl, policy).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'the login page did not load');
    });
    return runLoginFlow({
      capture: async () => {
        if (surface.isClosed()) throw new Error('login surface closed');
        const snapshot = toStorageSnapshot(await surface.capture());
        // A page elsewhere (a sign-in host, or a site that could plant its own token) is never read.
        if (!policy.canCapture(snapshot.url)) return { status: 'pending', reason: 'no_token' };
        origin = new URL(snapshot.url).origin;
        return extractCredentials(snapshot);
      },
      complete: (credential) => save(credential, region, input, surface, origin),
      now: deps.now ?? Date.now,
      sleep: sleepWithSignal,
      signal: controller.signal,
      pollMs: deps.pollMs ?? 500,
      options: deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {},
      onState: (state) => {
        if (!surface.isClosed()) surface.notify?.(loginNotice(state, settings.ui.language));
        deps.onProgress(toLoginProgress(taskId, state));
      },
    });
  }

  async function attempt(input: LoginInput, surface: LoginSurface): Promise<AccountSummary> {
    try {
      return await run(input, surface);
    } finally {
      active = null;
      await surface.dispose().catch((error: unknown) => deps.logger.warn({ err: error }, 'closing the login surface failed'));
    }
  }

  return {
    login(input) {
      // One login at a time: a second click brings the open window forward and shares its outcome.
      if (active && !active.surface.isClosed()) {
        active.surface.focus();
        return active.done;
      }
      const surface = deps.openSurface(input.id ? { accountId: input.id } : {});
      const done = attempt(input, surface);
      active = { surface, done };
      return done;
    },
  };
}

/**
 * The import line for a captured login: JSON, so the cookies travel along. A realUserID read from
 * the page profile or the upstream is stated; one only taken from the JWT is left out, so the
 * import adopts the id the upstream reports (new accounts' JWT ids can differ, protocol §2.3).
 */
export function toImportLine(credential: Pick<CapturedCredential, 'token' | 'realUserId' | 'realUserIdSource'>, cookies: string): string {
  const stated = credential.realUserId && credential.realUserIdSource !== 'jwt' ? { realUserID: credential.realUserId } : {};
  return JSON.stringify({ ...stated, token: credential.token, ...(cookies ? { cookies } : {}) });
}
