/**
 * Temp files of the data dir's atomic writes: every writer makes its temp file here, beside its
 * target, and start-up cleanup (data-dir.ts) recognises the same names, so a write a kill
 * interrupted never leaves a file the cleanup does not know.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

/**
 * Leftovers of an interrupted write: ours (`<file>.<uuid>.tmp`), electron-store's `atomically`
 * (`<file>.tmp-<10 digits><6 hex>`) and the stats file's (`<file>.<pid>.tmp`).
 */
export const TEMP_FILE_NAME = /(\.tmp-\d{10}[a-f0-9]{6}|\.[0-9a-f-]{36}\.tmp|\.\d+\.tmp)$/;

/** Writes `text` to a new temp file beside `target` with `mode`, fsynced; returns its path. */
export function writeTempFile(target: string, text: string, mode: number): string {
  const temp = `${target}.${randomUUID()}.tmp`;
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return temp;
}
