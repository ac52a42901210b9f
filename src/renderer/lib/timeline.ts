import type { StatsBucket } from '../../shared/domain/request-log';

/**
 * Drops the empty buckets before the first request, keeping at least `minBuckets`, so a relay that
 * started an hour ago does not draw a flat day with a spike squeezed into the right edge.
 */
export function trimTimeline(buckets: readonly StatsBucket[], minBuckets = 12): StatsBucket[] {
  const first = buckets.findIndex((b) => b.requests > 0 || b.errors > 0);
  if (first < 0) return buckets.slice(-minBuckets);
  return buckets.slice(Math.max(0, Math.min(first, buckets.length - minBuckets)));
}
