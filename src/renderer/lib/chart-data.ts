import type { StatsBucket, StatsSummary } from '../../shared/domain/request-log';

export const CHART_RANGES = ['hour', 'day', 'week'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

export interface ChartRow {
  /** Bucket start, as the axis shows it. */
  label: string;
  /** Successful (or at least not failed) requests; stacked under `errors` so the bar is the total. */
  ok: number;
  errors: number;
  tokensIn: number;
  tokensOut: number;
}

/** The buckets of a range; stats from a relay without ranges have only the 24-hour timeline. */
export function bucketsFor(stats: StatsSummary, range: ChartRange): StatsBucket[] {
  if (stats.ranges) return stats.ranges[range];
  return range === 'day' ? stats.timeline : [];
}

function labelFor(time: number, range: ChartRange, locale: string): string {
  if (range === 'week') return new Date(time).toLocaleDateString(locale, { month: 'numeric', day: 'numeric', weekday: 'short' });
  return new Date(time).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** One bar per bucket, never interpolated: an empty bucket is a zero bar, not a slope. */
export function toChartRows(buckets: readonly StatsBucket[], range: ChartRange, locale: string): ChartRow[] {
  return buckets.map((bucket) => ({
    label: labelFor(bucket.time, range, locale),
    ok: Math.max(0, bucket.requests - bucket.errors),
    errors: bucket.errors,
    tokensIn: bucket.tokensIn ?? 0,
    tokensOut: bucket.tokensOut ?? 0,
  }));
}

export interface BreakdownRow {
  key: string;
  requests: number;
  errors: number;
}

/** Busiest first. */
export function toBreakdown(counts: Record<string, { requests: number; errors: number }>): BreakdownRow[] {
  return Object.entries(counts)
    .map(([key, value]) => ({ key, requests: value.requests, errors: value.errors }))
    .sort((a, b) => b.requests - a.requests || a.key.localeCompare(b.key));
}
