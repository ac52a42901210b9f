/**
 * Temporary in-memory request log until the JSONL-backed one is wired in.
 */
import type { LogQuery, RequestLogEntry, StatsSummary } from '../../shared/domain/request-log';
import type { Settings } from '../../shared/domain/settings';
import type { Logger, RequestLog } from '../logs/types';

export async function createCoreRequestLog(_deps: { dir: string; getSettings: () => Settings; now: () => number; logger: Logger }): Promise<RequestLog> {
  const entries = new Map<string, RequestLogEntry>();
  const listeners = new Set<(entry: RequestLogEntry) => void>();
  const notify = (entry: RequestLogEntry): void => listeners.forEach((listener) => listener(entry));
  const log: RequestLog = {
    begin(entry) {
      entries.set(entry.id, entry);
      notify(entry);
    },
    update(id, patch) {
      const entry = entries.get(id);
      if (!entry) return;
      const next = { ...entry, ...patch };
      entries.set(id, next);
      notify(next);
    },
    end(id, patch) {
      log.update(id, patch);
    },
    query(query: LogQuery) {
      return [...entries.values()].reverse().slice(0, query.limit ?? 200);
    },
    get: (id) => entries.get(id) ?? null,
    stats(): StatsSummary {
      return { today: { requests: entries.size, errors: 0, successRate: null, medianLatencyMs: null, medianTtftMs: null }, byModel: {}, byAccount: {}, timeline: [] };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: async () => entries.clear(),
    close: async () => undefined,
  };
  return log;
}
