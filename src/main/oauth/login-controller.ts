/**
 * `accounts.login` for a host that can show the upstream's login page: open a surface (the
 * desktop's BrowserWindow), load the login URL, poll the capture script until the user has logged
 * in, then validate and save the credential through the services' import (which updates an
 * existing account of the same user in place). The surface is always disposed (window closed,
 * session storage cleared), whatever the outcome. Electron-free: the desktop supplies the surface,
 * tests supply a browser page or a fake.
 */
import { randomUUID } from 'node:crypto';
import type { BridgeApi, ProgressEvent } from '../../shared/contract';
import type { AccountSummary, Region } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import type { Logger } from '../logs/types';
import { toStorageSnapshot } from './capture-script';
import { extractCredentials, toCredentialString, type CapturedCredential } from './extract-credentials';
import { runLoginFlow, sleepWithSignal } from './login-flow';
import { toLoginProgress } from './login-progress';
import { toLoginUrl } from './login-url';
import { resolveRealUserId, type LookupIdentity } from './resolve-user-id';

/** One login attempt's window onto the upstream site. */
export interface LoginSurface {
  load(url: string): Promise<void>;
  /** Runs CAPTURE_SCRIPT in the page and returns its raw result. */
  capture(): Promise<unknown>;
  onClosed(listener: () => void): void;
  isClosed(): boolean;
  focus(): void;
  /** Closes the surface (if open) and clears its session storage. */
  dispose(): Promise<void>;
}

export type LoginInput = { region?: Region; id?: string };

export interface LoginControllerDeps {
  openSurface(): LoginSurface;
  services: { accounts: Pick<BridgeApi['accounts'], 'import'>; settings: Pick<BridgeApi['settings'], 'get'> };
  /** `MINIMAX_RELAY_AGENT_URL`: the upstream (and so the login page) for both regions. */
  agentBaseUrl: string | null;
  onProgress(event: ProgressEvent): void;
  logger: Logger;
  timeoutMs?: number;
  pollMs?: number;
  now?: () => number;
  /** Asks the upstream who a token belongs to, when neither the page nor the JWT says. */
  lookupIdentity?: LookupIdentity;
}

export interface LoginController {
  login(input: LoginInput): Promise<AccountSummary>;
}

export function createLoginController(deps: LoginControllerDeps): LoginController {
  let active: { surface: LoginSurface; done: Promise<AccountSummary> } | null = null;

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

  async function run(input: LoginInput, surface: LoginSurface): Promise<AccountSummary> {
    const settings = await deps.services.settings.get();
    const region = input.region ?? settings.upstream.region;
    const taskId = randomUUID();
    const controller = new AbortController();
    surface.onClosed(() => controller.abort());
    surface.load(toLoginUrl(settings.upstream, region, deps.agentBaseUrl)).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'the login page did not load');
    });
    return runLoginFlow({
      capture: async () => {
        if (surface.isClosed()) throw new Error('login surface closed');
        return extractCredentials(toStorageSnapshot(await surface.capture()));
      },
      complete: (credential) => save(credential, region, input),
      now: deps.now ?? Date.now,
      sleep: sleepWithSignal,
      signal: controller.signal,
      pollMs: deps.pollMs ?? 500,
      options: deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {},
      onState: (state) => deps.onProgress(toLoginProgress(taskId, state)),
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
      const surface = deps.openSurface();
      const done = attempt(input, surface);
      active = { surface, done };
      return done;
    },
  };
}
