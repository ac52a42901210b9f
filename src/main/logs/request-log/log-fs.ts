import fsp from 'node:fs/promises';

/**
 * The few async file operations the request log uses. Injected so tests can count writes and
 * prove that no request ever waits on synchronous I/O.
 */
export interface LogFs {
  appendFile(path: string, data: string): Promise<void>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  /** `length` bytes from `start`, as UTF-8 (a cut character at the edges is harmless: lines are re-parsed). */
  readRange(path: string, start: number, length: number): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number }>;
  unlink(path: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export const nodeLogFs: LogFs = {
  appendFile: (path, data) => fsp.appendFile(path, data, { encoding: 'utf8', mode: 0o600 }),
  readFile: (path, encoding) => fsp.readFile(path, encoding),
  async readRange(path, start, length) {
    const handle = await fsp.open(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  },
  writeFile: (path, data) => fsp.writeFile(path, data, { encoding: 'utf8', mode: 0o600 }),
  rename: (from, to) => fsp.rename(from, to),
  readdir: (dir) => fsp.readdir(dir),
  stat: (path) => fsp.stat(path),
  unlink: (path) => fsp.unlink(path),
  // Owner-only, like the data directory: request logs hold prompts when body logging is on.
  mkdir: (dir, options) => fsp.mkdir(dir, { ...options, mode: 0o700 }),
};

export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Local calendar day `YYYY-MM-DD`: files and "today" follow the user's clock, not UTC. */
export function dayKey(time: number): string {
  const date = new Date(time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Start of the local hour containing `time`. */
export function hourStart(time: number): number {
  const date = new Date(time);
  date.setMinutes(0, 0, 0);
  return date.getTime();
}

/** Start of the local day `days` before the one containing `time`. */
export function dayStart(time: number, daysBack = 0): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - daysBack);
  return date.getTime();
}
