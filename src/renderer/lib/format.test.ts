import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent, formatSpan, toExpiryState } from './format';
import { createTranslator } from './i18n';

describe('format', () => {
  const t = createTranslator('en');
  it('formats spans, durations and ratios', () => {
    expect(formatSpan(45_000, t)).toBe('45s');
    expect(formatSpan(2 * 3_600_000 + 5 * 60_000, t)).toBe('2h 5m');
    expect(formatSpan(50 * 3_600_000, t)).toBe('2d 2h');
    expect(formatMs(null)).toBe('—');
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(1_500)).toBe('1.50 s');
    expect(formatPercent(0.955)).toBe('95.5%');
    expect(formatPercent(1)).toBe('100%');
  });
  it('tells a valid, expired or unknown token expiry apart', () => {
    expect(toExpiryState(null, 5)).toEqual({ kind: 'unknown' });
    expect(toExpiryState(10, 5)).toEqual({ kind: 'valid', remainingMs: 5 });
    expect(toExpiryState(10, 15)).toEqual({ kind: 'expired', agoMs: 5 });
  });
});
