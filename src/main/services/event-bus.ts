/**
 * The in-process bus behind BridgeEvents. Services emit; hosts forward (IPC on desktop, SSE on the
 * headless host). A throwing listener is logged and never stops the others or the emitter.
 */
import type { BridgeEventName, BridgeEvents } from '../../shared/contract';
import type { EventListener, RelayCoreEvents } from '../core/types';
import { silentLogger, type Logger } from '../logs/types';

export interface EventBus extends RelayCoreEvents {
  emit<K extends BridgeEventName>(name: K, payload: BridgeEvents[K]): void;
}

export function createEventBus(logger: Logger = silentLogger): EventBus {
  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  return {
    on<K extends BridgeEventName>(name: K, listener: EventListener<K>): () => void {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          logger.warn({ err: error, event: name }, 'event listener failed');
        }
      }
    },
  };
}
