import type { AccountRecord, AccountStatus, ProviderKind } from '../../shared/domain/account';

/**
 * Pure choice rules of the pool. An account whose cooldown or credit reset has passed counts as
 * active again without anyone touching it, so routing resumes on time even while idle.
 */
export function effectiveStatus(record: AccountRecord, now: number): AccountStatus {
  if (!record.enabled) return 'disabled';
  if ((record.status === 'cooling' || record.status === 'exhausted') && record.statusUntil !== null && record.statusUntil <= now) {
    return 'active';
  }
  return record.status;
}

export function isHealthy(record: AccountRecord, now: number): boolean {
  return effectiveStatus(record, now) === 'active';
}

/** Epoch ms when a parked account becomes usable, or null if it never will without a person. */
export function recoversAt(record: AccountRecord, now: number): number | null {
  if (!record.enabled) return null;
  const status = effectiveStatus(record, now);
  if (status === 'active') return now;
  if ((status === 'cooling' || status === 'exhausted') && record.statusUntil !== null) return record.statusUntil;
  return null;
}

/** 0 = known credits left (more is better), 1 = unknown, 2 = none left. */
function creditRank(record: AccountRecord): number {
  if (!record.credits) return 1;
  return record.credits.remaining > 0 ? 0 : 2;
}

export interface Candidate {
  record: AccountRecord;
  busy: number;
  /** Sequence number of the last time it was picked (round-robin on ties). */
  lastPick: number;
  /** Routing preference of its provider: 0 first (absent = 0). */
  rank?: number;
}

/** Preferred provider first, then least busy, then credit headroom, then the one picked longest ago. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  const preference = (a.rank ?? 0) - (b.rank ?? 0);
  if (preference !== 0) return preference;
  if (a.busy !== b.busy) return a.busy - b.busy;
  const rank = creditRank(a.record) - creditRank(b.record);
  if (rank !== 0) return rank;
  if (creditRank(a.record) === 0) {
    const diff = (b.record.credits?.remaining ?? 0) - (a.record.credits?.remaining ?? 0);
    if (diff !== 0) return diff;
  }
  return a.lastPick - b.lastPick;
}

export function describeChoice(
  chosen: Candidate,
  options: { pinnedBy?: string | null; pinned: boolean; competitors: number; preferred?: ProviderKind | null },
): string {
  if (options.pinned) {
    return options.pinnedBy ? `only account pinned by alias ${options.pinnedBy}` : 'only account pinned by the request';
  }
  const parts = [`least busy (${chosen.busy} of ${chosen.record.maxConcurrency})`];
  const credits = chosen.record.credits;
  if (credits) parts.push(`${credits.remaining} credits left`);
  else parts.push('credits unknown');
  if (options.competitors === 0) parts.push('only healthy account');
  // A routing fallback: the preferred provider had no free healthy account.
  if (options.preferred && chosen.record.provider !== options.preferred) parts.push(`fallback to ${chosen.record.provider} (no ${options.preferred} account free)`);
  return parts.join(', ');
}
