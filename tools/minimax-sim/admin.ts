import { toPublicAccount } from './accounts';
import { setCookieHeadersFor } from './session-cookies';
import { toSimChat } from './chats';
import { cookieHeaderFor } from './session-cookies';
import { DEFAULT_OPTIONS, type SimState } from './state';
import type { SimAccount, SimAdmin } from './types';

/** SimAdmin plus the operations only the HTTP admin and the login page need. */
export interface SimAdminInternal extends SimAdmin {
  login(input: { name?: string; guest?: boolean }): SimAccount & { omitUserDetail?: true };
  /** `Set-Cookie` values of the account's site session, as the login page's response sets them (HttpOnly). */
  sessionCookies(realUserId: string): string[];
  accounts(): SimAccount[];
  /** Rejects pending waitFor() calls; used by close(). */
  dispose(): void;
}

const WAIT_POLL_MS = 10;

function requireAccount(state: SimState, realUserId: string): NonNullable<ReturnType<SimState['accounts']['get']>> {
  const account = state.accounts.get(realUserId);
  if (!account) throw new Error(`unknown account ${realUserId}`);
  return account;
}

export function createAdmin(state: SimState): SimAdminInternal {
  const waiters = new Set<(error: Error) => void>();

  function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    // Real time, not state.now: an injected frozen clock must not make waits endless.
    const deadline = Date.now() + timeoutMs;
    return new Promise<void>((resolve, reject) => {
      let cancel: () => void = () => undefined;
      const abort = (error: Error): void => {
        cancel();
        waiters.delete(abort);
        reject(error);
      };
      const check = (): void => {
        try {
          if (predicate()) {
            waiters.delete(abort);
            resolve();
            return;
          }
        } catch (error) {
          abort(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (Date.now() >= deadline) abort(new Error(`waitFor: condition not met within ${timeoutMs} ms`));
        else cancel = state.scheduler.after(WAIT_POLL_MS, check);
      };
      waiters.add(abort);
      check();
    });
  }

  return {
    createAccount: (input) => toPublicAccount(state.accounts.create(input, state.options.defaultCredits)),
    // With `omitUserDetail` the login page leaves out `user_detail_agent`, as the site has since May 2026 (§10.1).
    login: (input) => ({
      ...toPublicAccount(state.accounts.login(input, state.options.defaultCredits)),
      ...(state.options.omitUserDetail ? { omitUserDetail: true } : {}),
    }),
    sessionCookies: (realUserId) => setCookieHeadersFor(state.accounts.secret, realUserId),
    accounts: () => state.accounts.list().map(toPublicAccount),
    expireToken(realUserId) {
      requireAccount(state, realUserId);
      state.accounts.expireTokens(realUserId);
    },
    setCredits(realUserId, credits) {
      requireAccount(state, realUserId).credits = credits;
    },
    setOptions(options) {
      const { host: _host, port: _port, ...rest } = options;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      state.options = { ...DEFAULT_OPTIONS, ...state.options, ...defined };
    },
    scriptReply(reply, realUserId) {
      if (realUserId === undefined) {
        state.scripts.global.push(reply);
        return;
      }
      const queue = state.scripts.perAccount.get(realUserId) ?? [];
      queue.push(reply);
      state.scripts.perAccount.set(realUserId, queue);
    },
    setDefaultReply(factory) {
      state.defaultReply = factory;
    },
    injectFault: (fault) => state.faults.inject(fault),
    clearFaults: () => state.faults.clear(),
    requests: (filter) => state.recorder.list(filter),
    chats: (realUserId) => state.chats.list(realUserId, true).map(toSimChat),
    waitFor,
    running: (realUserId) => state.chats.running(realUserId),
    cookieHeader(realUserId, withClearance = false) {
      requireAccount(state, realUserId);
      return cookieHeaderFor(state.secret, realUserId, withClearance);
    },
    uploads: (realUserId) => [...state.uploads.files.values()].filter((file) => realUserId === undefined || file.realUserId === realUserId),
    reset() {
      state.recorder.clear();
      state.chats.clear();
      state.faults.clear();
      state.uploads.clear();
      state.scripts.global = [];
      state.scripts.perAccount.clear();
      state.defaultReply = null;
    },
    dispose() {
      for (const abort of [...waiters]) abort(new Error('simulator closed'));
    },
  };
}
