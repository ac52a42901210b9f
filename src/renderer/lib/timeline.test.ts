import { describe, expect, it } from 'vitest';
import { trimTimeline } from './timeline';

const bucket = (time: number, requests = 0) => ({ time, requests, errors: 0 });

describe('trimTimeline', () => {
  it('drops leading empty buckets but keeps the minimum span', () => {
    const day = Array.from({ length: 24 }, (_, i) => bucket(i, i >= 20 ? 1 : 0));
    expect(trimTimeline(day, 12).map((b) => b.time)).toEqual(Array.from({ length: 12 }, (_, i) => 12 + i));
    expect(trimTimeline(day, 2).map((b) => b.time)).toEqual([20, 21, 22, 23]);
  });

  it('keeps everything from the first request and handles an empty day', () => {
    const busy = Array.from({ length: 24 }, (_, i) => bucket(i, i === 3 ? 5 : 0));
    expect(trimTimeline(busy, 12)[0]?.time).toBe(3);
    expect(trimTimeline(Array.from({ length: 24 }, (_, i) => bucket(i)), 6)).toHaveLength(6);
  });
});
