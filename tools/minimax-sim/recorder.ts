import type { RecordedRequest } from './types';

export interface Recorder {
  /** Stores the request; the returned object is updated in place (status, chatId) when answered. */
  add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest;
  list(filter?: { path?: string; realUserId?: string }): RecordedRequest[];
  clear(): void;
}

export function createRecorder(): Recorder {
  let entries: RecordedRequest[] = [];
  let seq = 0;
  return {
    add(entry) {
      seq += 1;
      const recorded: RecordedRequest = { seq, ...entry };
      entries.push(recorded);
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
