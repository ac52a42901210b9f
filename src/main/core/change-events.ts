/**
 * Turns store changes and request-log entries into BridgeEvents. Account changes come from many
 * places (imports, the pool marking an account expired, counters after every request), so they are
 * coalesced into one `accounts:changed` per short window instead of one per write.
 */
import type { SettingsView } from '../../shared/contract';
import type { AccountSummary } from '../../shared/domain/account';
import type { RequestLog } from '../logs/types';
import type { StoreChange } from '../store/relay-store-types';
import type { EventBus } from '../services/event-bus';

export interface ChangeEventsDeps {
  events: EventBus;
  onStoreChange(listener: (change: StoreChange) => void): () => void;
  requestLog: Pick<RequestLog, 'subscribe'>;
  accounts(): AccountSummary[];
  settings(): SettingsView;
  coalesceMs?: number;
}

export function wireChangeEvents(deps: ChangeEventsDeps): { flush(): void; dispose(): void } {
  let accountsTimer: NodeJS.Timeout | null = null;

  const flush = (): void => {
    if (!accountsTimer) return;
    clearTimeout(accountsTimer);
    accountsTimer = null;
    deps.events.emit('accounts:changed', deps.accounts());
  };

  const offStore = deps.onStoreChange((change) => {
    if (change.section === 'accounts' || change.section === 'document') {
      accountsTimer ??= setTimeout(flush, deps.coalesceMs ?? 50);
      accountsTimer.unref();
    }
    if (change.section === 'settings' || change.section === 'document') deps.events.emit('settings:changed', deps.settings());
  });
  const offLog = deps.requestLog.subscribe((entry) => deps.events.emit('logs:entry', entry));

  return {
    flush,
    dispose() {
      if (accountsTimer) clearTimeout(accountsTimer);
      accountsTimer = null;
      offStore();
      offLog();
    },
  };
}
