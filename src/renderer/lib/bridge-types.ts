/**
 * The shape of `window.bridge` that the desktop preload exposes and the renderer consumes.
 * Derived from BridgeApi/BridgeEvents so the preload and the renderer cannot drift: every method
 * keeps its parameters but resolves to BridgeResult data (errors cross IPC as data, not throws).
 * Kept free of DOM types so the preload (node tsconfig) can import it too.
 */
import type { BridgeApi, BridgeDomain, BridgeEventName, BridgeEvents, BridgeResult } from '../../shared/contract';

/** One BridgeApi method as the preload exposes it. */
export type DesktopBridgeMethod<F> = F extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<BridgeResult<R>> : never;

/** One domain (`accounts`, `logs`…) of the preload API. */
export type DesktopBridgeDomain<D extends BridgeDomain> = {
  readonly [M in keyof BridgeApi[D]]: DesktopBridgeMethod<BridgeApi[D][M]>;
};

export type BridgeListener<E extends BridgeEventName> = (payload: BridgeEvents[E]) => void;

/**
 * `window.bridge`: `bridge.<domain>.<method>(input)` → `Promise<BridgeResult<T>>`, and
 * `bridge.on(event, listener)` → an unsubscribe function.
 */
export type DesktopBridge = { readonly [D in BridgeDomain]: DesktopBridgeDomain<D> } & {
  on<E extends BridgeEventName>(event: E, listener: BridgeListener<E>): () => void;
};

/** The global name the preload exposes the bridge under (`contextBridge.exposeInMainWorld`). */
export const DESKTOP_BRIDGE_KEY = 'bridge';
