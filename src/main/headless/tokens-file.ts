/**
 * `MINIMAX_RELAY_TOKENS_FILE`: credentials imported at start from a file, one per line, in any
 * form the import understands (`realUserID+token`, a bare token, or a JSON object with `cookies`,
 * which a comma list in `MINIMAX_RELAY_TOKENS` cannot carry). Blank lines and `#` comments are
 * skipped. The file holds secrets, so one readable by others is reported.
 */
import { readFileSync, statSync } from 'node:fs';
import { RelayError } from '../../shared/errors';

/** The same bound as a pasted import. */
const MAX_BYTES = 1_000_000;

export interface TokensFile {
  text: string;
  lines: number;
  /** True when group or others may read the file (POSIX modes only). */
  readableByOthers: boolean;
}

export function readTokensFile(path: string, platform: NodeJS.Platform = process.platform): TokensFile {
  let raw: string;
  let mode: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    if (stats.size > MAX_BYTES) throw new RelayError('invalid_request', `MINIMAX_RELAY_TOKENS_FILE ${path} is larger than ${MAX_BYTES} bytes.`);
    mode = stats.mode;
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof RelayError) throw error;
    throw new RelayError('invalid_request', `MINIMAX_RELAY_TOKENS_FILE ${path} cannot be read: ${(error as Error).message}`);
  }
  const entries = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return { text: entries.join('\n'), lines: entries.length, readableByOthers: platform !== 'win32' && (mode & 0o077) !== 0 };
}
