import { describe, expect, it } from 'vitest';
import { createRecorder } from './recorder';
import type { RecordedRequest } from './types';

const entry = (path: string, realUserId: string | null): Omit<RecordedRequest, 'seq'> => ({
  time: 0, method: 'POST', path, rawQuery: '', query: {}, headers: {}, rawBody: '', body: null, realUserId,
  signature: { yyValid: false, xSignature: 'missing' }, status: 200,
});

describe('recorder', () => {
  it('filters by path and account and returns copies', () => {
    const recorder = createRecorder();
    recorder.add(entry('/a', '1'));
    recorder.add(entry('/b', '2'));
    const [a] = recorder.list({ path: '/a' });
    expect(a).toMatchObject({ seq: 1, realUserId: '1' });
    if (a) a.status = 500;
    expect(recorder.list({ realUserId: '1' })[0]?.status).toBe(200);
  });

  it('drops the oldest entries beyond its limit', () => {
    const recorder = createRecorder(10);
    for (let i = 0; i < 11; i++) recorder.add(entry(`/${i}`, null));
    const seqs = recorder.list().map((e) => e.seq);
    expect(seqs.length).toBeLessThanOrEqual(10);
    expect(seqs.at(-1)).toBe(11);
    expect(seqs[0]).toBeGreaterThan(1);
  });
});
