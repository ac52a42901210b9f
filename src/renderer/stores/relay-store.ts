import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, ClientDialect, RelayStatus, TestRequestResult } from '../../shared/contract';
import type { StatsSummary } from '../../shared/domain/request-log';
import type { ErrorInfo } from '../../shared/errors';
import type { ConnectionState, RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { bindStore } from './bind';

export interface RelayState {
  info: AppInfo | null;
  status: RelayStatus | null;
  stats: StatsSummary | null;
  connection: ConnectionState;
  /** When the event stream was lost (null while it is open). */
  lostAt: number | null;
  error: ErrorInfo | null;
  toggling: boolean;
  testing: Partial<Record<ClientDialect, boolean>>;
  testResults: Partial<Record<ClientDialect, TestRequestResult>>;
  testErrors: Partial<Record<ClientDialect, ErrorInfo>>;
  init(): () => void;
  load(): Promise<void>;
  refreshStats(): Promise<void>;
  refreshStatus(): Promise<void>;
  setRunning(running: boolean): Promise<void>;
  testRequest(dialect: ClientDialect): Promise<void>;
}

export interface RelayStoreDeps {
  /** Stats follow new log entries, at most once per this many ms. */
  statsThrottleMs?: number;
  setTimer?: (fn: () => void, ms: number) => void;
}

export function createRelayStore(api: RelayApi, deps: RelayStoreDeps = {}): StoreApi<RelayState> {
  const throttle = deps.statsThrottleMs ?? 2_000;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => void setTimeout(fn, ms));
  let statsScheduled = false;

  return createStore<RelayState>()((set, get) => ({
    info: null,
    status: null,
    stats: null,
    connection: 'connecting',
    lostAt: null,
    error: null,
    toggling: false,
    testing: {},
    testResults: {},
    testErrors: {},
    init() {
      const stops = [
        api.on('relay:status', (status) => set({ status })),
        api.on('logs:entry', () => {
          if (statsScheduled) return;
          statsScheduled = true;
          setTimer(() => {
            statsScheduled = false;
            void get().refreshStats();
          }, throttle);
        }),
        // Busy/queued/capacity change with the accounts; the relay pushes status only on start/stop.
        api.on('accounts:changed', () => void get().refreshStatus()),
        api.onConnection((connection) =>
          set((s) => ({ connection, lostAt: connection === 'reconnecting' ? (s.lostAt ?? Date.now()) : connection === 'open' ? null : s.lostAt })),
        ),
      ];
      return () => stops.forEach((stop) => stop());
    },
    async load() {
      try {
        const [info, status, stats] = await Promise.all([api.app.info(), api.relay.status(), api.logs.stats()]);
        set({ info, status, stats, error: null });
      } catch (error) {
        set({ error: toDisplayError(error) });
      }
    },
    async refreshStats() {
      try {
        set({ stats: await api.logs.stats() });
      } catch (error) {
        set({ error: toDisplayError(error) });
      }
    },
    async refreshStatus() {
      try {
        set({ status: await api.relay.status() });
      } catch (error) {
        set({ error: toDisplayError(error) });
      }
    },
    async setRunning(running) {
      set({ toggling: true, error: null });
      try {
        set({ status: running ? await api.relay.start() : await api.relay.stop() });
      } catch (error) {
        set({ error: toDisplayError(error) });
      } finally {
        set({ toggling: false });
      }
    },
    async testRequest(dialect) {
      set((s) => ({ testing: { ...s.testing, [dialect]: true }, testErrors: { ...s.testErrors, [dialect]: undefined } }));
      try {
        const result = await api.relay.testRequest({ dialect });
        set((s) => ({ testResults: { ...s.testResults, [dialect]: result } }));
      } catch (error) {
        set((s) => ({ testErrors: { ...s.testErrors, [dialect]: toDisplayError(error) } }));
      } finally {
        set((s) => ({ testing: { ...s.testing, [dialect]: false } }));
      }
    },
  }));
}

export const useRelayStore = bindStore((api) => createRelayStore(api));
