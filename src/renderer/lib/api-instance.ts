/** Picks the transport once: the desktop preload when present, otherwise the management API. */
import { useStore, type StoreApi } from 'zustand';
import { createAuthStore, type AuthState } from '../stores/auth-store';
import { createApi, createDesktopTransport, type RelayApi } from './api';
import { clearAdminToken, readStoredAdminToken, storeAdminToken, takeAdminToken } from './admin-token';
import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from './bridge-types';
import { createHttpTransport } from './http-transport';
import { checkAdminToken } from './token-check';

let instance: RelayApi | null = null;
let auth: StoreApi<AuthState> | null = null;

function desktopAuth(): StoreApi<AuthState> {
  // The desktop app talks to its own main process; there is no token to ask for.
  const store = createAuthStore({
    check: () => Promise.resolve({ kind: 'ok' }),
    readToken: () => 'desktop',
    storeToken: () => undefined,
    clearToken: () => undefined,
    resume: () => undefined,
  });
  store.setState({ phase: 'signed-in' });
  return store;
}

export function getApi(): RelayApi {
  if (instance) return instance;
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[DESKTOP_BRIDGE_KEY];
  if (bridge) {
    auth = desktopAuth();
    instance = createApi(createDesktopTransport(bridge));
    return instance;
  }
  takeAdminToken({
    hash: window.location.hash,
    storage: window.sessionStorage,
    replaceHash: (hash) => window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`),
  });
  const fetchFn = window.fetch.bind(window);
  const transport = createHttpTransport({
    baseUrl: window.location.origin,
    token: null,
    getToken: () => readStoredAdminToken(window.sessionStorage),
    onUnauthorized: () => auth?.getState().tokenRejected(),
    fetch: fetchFn,
  });
  auth = createAuthStore({
    check: (token) => checkAdminToken({ baseUrl: window.location.origin, fetch: fetchFn }, token),
    readToken: () => readStoredAdminToken(window.sessionStorage),
    storeToken: (token) => storeAdminToken(window.sessionStorage, token),
    clearToken: () => clearAdminToken(window.sessionStorage),
    resume: () => transport.resume(),
  });
  instance = createApi(transport);
  return instance;
}

function getAuthStore(): StoreApi<AuthState> {
  getApi();
  if (!auth) throw new Error('getApi() sets up the sign-in state.');
  return auth;
}

export function useAuth<T>(selector: (state: AuthState) => T): T {
  return useStore(getAuthStore(), selector);
}
useAuth.getState = (): AuthState => getAuthStore().getState();
