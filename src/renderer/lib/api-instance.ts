/** Picks the transport once: the desktop preload when present, otherwise the management API. */
import { createApi, createDesktopTransport, type RelayApi } from './api';
import { takeAdminToken } from './admin-token';
import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from './bridge-types';
import { createHttpTransport } from './http-transport';

let instance: RelayApi | null = null;

export function getApi(): RelayApi {
  if (instance) return instance;
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[DESKTOP_BRIDGE_KEY];
  if (bridge) {
    instance = createApi(createDesktopTransport(bridge));
    return instance;
  }
  const token = takeAdminToken({
    hash: window.location.hash,
    storage: window.sessionStorage,
    replaceHash: (hash) => window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`),
  });
  instance = createApi(createHttpTransport({ baseUrl: window.location.origin, token, fetch: window.fetch.bind(window) }));
  return instance;
}
