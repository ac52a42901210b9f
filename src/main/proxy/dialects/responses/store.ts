/**
 * The responses kept for `previous_response_id`, `GET` and `DELETE /v1/responses/{id}`: in memory
 * only, bounded by count and by size, and expiring. A relay restart forgets them; clients that
 * need durable state (Codex) send `store: false` and the whole conversation each turn anyway.
 */
import type { ResponseObject } from '../../../../shared/api/responses';
import type { CanonicalMessage } from '../../../relay/canonical';
import type { InputItem } from './input-items';

export interface StoredResponse {
  response: ResponseObject;
  /** The conversation up to and including this response's output, without `instructions`. */
  conversation: CanonicalMessage[];
  /** The request's own input items, for `GET /v1/responses/{id}/input_items`. */
  inputItems?: InputItem[];
}

export interface ResponseStore {
  put(entry: StoredResponse): void;
  get(id: string): StoredResponse | undefined;
  delete(id: string): boolean;
  readonly size: number;
}

export interface ResponseStoreOptions {
  now?: () => number;
  maxEntries?: number;
  /** Upper bound on the stored JSON, summed over entries (inline images count). */
  maxChars?: number;
  ttlMs?: number;
}

const DEFAULTS = { maxEntries: 1_000, maxChars: 64 * 1024 * 1024, ttlMs: 60 * 60 * 1000 };

interface Slot {
  entry: StoredResponse;
  chars: number;
  expiresAt: number;
}

export function createResponseStore(options: ResponseStoreOptions = {}): ResponseStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? DEFAULTS.maxEntries;
  const maxChars = options.maxChars ?? DEFAULTS.maxChars;
  const ttlMs = options.ttlMs ?? DEFAULTS.ttlMs;
  // Map order is insertion order, so the first slot is always the oldest.
  const slots = new Map<string, Slot>();
  let chars = 0;

  function remove(id: string): boolean {
    const slot = slots.get(id);
    if (!slot) return false;
    slots.delete(id);
    chars -= slot.chars;
    return true;
  }

  function evict(): void {
    const time = now();
    for (const [id, slot] of slots) {
      const over = slots.size > maxEntries || chars > maxChars;
      if (!over && slot.expiresAt > time) break;
      remove(id);
    }
  }

  return {
    put(entry) {
      const size = JSON.stringify(entry).length;
      // One response larger than the whole budget is not kept: a chained request then gets a clear 400.
      if (size > maxChars) return;
      remove(entry.response.id);
      slots.set(entry.response.id, { entry, chars: size, expiresAt: now() + ttlMs });
      chars += size;
      evict();
    },
    get(id) {
      const slot = slots.get(id);
      if (!slot) return undefined;
      if (slot.expiresAt <= now()) {
        remove(id);
        return undefined;
      }
      return slot.entry;
    },
    delete: remove,
    get size() {
      return slots.size;
    },
  };
}
