import type { LogQuery, RequestLogEntry, StatsSummary } from '../../shared/domain/request-log';

/** The request log: a bounded ring for live views, JSONL files for history, live subscribers. */
export interface RequestLog {
  /** Records a new entry (status `pending`) and notifies subscribers. */
  begin(entry: RequestLogEntry): void;
  /** Merges a patch into a live entry and notifies subscribers. */
  update(id: string, patch: Partial<RequestLogEntry>): void;
  /** Final patch: persists the entry (JSONL), counts it in the stats, notifies subscribers. */
  end(id: string, patch: Partial<RequestLogEntry>): void;
  query(query: LogQuery): RequestLogEntry[];
  get(id: string): RequestLogEntry | null;
  stats(): StatsSummary;
  subscribe(listener: (entry: RequestLogEntry) => void): () => void;
  clear(): Promise<void>;
  /** Flushes stats and closes files. */
  close(): Promise<void>;
}

/**
 * The application logger (pino-compatible call shapes). Implementations redact credentials
 * (authorization, x-api-key, token, cookies, credentials) before anything is written.
 */
export interface LogFn {
  (message: string): void;
  (fields: Record<string, unknown>, message?: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/** A logger that drops everything (tests and defaults). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
