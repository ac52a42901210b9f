import type { AccountRecord, AccountStatus, ProviderKind } from '../../shared/domain/account';
import type { ChoiceReasonPart } from '../../shared/domain/request-log';

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

export interface ChoiceOptions {
  pinnedBy?: string | null;
  pinned: boolean;
  competitors: number;
  preferred?: ProviderKind | null;
}

/** Why the pool chose this account, as codes and values (the UI translates them). */
export function choiceReasonParts(chosen: Candidate, options: ChoiceOptions): ChoiceReasonPart[] {
  if (options.pinned) {
    return [options.pinnedBy ? { code: 'pinned_alias', params: { alias: options.pinnedBy } } : { code: 'pinned_request', params: {} }];
  }
  const parts: ChoiceReasonPart[] = [{ code: 'least_busy', params: { busy: chosen.busy, max: chosen.record.maxConcurrency } }];
  const credits = chosen.record.credits;
  parts.push(credits ? { code: 'credits_left', params: { remaining: credits.remaining } } : { code: 'credits_unknown', params: {} });
  if (options.competitors === 0) parts.push({ code: 'only_healthy', params: {} });
  // A routing fallback: the preferred provider had no free healthy account.
  if (options.preferred && chosen.record.provider !== options.preferred) {
    parts.push({ code: 'provider_fallback', params: { provider: chosen.record.provider, preferred: options.preferred } });
  }
  return parts;
}

function englishPart(part: ChoiceReasonPart): string {
  switch (part.code) {
    case 'pinned_alias':
      return `only account pinned by alias ${part.params.alias}`;
    case 'pinned_request':
      return 'only account pinned by the request';
    case 'least_busy':
      return `least busy (${part.params.busy} of ${part.params.max})`;
    case 'credits_left':
      return `${part.params.remaining} credits left`;
    case 'credits_unknown':
      return 'credits unknown';
    case 'only_healthy':
      return 'only healthy account';
    case 'provider_fallback':
      return `fallback to ${part.params.provider} (no ${part.params.preferred} account free)`;
  }
}

/** The English text of the reason, for logs and the API. */
export function describeChoiceParts(parts: readonly ChoiceReasonPart[]): string {
  return parts.map(englishPart).join(', ');
}

export function describeChoice(chosen: Candidate, options: ChoiceOptions): string {
  return describeChoiceParts(choiceReasonParts(chosen, options));
}
