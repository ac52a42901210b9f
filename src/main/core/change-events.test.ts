import { describe, expect, it, vi } from 'vitest';
import type { RelayStatus } from '../../shared/contract';
import type { RequestLogEntry } from '../../shared/domain/request-log';
import type { StoreChange } from '../store/relay-store-types';
import { createEventBus } from '../services/event-bus';
import { wireChangeEvents } from './change-events';

describe('change events', () => {
  it('coalesces account writes into one accounts:changed and refreshes status after request progress', async () => {
    vi.useFakeTimers();
    try {
      const events = createEventBus();
      let storeListener: (change: StoreChange) => void = () => {};
      let logListener: (entry: RequestLogEntry) => void = () => {};
      const seen: string[] = [];
      for (const name of ['accounts:changed', 'relay:status', 'logs:entry', 'settings:changed'] as const) events.on(name, () => seen.push(name));
      const wiring = wireChangeEvents({
        events,
        onStoreChange: (listener) => ((storeListener = listener), () => {}),
        requestLog: { subscribe: (listener) => ((logListener = listener), () => {}) },
        accounts: () => [],
        settings: () => ({}) as never,
        relayStatus: () => ({}) as RelayStatus,
      });
      storeListener({ section: 'accounts', accountId: 'a' });
      storeListener({ section: 'accounts', accountId: 'b' });
      storeListener({ section: 'ledger', accountId: 'a' });
      logListener({ id: 'r1' } as RequestLogEntry);
      expect(seen).toEqual(['logs:entry']);
      await vi.advanceTimersByTimeAsync(60);
      expect(seen.sort()).toEqual(['accounts:changed', 'logs:entry', 'relay:status']);
      storeListener({ section: 'settings' });
      expect(seen).toContain('settings:changed');
      wiring.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
