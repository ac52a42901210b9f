import { describe, expect, it } from 'vitest';
import { makeLogEntry } from './__test__/fake-api';
import { EMPTY_LOG_FILTERS, filterLogs, listModels } from './log-filter';

const entries = [
  makeLogEntry({ id: 'a', status: 'success', clientModel: 'gpt-4o', dialect: 'openai', accountId: 'acc1', accountLabel: 'alice' }),
  makeLogEntry({ id: 'b', status: 'error', clientModel: 'claude-3', resolvedModel: 'MiniMax-M2.5', dialect: 'anthropic', accountId: 'acc2', errorCode: 'no_account', errorMessage: 'All accounts busy' }),
  makeLogEntry({
    id: 'c',
    status: 'success',
    clientModel: 'gemini-pro',
    dialect: 'gemini',
    accountId: 'acc2',
    attempts: [{ accountId: 'acc1', accountLabel: 'alice', reason: 'least busy', startedAt: 0, endedAt: 1, outcome: 'failover', errorCode: 'upstream_auth_expired', errorMessage: null }],
  }),
];

describe('filterLogs', () => {
  it('returns everything without filters', () => {
    expect(filterLogs(entries, EMPTY_LOG_FILTERS)).toBe(entries);
  });

  it('filters by status, dialect, model (client or resolved) and account (including failed-over attempts)', () => {
    const ids = (f: Partial<typeof EMPTY_LOG_FILTERS>) => filterLogs(entries, { ...EMPTY_LOG_FILTERS, ...f }).map((e) => e.id);
    expect(ids({ status: 'error' })).toEqual(['b']);
    expect(ids({ dialect: 'gemini' })).toEqual(['c']);
    expect(ids({ model: 'minimax-m2.5' })).toEqual(['b']);
    expect(ids({ accountId: 'acc1' })).toEqual(['a', 'c']);
    expect(ids({ status: 'success', accountId: 'acc2' })).toEqual(['c']);
  });

  it('searches text in ids, models, accounts and error messages, case-insensitively', () => {
    const ids = (text: string) => filterLogs(entries, { ...EMPTY_LOG_FILTERS, text }).map((e) => e.id);
    expect(ids('ALICE')).toEqual(['a']);
    expect(ids('busy')).toEqual(['b']);
    expect(ids('  ')).toEqual(['a', 'b', 'c']);
  });

  it('lists distinct model names for the filter menu', () => {
    expect(listModels(entries)).toEqual(['MiniMax-M2.5', 'MiniMax-M2.7', 'claude-3', 'gemini-pro', 'gpt-4o']);
  });
});
