import { describe, expect, it } from 'vitest';
import type { StatsSummary } from '../../shared/domain/request-log';
import { bucketsFor, toBreakdown, toChartRows } from './chart-data';

const today = { requests: 0, errors: 0, successRate: null, medianLatencyMs: null, medianTtftMs: null };

describe('chart data', () => {
  it('makes one stacked bar per bucket: ok below errors, zero for empty buckets, tokens kept', () => {
    const time = new Date(2026, 0, 15, 9, 5).getTime();
    const rows = toChartRows(
      [
        { time, requests: 5, errors: 2, tokensIn: 300, tokensOut: 40 },
        { time: time + 60_000, requests: 0, errors: 0 },
      ],
      'hour',
      'en',
    );
    expect(rows).toEqual([
      { label: '09:05', ok: 3, errors: 2, tokensIn: 300, tokensOut: 40 },
      { label: '09:06', ok: 0, errors: 0, tokensIn: 0, tokensOut: 0 },
    ]);
  });

  it('uses the ranges when the relay sends them and the 24 h timeline otherwise', () => {
    const bucket = { time: 1, requests: 1, errors: 0 };
    const old: StatsSummary = { today, byModel: {}, byAccount: {}, timeline: [bucket] };
    expect(bucketsFor(old, 'day')).toEqual([bucket]);
    expect(bucketsFor(old, 'week')).toEqual([]);
    const fresh: StatsSummary = { ...old, ranges: { hour: [], day: [], week: [bucket, bucket] } };
    expect(bucketsFor(fresh, 'week')).toHaveLength(2);
  });

  it('lists a breakdown busiest first', () => {
    expect(toBreakdown({ a: { requests: 1, errors: 0 }, b: { requests: 4, errors: 1 } }).map((row) => row.key)).toEqual(['b', 'a']);
  });
});
