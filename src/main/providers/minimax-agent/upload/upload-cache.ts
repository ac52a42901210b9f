/**
 * Per-account upload cache keyed by content hash: clients resend the whole conversation every
 * turn, so a screenshot pasted once would otherwise be uploaded again with every message. An
 * upload in flight is shared too. Entries expire after a TTL (the upstream's file lifetime is
 * unknown) and the oldest go first past a size bound.
 */
import type { UploadedFile } from './attachment-shape';

export interface UploadCacheDeps {
  now: () => number;
  ttlMs?: number;
  maxEntries?: number;
}

export interface CachedUpload {
  file: UploadedFile;
  uploadedAt: number;
}

export interface UploadCache {
  /** The cached upload, or the result of `upload()` (stored unless it fails); `hit` says which. */
  getOrUpload(accountId: string, sha256: string, upload: () => Promise<CachedUpload>): Promise<{ entry: CachedUpload; hit: boolean }>;
  /** Forgets an account's uploads (its token changed, or it was removed). */
  forget(accountId: string): void;
}

export const UPLOAD_CACHE_TTL_MS = 30 * 60 * 1000;
const MAX_ENTRIES = 500;

interface Slot {
  promise: Promise<CachedUpload>;
  /** Set once the upload succeeded; in-flight slots never expire. */
  expiresAt: number | null;
}

export function createUploadCache(deps: UploadCacheDeps): UploadCache {
  const ttl = deps.ttlMs ?? UPLOAD_CACHE_TTL_MS;
  const max = deps.maxEntries ?? MAX_ENTRIES;
  const slots = new Map<string, Slot>();

  function evict(): void {
    const now = deps.now();
    for (const [key, slot] of slots) if (slot.expiresAt !== null && slot.expiresAt <= now) slots.delete(key);
    for (const key of slots.keys()) {
      if (slots.size <= max) break;
      slots.delete(key);
    }
  }

  return {
    async getOrUpload(accountId, sha256, upload) {
      const key = `${accountId}\n${sha256}`;
      evict();
      const existing = slots.get(key);
      if (existing) return { entry: await existing.promise, hit: true };
      const slot: Slot = { promise: upload(), expiresAt: null };
      slots.set(key, slot);
      try {
        const entry = await slot.promise;
        slot.expiresAt = entry.uploadedAt + ttl;
        return { entry, hit: false };
      } catch (error) {
        if (slots.get(key) === slot) slots.delete(key);
        throw error;
      }
    },
    forget(accountId) {
      for (const key of slots.keys()) if (key.startsWith(`${accountId}\n`)) slots.delete(key);
    },
  };
}
