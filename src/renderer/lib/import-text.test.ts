import { describe, expect, it } from 'vitest';
import type { ImportLineResult, ImportResult } from '../../shared/contract';
import { textAfterImport } from './import-text';

function result(oks: boolean[]): ImportResult {
  const results = oks.map(
    (ok, index): ImportLineResult => ({ line: index + 1, input: `m${index}`, ok, account: null, action: ok ? 'created' : null, error: ok ? null : { code: 'invalid_credential', message: 'bad' } }),
  );
  return { results, created: oks.filter(Boolean).length, updated: 0, failed: oks.filter((ok) => !ok).length };
}

describe('textAfterImport', () => {
  it('keeps only the failed entries, one per line', () => {
    expect(textAfterImport('good1\nbad\n\ngood2, bad2', result([true, false, true, false]))).toBe('bad\nbad2');
  });

  it('empties the box when everything was added', () => {
    expect(textAfterImport('a\nb', result([true, true]))).toBe('');
  });

  it('leaves the text alone when the entries cannot be matched to the results', () => {
    expect(textAfterImport('a\nb\nc', result([true, false]))).toBe('a\nb\nc');
    expect(textAfterImport('[{"token":"x"},{"token":"y"}]', result([true, false]))).toBe('[{"token":"x"},{"token":"y"}]');
  });
});
