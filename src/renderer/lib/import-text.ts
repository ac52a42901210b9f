import type { ImportResult } from '../../shared/contract';

/**
 * What stays in the import box after an import: only the entries that failed, so fixing and
 * retrying them does not add the good ones twice. The relay numbers entries in paste order, split
 * at newlines and commas (a JSON paste is one entry); when the count does not match, the text is
 * left as it was rather than guessing.
 */
export function textAfterImport(text: string, result: ImportResult): string {
  if (result.failed === 0) return '';
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return text;
  const entries = trimmed
    .split(/[,\n\r]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length !== result.results.length) return text;
  const failedLines = new Set(result.results.filter((line) => !line.ok).map((line) => line.line));
  return entries.filter((_, index) => failedLines.has(index + 1)).join('\n');
}
