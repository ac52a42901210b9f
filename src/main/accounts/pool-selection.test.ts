import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../shared/domain/account';
import { choiceReasonParts, describeChoice, type Candidate } from './pool-selection';

function candidate(over: Partial<AccountRecord> = {}, busy = 0): Candidate {
  const record = { id: 'a1', provider: 'minimax-open', maxConcurrency: 3, credits: { remaining: 50 }, ...over } as AccountRecord;
  return { record, busy, lastPick: 0 };
}

describe('choiceReasonParts', () => {
  it('lists why an account was chosen as codes and values, a routing fallback last', () => {
    const parts = choiceReasonParts(candidate({}, 1), { pinned: false, competitors: 0, preferred: 'minimax-agent' });
    expect(parts).toEqual([
      { code: 'least_busy', params: { busy: 1, max: 3 } },
      { code: 'credits_left', params: { remaining: 50 } },
      { code: 'only_healthy', params: {} },
      { code: 'provider_fallback', params: { provider: 'minimax-open', preferred: 'minimax-agent' } },
    ]);
  });

  it('says a pinned account was pinned, by an alias or by the request', () => {
    expect(choiceReasonParts(candidate(), { pinned: true, pinnedBy: 'gpt-*', competitors: 2 })).toEqual([{ code: 'pinned_alias', params: { alias: 'gpt-*' } }]);
    expect(choiceReasonParts(candidate(), { pinned: true, competitors: 2 })).toEqual([{ code: 'pinned_request', params: {} }]);
  });

  it('keeps the English text the log and the API show', () => {
    expect(describeChoice(candidate({ credits: null }), { pinned: false, competitors: 1, preferred: 'minimax-open' })).toBe('least busy (0 of 3), credits unknown');
    expect(describeChoice(candidate({}, 1), { pinned: false, competitors: 0, preferred: 'minimax-agent' })).toBe(
      'least busy (1 of 3), 50 credits left, only healthy account, fallback to minimax-open (no minimax-agent account free)',
    );
  });
});
