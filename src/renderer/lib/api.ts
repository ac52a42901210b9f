/**
 * The renderer's only way to the relay. Pages call stores, stores call this. Two transports carry
 * the same BridgeApi: the desktop preload (`window.bridge`) and the headless management API over
 * HTTP; both return BridgeResult data, which is unwrapped here into values or ApiError throws.
 */
import { BRIDGE_EVENTS, BRIDGE_METHODS, type BridgeApi, type BridgeEventName, type BridgeEvents, type BridgeResult } from '../../shared/contract';
import { ApiError } from './api-error';
import type { DesktopBridge } from './bridge-types';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export type EventHandler = <E extends BridgeEventName>(event: E, payload: BridgeEvents[E]) => void;

/** What carries calls and events; everything above it is transport-agnostic. */
export interface Transport {
  call(domain: string, method: string, input: unknown): Promise<BridgeResult<unknown>>;
  /** Starts delivering events; returns a stop function. */
  subscribe(onEvent: EventHandler, onState: (state: ConnectionState) => void): () => void;
}

export type EventListener<E extends BridgeEventName> = (payload: BridgeEvents[E]) => void;

export type RelayApi = BridgeApi & {
  on<E extends BridgeEventName>(event: E, listener: EventListener<E>): () => void;
  /** Connection changes of the event stream (a reconnect means events may have been missed). */
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

function unwrap<T>(result: BridgeResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** Builds the typed API from the contract's method list over any transport. */
export function createApi(transport: Transport): RelayApi {
  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let stop: (() => void) | null = null;

  const ensureSubscribed = (): void => {
    if (stop) return;
    stop = transport.subscribe(
      (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
      (state) => connectionListeners.forEach((listener) => listener(state)),
    );
  };

  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [domain, methods] of Object.entries(BRIDGE_METHODS)) {
    const table: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const method of methods) table[method] = async (input?: unknown) => unwrap(await transport.call(domain, method, input ?? {}));
    domains[domain] = table;
  }

  const events = {
    on<E extends BridgeEventName>(event: E, listener: EventListener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      ensureSubscribed();
      return () => set.delete(wrapped);
    },
    onConnection(listener: (state: ConnectionState) => void): () => void {
      connectionListeners.add(listener);
      ensureSubscribed();
      return () => connectionListeners.delete(listener);
    },
  };
  // The table is built from BRIDGE_METHODS, which the contract checks against BridgeApi.
  return Object.assign(domains as unknown as BridgeApi, events);
}

/** The desktop transport: the preload already returns BridgeResult data. */
export function createDesktopTransport(bridge: DesktopBridge): Transport {
  const table = bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<BridgeResult<unknown>>>>;
  return {
    call: (domain, method, input) => {
      const fn = table[domain]?.[method];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'internal', message: `The desktop bridge has no ${domain}.${method}.` } });
      return fn(input);
    },
    subscribe(onEvent, onState) {
      const stops = BRIDGE_EVENTS.map((event) => bridge.on(event, (payload) => onEvent(event, payload as BridgeEvents[typeof event])));
      onState('open');
      return () => stops.forEach((stopOne) => stopOne());
    },
  };
}
