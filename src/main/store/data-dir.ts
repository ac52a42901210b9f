/**
 * The data directory at start: owner-only permissions on the directory, `logs/` and every file in
 * them (a directory made by an older version, by hand or restored from a backup may be readable
 * by others), and removal of temporary files that interrupted writes left behind (a kill between
 * writing a temp file and renaming it). A temp file younger than `minTempAgeMs` may belong to a
 * write in progress in another process starting at the same moment, so it is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logs/types';
import { TEMP_FILE_NAME } from './temp-files';


export interface PrepareDataDirOptions {
  logger: Logger;
  now?: () => number;
  minTempAgeMs?: number;
}

function restrict(target: string, mode: number, logger: Logger): void {
  try {
    const stat = fs.lstatSync(target);
    if (stat.isSymbolicLink() || (stat.mode & 0o777) === mode) return;
    fs.chmodSync(target, mode);
  } catch (error) {
    logger.warn({ path: target, err: String(error) }, 'could not restrict permissions');
  }
}

function tidy(dir: string, options: Required<PrepareDataDirOptions>): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    if (TEMP_FILE_NAME.test(name) && options.now() - stat.mtimeMs >= options.minTempAgeMs) {
      fs.rmSync(file, { force: true });
      options.logger.info({ file: name }, 'removed a temporary file left by an interrupted write');
      continue;
    }
    if (process.platform !== 'win32') restrict(file, 0o600, options.logger);
  }
}

export function prepareDataDir(dataDir: string, options: PrepareDataDirOptions): void {
  const full: Required<PrepareDataDirOptions> = { now: Date.now, minTempAgeMs: 10_000, ...options };
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logs = path.join(dataDir, 'logs');
  if (process.platform !== 'win32') {
    restrict(dataDir, 0o700, full.logger);
    if (fs.existsSync(logs)) restrict(logs, 0o700, full.logger);
  }
  tidy(dataDir, full);
  tidy(logs, full);
}
