import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RequestLogEntry } from '../../shared/domain/request-log';
import type { ErrorInfo } from '../../shared/errors';
import type { RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { EMPTY_LOG_FILTERS, type LogFilters } from '../lib/log-filter';
import { bindStore } from './bind';

/** How many entries the view keeps; older ones stay in the relay's JSONL files. */
export const MAX_CACHED_LOGS = 200_000;
const INITIAL_LOAD = 5_000;

export interface LogsState {
  /** Oldest first, so a new entry is an append; the view shows them newest first. */
  entries: RequestLogEntry[];
  loaded: boolean;
  error: ErrorInfo | null;
  filters: LogFilters;
  selectedId: string | null;
  /** The full entry of the selection (with bodies when the relay logged them). */
  detail: RequestLogEntry | null;
  exporting: boolean;
  init(): () => void;
  load(): Promise<void>;
  ingest(entries: readonly RequestLogEntry[]): void;
  setFilters(patch: Partial<LogFilters>): void;
  select(id: string | null): Promise<void>;
  exportJsonl(): Promise<string | null>;
  clear(): Promise<void>;
}

export interface LogsStoreDeps {
  /** Batches pushed entries (one render per batch under load). */
  schedule?: (flush: () => void) => void;
}

export function createLogsStore(api: RelayApi, deps: LogsStoreDeps = {}): StoreApi<LogsState> {
  const schedule = deps.schedule ?? ((flush: () => void) => void setTimeout(flush, 50));
  let positions = new Map<string, number>();
  let buffer: RequestLogEntry[] = [];

  const reindex = (entries: RequestLogEntry[]): void => {
    positions = new Map(entries.map((entry, index) => [entry.id, index]));
  };

  return createStore<LogsState>()((set, get) => ({
    entries: [],
    loaded: false,
    error: null,
    filters: EMPTY_LOG_FILTERS,
    selectedId: null,
    detail: null,
    exporting: false,
    init() {
      return api.on('logs:entry', (entry) => {
        buffer.push(entry);
        if (buffer.length > 1) return;
        schedule(() => {
          const batch = buffer;
          buffer = [];
          get().ingest(batch);
        });
      });
    },
    async load() {
      try {
        const newestFirst = await api.logs.query({ status: 'all', limit: INITIAL_LOAD });
        const entries = newestFirst.slice().reverse();
        reindex(entries);
        set({ entries, loaded: true, error: null });
      } catch (error) {
        set({ error: toDisplayError(error), loaded: true });
      }
    },
    ingest(batch) {
      if (batch.length === 0) return;
      let entries = get().entries.slice();
      for (const entry of batch) {
        const at = positions.get(entry.id);
        if (at === undefined) {
          positions.set(entry.id, entries.length);
          entries.push(entry);
        } else {
          entries[at] = entry;
        }
      }
      if (entries.length > MAX_CACHED_LOGS) {
        entries = entries.slice(entries.length - MAX_CACHED_LOGS);
        reindex(entries);
      }
      const { selectedId, detail } = get();
      const updated = selectedId ? batch.findLast((entry) => entry.id === selectedId) : undefined;
      set({ entries, detail: updated ? { ...detail, ...updated, requestBody: updated.requestBody ?? detail?.requestBody ?? null, responseBody: updated.responseBody ?? detail?.responseBody ?? null } : detail });
    },
    setFilters(patch) {
      set((s) => ({ filters: { ...s.filters, ...patch } }));
    },
    async select(id) {
      if (id === null) {
        set({ selectedId: null, detail: null });
        return;
      }
      const cached = get().entries[positions.get(id) ?? -1] ?? null;
      set({ selectedId: id, detail: cached });
      try {
        const full = await api.logs.get({ id });
        if (get().selectedId === id && full) set({ detail: full });
      } catch (error) {
        set({ error: toDisplayError(error) });
      }
    },
    async exportJsonl() {
      set({ exporting: true, error: null });
      const { status, model, accountId, dialect, text } = get().filters;
      try {
        return await api.logs.export({
          status,
          ...(model ? { model } : {}),
          ...(accountId ? { accountId } : {}),
          ...(dialect !== 'all' ? { dialect } : {}),
          ...(text.trim() ? { text: text.trim() } : {}),
        });
      } catch (error) {
        set({ error: toDisplayError(error) });
        return null;
      } finally {
        set({ exporting: false });
      }
    },
    async clear() {
      try {
        await api.logs.clear();
        positions = new Map();
        set({ entries: [], selectedId: null, detail: null });
      } catch (error) {
        set({ error: toDisplayError(error) });
      }
    },
  }));
}

export const useLogsStore = bindStore((api) => createLogsStore(api));
