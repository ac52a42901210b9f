import path from 'node:path';
import type { RequestLogEntry } from '../../../shared/domain/request-log';
import { silentLogger, type Logger } from '../types';
import { dayKey, dayStart, isNotFound, type LogFs } from './log-fs';

const FILE_PATTERN = /^requests-(\d{4}-\d{2}-\d{2})\.jsonl$/;

export interface JsonlFilesOptions {
  dir: string;
  fs: LogFs;
  now: () => number;
  retentionDays: () => number;
  maxBytes: () => number;
  /** How long lines gather before one append (ms). */
  writeDelayMs: number;
  logger?: Logger;
}

/** Our own file, but still read from disk: keep only lines with the shape the views rely on. */
function parseLine(line: string): RequestLogEntry | null {
  try {
    const value = JSON.parse(line) as Partial<RequestLogEntry> | null;
    if (typeof value?.id !== 'string' || typeof value.time !== 'number' || typeof value.clientModel !== 'string') return null;
    if (!Array.isArray(value.attempts) || typeof value.status !== 'string') return null;
    return value as RequestLogEntry;
  } catch {
    return null;
  }
}

export function fileNameFor(time: number): string {
  return `requests-${dayKey(time)}.jsonl`;
}

/**
 * Day files of finished requests. Lines are buffered and appended asynchronously in batches (one
 * append per file per batch), never with sync I/O per request. Retention runs when the day
 * changes or the estimated total size passes the cap; today's file is never deleted.
 */
export class JsonlFiles {
  readonly #options: JsonlFilesOptions;
  readonly #logger: Logger;
  #pending = new Map<string, string[]>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #chain: Promise<void> = Promise.resolve();
  #bytes = 0;
  #retainedDay = '';

  constructor(options: JsonlFilesOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  async init(): Promise<void> {
    await this.#options.fs.mkdir(this.#options.dir, { recursive: true });
    await this.enforceRetention();
  }

  append(entry: RequestLogEntry): void {
    const file = fileNameFor(this.#options.now());
    const lines = this.#pending.get(file) ?? [];
    lines.push(`${JSON.stringify(entry)}\n`);
    this.#pending.set(file, lines);
    if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), this.#options.writeDelayMs);
      this.#timer.unref?.();
    }
  }

  /** Writes everything buffered so far; resolves when it is on disk. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = new Map();
    this.#chain = this.#chain.then(() => this.#write(batch));
    return this.#chain;
  }

  async #write(batch: Map<string, string[]>): Promise<void> {
    for (const [file, lines] of batch) {
      const data = lines.join('');
      try {
        await this.#options.fs.appendFile(path.join(this.#options.dir, file), data);
        this.#bytes += Buffer.byteLength(data);
      } catch (error) {
        this.#logger.error({ err: error, file }, 'could not append to the request log');
      }
    }
    if (this.#retainedDay !== dayKey(this.#options.now()) || this.#bytes > this.#options.maxBytes()) {
      await this.enforceRetention();
    }
  }

  async #listFiles(): Promise<{ name: string; day: string; size: number }[]> {
    let names: string[];
    try {
      names = await this.#options.fs.readdir(this.#options.dir);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const files: { name: string; day: string; size: number }[] = [];
    for (const name of names) {
      const day = FILE_PATTERN.exec(name)?.[1];
      if (!day) continue;
      try {
        files.push({ name, day, size: (await this.#options.fs.stat(path.join(this.#options.dir, name))).size });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return files.sort((a, b) => a.day.localeCompare(b.day));
  }

  /** Deletes files older than the retention window, then the oldest until under the size cap. */
  async enforceRetention(): Promise<void> {
    const now = this.#options.now();
    const today = dayKey(now);
    const oldestKept = dayKey(dayStart(now, this.#options.retentionDays() - 1));
    const files = await this.#listFiles();
    let total = files.reduce((sum, file) => sum + file.size, 0);
    for (const file of files) {
      const tooOld = file.day < oldestKept;
      const tooBig = total > this.#options.maxBytes();
      if (file.day === today || (!tooOld && !tooBig)) continue;
      try {
        await this.#options.fs.unlink(path.join(this.#options.dir, file.name));
        total -= file.size;
      } catch (error) {
        if (!isNotFound(error)) this.#logger.warn({ err: error, file: file.name }, 'could not delete an old request log');
      }
    }
    this.#bytes = total;
    this.#retainedDay = today;
  }

  /**
   * The newest `limit` entries on disk, oldest first. At most `maxBytes` are read in all (the
   * tail of big files), so a start never parses weeks of history; a line cut by the tail or by a
   * crash mid-append is skipped.
   */
  async readNewest(limit: number, maxBytes = 32 * 1024 * 1024): Promise<RequestLogEntry[]> {
    const files = (await this.#listFiles()).reverse();
    const chunks: RequestLogEntry[][] = [];
    let count = 0;
    let budget = maxBytes;
    for (const file of files) {
      if (count >= limit || budget <= 0) break;
      const filePath = path.join(this.#options.dir, file.name);
      const length = Math.min(file.size, budget);
      budget -= length;
      const text = length < file.size ? await this.#options.fs.readRange(filePath, file.size - length, length) : await this.#options.fs.readFile(filePath, 'utf8');
      const entries: RequestLogEntry[] = [];
      for (const line of text.split('\n')) {
        const entry = line.trim() ? parseLine(line) : null;
        if (entry) entries.push(entry);
      }
      const take = entries.slice(Math.max(0, entries.length - (limit - count)));
      chunks.unshift(take);
      count += take.length;
    }
    return chunks.flat();
  }

  async clear(): Promise<void> {
    await this.flush();
    this.#pending.clear();
    for (const file of await this.#listFiles()) {
      try {
        await this.#options.fs.unlink(path.join(this.#options.dir, file.name));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    this.#bytes = 0;
  }
}
