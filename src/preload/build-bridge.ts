/**
 * Builds `window.bridge` from the contract's method and event lists, over a minimal transport.
 * Electron-free so it is unit-tested; index.ts supplies the ipcRenderer-backed transport. Only the
 * listed channels are reachable: there is no generic invoke and the renderer never sees
 * ipcRenderer or an IpcRendererEvent.
 */
import { BRIDGE_METHODS, toChannel, type BridgeDomain, type BridgeEventName, type BridgeResult } from '../shared/contract';
import type { DesktopBridge } from '../renderer/lib/bridge-types';
import { isBridgeEvent, toEventChannel } from '../main/electron/ipc-channels';

export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes to one channel; the listener gets only the payload. Returns the unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

type Invoker = (input?: unknown) => Promise<BridgeResult<unknown>>;

/** A transport failure (main not answering) still resolves to BridgeResult data, like every error. */
function toInvoker(transport: BridgeTransport, channel: string): Invoker {
  return async (input) => {
    try {
      return (await transport.invoke(channel, input)) as BridgeResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The app did not answer ${channel}.` } };
    }
  };
}

export function createDesktopBridge(transport: BridgeTransport): DesktopBridge {
  const bridge: Record<string, unknown> = {};
  for (const domain of Object.keys(BRIDGE_METHODS) as BridgeDomain[]) {
    const methods: Record<string, Invoker> = {};
    for (const method of BRIDGE_METHODS[domain] as readonly string[]) {
      methods[method] = toInvoker(transport, toChannel(domain, method));
    }
    bridge[domain] = Object.freeze(methods);
  }
  bridge.on = (event: BridgeEventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isBridgeEvent(event) || typeof listener !== 'function') throw new TypeError(`Unknown bridge event: ${String(event)}`);
    return transport.subscribe(toEventChannel(event), (payload) => listener(payload));
  };
  return Object.freeze(bridge) as unknown as DesktopBridge;
}
