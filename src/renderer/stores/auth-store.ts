import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TokenVerdict } from '../lib/token-check';

/**
 * Whether this tab may show relay data. Without an accepted admin token nothing loads: the app
 * shows the sign-in screen instead of pages full of zeros it could not fetch.
 */
export type SignedOutReason = 'none' | 'refused' | 'expired' | 'rate_limited' | 'unreachable';

export type AuthPhase = 'checking' | 'signed-in' | 'signed-out';

export interface AuthState {
  phase: AuthPhase;
  reason: SignedOutReason;
  retryAfterSec: number;
  submitting: boolean;
  /** Checks the tab's stored token (or asks for one when there is none). */
  start(): Promise<void>;
  /** Checks a pasted token and keeps it for the tab when the relay takes it. */
  signIn(token: string): Promise<void>;
  /** The relay refused the token while the app was showing data (it was changed or rotated). */
  tokenRejected(): void;
}

export interface AuthDeps {
  check(token: string): Promise<TokenVerdict>;
  readToken(): string | null;
  storeToken(token: string): void;
  clearToken(): void;
  /** Lets the transport send calls again after a new token was stored. */
  resume(): void;
}

function signedOut(verdict: TokenVerdict): Pick<AuthState, 'phase' | 'reason' | 'retryAfterSec'> {
  if (verdict.kind === 'rate_limited') return { phase: 'signed-out', reason: 'rate_limited', retryAfterSec: verdict.retryAfterSec };
  return { phase: 'signed-out', reason: verdict.kind === 'ok' ? 'none' : verdict.kind, retryAfterSec: 0 };
}

export function createAuthStore(deps: AuthDeps): StoreApi<AuthState> {
  let started = false;
  return createStore<AuthState>()((set, get) => ({
    phase: 'checking',
    reason: 'none',
    retryAfterSec: 0,
    submitting: false,
    async start() {
      if (started) return;
      started = true;
      const token = deps.readToken();
      if (!token) return set({ phase: 'signed-out', reason: 'none' });
      const verdict = await deps.check(token);
      if (verdict.kind === 'ok') return set({ phase: 'signed-in', reason: 'none' });
      if (verdict.kind === 'refused') deps.clearToken();
      set(signedOut(verdict));
    },
    async signIn(raw) {
      const token = raw.trim();
      if (!token || get().submitting) return;
      set({ submitting: true });
      try {
        const verdict = await deps.check(token);
        if (verdict.kind !== 'ok') return set(signedOut(verdict));
        deps.storeToken(token);
        deps.resume();
        set({ phase: 'signed-in', reason: 'none', retryAfterSec: 0 });
      } finally {
        set({ submitting: false });
      }
    },
    tokenRejected() {
      deps.clearToken();
      set({ phase: 'signed-out', reason: 'expired', retryAfterSec: 0 });
    },
  }));
}
