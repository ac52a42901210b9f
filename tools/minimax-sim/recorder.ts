import type { RecordedRequest } from './types';

export interface Recorder {
  /** Stores the request; the returned object is updated in place (status, chatId) when answered. */
  add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest;
  list(filter?: { path?: string; realUserId?: string }): RecordedRequest[];
  clear(): void;
}

/** A demo left running polls twice a second for hours; keep memory bounded (oldest dropped first). */
export const MAX_RECORDED = 50_000;

export function createRecorder(limit = MAX_RECORDED): Recorder {
  let entries: RecordedRequest[] = [];
  let seq = 0;
  return {
    add(entry) {
      seq += 1;
      const recorded: RecordedRequest = { seq, ...entry };
      entries.push(recorded);
      if (entries.length > limit) entries = entries.slice(-Math.floor(limit * 0.9));
      return recorded;
    },
    list(filter = {}) {
      return entries
        .filter((e) => (filter.path === undefined || e.path === filter.path) && (filter.realUserId === undefined || e.realUserId === filter.realUserId))
        .map((e) => structuredClone(e));
    },
    clear() {
      entries = [];
    },
  };
}
