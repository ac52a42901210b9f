import type { LogQuery, RequestLogEntry } from '../../../shared/domain/request-log';

const DEFAULT_LIMIT = 100;

function matchesText(entry: RequestLogEntry, text: string): boolean {
  const haystack = [entry.id, entry.clientModel, entry.resolvedModel, entry.accountLabel, entry.errorMessage, entry.errorCode, entry.endpoint];
  return haystack.some((value) => value?.toLowerCase().includes(text));
}

export function matchesQuery(entry: RequestLogEntry, query: LogQuery): boolean {
  if (query.status && query.status !== 'all' && entry.status !== query.status) return false;
  if (query.dialect && entry.dialect !== query.dialect) return false;
  if (query.accountId && entry.accountId !== query.accountId) return false;
  if (query.before !== undefined && entry.time >= query.before) return false;
  if (query.model) {
    const model = query.model.toLowerCase();
    if (entry.clientModel.toLowerCase() !== model && entry.resolvedModel?.toLowerCase() !== model) return false;
  }
  const text = query.text?.trim().toLowerCase();
  return !text || matchesText(entry, text);
}

/**
 * The bounded in-memory view of recent requests. A Map keeps insertion order, so the oldest entry
 * is evicted first; entries still running are kept by the request log itself until they end.
 */
export class RequestRing {
  readonly #entries = new Map<string, RequestLogEntry>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#entries.size;
  }

  put(entry: RequestLogEntry): void {
    this.#entries.set(entry.id, entry);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  get(id: string): RequestLogEntry | null {
    return this.#entries.get(id) ?? null;
  }

  /** Newest first (by request time, insertion order breaking ties). */
  query(query: LogQuery): RequestLogEntry[] {
    const limit = Math.max(1, Math.min(query.limit ?? DEFAULT_LIMIT, this.capacity));
    const all = [...this.#entries.values()].reverse();
    all.sort((a, b) => b.time - a.time);
    const out: RequestLogEntry[] = [];
    for (const entry of all) {
      if (!matchesQuery(entry, query)) continue;
      out.push(entry);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Keeps only the entries the predicate accepts. */
  retain(keep: (entry: RequestLogEntry) => boolean): void {
    for (const [id, entry] of this.#entries) if (!keep(entry)) this.#entries.delete(id);
  }
}
