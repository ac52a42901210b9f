/**
 * Turns store changes and request-log entries into BridgeEvents. Account changes come from many
 * places (imports, the pool marking an account expired, counters after every request), so they are
 * coalesced into one `accounts:changed` per short window instead of one per write. Request
 * progress also moves busy slots and the queue, so it refreshes the accounts and the relay status.
 */
import type { RelayStatus, SettingsView } from '../../shared/contract';
import type { AccountSummary } from '../../shared/domain/account';
import type { RequestLog } from '../logs/types';
import type { EventBus } from '../services/event-bus';
import type { StoreChange } from '../store/relay-store-types';

export interface ChangeEventsDeps {
  events: EventBus;
  onStoreChange(listener: (change: StoreChange) => void): () => void;
  requestLog: Pick<RequestLog, 'subscribe'>;
  accounts(): AccountSummary[];
  settings(): SettingsView;
  relayStatus(): RelayStatus;
  coalesceMs?: number;
}

export function wireChangeEvents(deps: ChangeEventsDeps): { dispose(): void } {
  const timers = new Map<'accounts' | 'status', NodeJS.Timeout>();
  const emitters = {
    accounts: () => deps.events.emit('accounts:changed', deps.accounts()),
    status: () => deps.events.emit('relay:status', deps.relayStatus()),
  };
  const schedule = (kind: 'accounts' | 'status'): void => {
    if (timers.has(kind)) return;
    const timer = setTimeout(() => {
      timers.delete(kind);
      emitters[kind]();
    }, deps.coalesceMs ?? 50);
    timer.unref();
    timers.set(kind, timer);
  };

  const offStore = deps.onStoreChange((change) => {
    if (change.section === 'accounts' || change.section === 'document') schedule('accounts');
    if (change.section === 'settings' || change.section === 'document') deps.events.emit('settings:changed', deps.settings());
  });
  const offLog = deps.requestLog.subscribe((entry) => {
    deps.events.emit('logs:entry', entry);
    schedule('accounts');
    schedule('status');
  });

  return {
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      offStore();
      offLog();
    },
  };
}
