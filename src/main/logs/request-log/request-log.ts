import type { LogQuery, RequestLogEntry } from '../../../shared/domain/request-log';
import { redactValue } from '../redact';
import { silentLogger, type Logger, type RequestLog } from '../types';
import { JsonlFiles } from './jsonl-files';
import { nodeLogFs, type LogFs } from './log-fs';
import { RequestRing } from './request-ring';
import { RequestStats } from './request-stats';

export interface RequestLogOptions {
  dir: string;
  ringSize?: number;
  /** Numbers, or getters so a settings change applies without a restart. */
  retentionDays?: number | (() => number);
  maxFileMb?: number | (() => number);
  now?: () => number;
  logger?: Logger;
  fs?: LogFs;
  /** Batching window of JSONL appends (ms). */
  writeDelayMs?: number;
  /** How often changed stats are written to stats.json (ms). */
  statsFlushMs?: number;
  /** Bytes of history read back into the ring on start (the newest). */
  maxLoadBytes?: number;
}

export interface ManagedRequestLog extends RequestLog {
  /** Writes buffered lines and changed stats now. */
  flush(): Promise<void>;
}

function getter(value: number | (() => number) | undefined, fallback: number): () => number {
  if (typeof value === 'function') return value;
  return () => value ?? fallback;
}

/** Entries are scrubbed on the way in, so neither views, subscribers nor files see a credential. */
function sanitize(entry: RequestLogEntry): RequestLogEntry {
  return redactValue(entry) as RequestLogEntry;
}

/**
 * The request log: recent entries in a ring for live views, finished ones appended to day files,
 * counters in stats.json. Loads the newest entries and the stats back on start.
 */
export async function createRequestLog(options: RequestLogOptions): Promise<ManagedRequestLog> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const fs = options.fs ?? nodeLogFs;
  const ring = new RequestRing(options.ringSize ?? 5000);
  const maxFileMb = getter(options.maxFileMb, 50);
  const files = new JsonlFiles({
    dir: options.dir,
    fs,
    now,
    retentionDays: getter(options.retentionDays, 14),
    maxBytes: () => maxFileMb() * 1024 * 1024,
    writeDelayMs: options.writeDelayMs ?? 250,
    logger,
  });
  const stats = new RequestStats(options.dir, fs, now, logger);
  /** Running requests, kept even if the ring evicts them, so their end is never lost. */
  const live = new Map<string, RequestLogEntry>();
  const listeners = new Set<(entry: RequestLogEntry) => void>();
  let statsTimer: ReturnType<typeof setTimeout> | null = null;

  await files.init();
  await stats.load();
  for (const entry of await files.readNewest(ring.capacity, options.maxLoadBytes)) ring.put(entry);

  function notify(entry: RequestLogEntry): void {
    for (const listener of listeners) {
      try {
        listener(entry);
      } catch (error) {
        logger.error({ err: error }, 'request log subscriber failed');
      }
    }
  }

  function scheduleStats(): void {
    if (statsTimer) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      void stats.save();
    }, options.statsFlushMs ?? 10_000);
    statsTimer.unref?.();
  }

  function merge(id: string, patch: Partial<RequestLogEntry>): RequestLogEntry | null {
    const current = live.get(id);
    if (!current) return null;
    // Only the patch needs scrubbing: the live entry already was.
    const next = { ...current, ...(redactValue(patch) as Partial<RequestLogEntry>), id: current.id };
    live.set(id, next);
    ring.put(next);
    return next;
  }

  return {
    begin(entry) {
      const clean = sanitize(entry);
      live.set(clean.id, clean);
      ring.put(clean);
      notify(clean);
    },
    update(id, patch) {
      const next = merge(id, patch);
      if (next) notify(next);
    },
    end(id, patch) {
      const next = merge(id, patch);
      if (!next) return;
      live.delete(id);
      files.append(next);
      stats.record(next);
      scheduleStats();
      notify(next);
    },
    query: (query: LogQuery) => ring.query(query),
    get: (id) => live.get(id) ?? ring.get(id),
    stats: () => stats.summary(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async clear() {
      ring.retain((entry) => live.has(entry.id));
      await files.clear();
      await stats.clear();
    },
    async flush() {
      await files.flush();
      await stats.save();
    },
    async close() {
      if (statsTimer) clearTimeout(statsTimer);
      statsTimer = null;
      await files.flush();
      await stats.save();
      listeners.clear();
    },
  };
}
