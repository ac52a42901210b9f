/**
 * The headless server prints `…/ui/#token=<admin token>`. The token is moved from the fragment to
 * sessionStorage at start-up and removed from the address bar, so it does not linger in history
 * or get copied along with the URL.
 */
const STORAGE_KEY = 'minimax-relay.admin-token';

export interface TokenEnv {
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Replaces the fragment without a navigation. */
  replaceHash(hash: string): void;
}

export function takeAdminToken(env: TokenEnv): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(env.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    env.storage.setItem(STORAGE_KEY, token);
    const rest = env.hash.replace(/^#/, '').split('&').filter((part) => !part.startsWith('token=')).join('&');
    env.replaceHash(rest ? `#${rest}` : '#/');
    return token;
  }
  return env.storage.getItem(STORAGE_KEY);
}

/** The token of this tab (to carry it to the UI on a new address after a port change). */
export function readStoredAdminToken(storage: Pick<Storage, 'getItem'>): string | null {
  return storage.getItem(STORAGE_KEY);
}

/** Keeps a token the user pasted at sign-in for this tab (sessionStorage, like one from the link). */
export function storeAdminToken(storage: Pick<Storage, 'setItem'>, token: string): void {
  storage.setItem(STORAGE_KEY, token);
}

/** Forgets a token the relay refused, so a reload asks again instead of retrying it. */
export function clearAdminToken(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(STORAGE_KEY);
}
