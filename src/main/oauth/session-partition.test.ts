import { describe, expect, it } from 'vitest';
import { accountIdOfPartition, isStoredAccountId, orphanPartitions, partitionForAccount, removedAccountIds } from './session-partition';

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe('account session partitions', () => {
  it('names a persisted partition after the account and reads the id back', () => {
    expect(partitionForAccount(ID)).toBe(`persist:minimax-account-${ID}`);
    expect(accountIdOfPartition(partitionForAccount(ID))).toBe(ID);
    expect(accountIdOfPartition('persist:other')).toBeNull();
    expect(accountIdOfPartition('persist:minimax-account-../x')).toBeNull();
  });

  it('tells stored accounts from one-off checks', () => {
    expect(isStoredAccountId(ID)).toBe(true);
    expect(isStoredAccountId('import-1')).toBe(false);
    expect(isStoredAccountId('login')).toBe(false);
  });

  it('refuses ids that are not account ids', () => {
    expect(() => partitionForAccount('../../etc')).toThrow();
    expect(() => partitionForAccount('')).toThrow();
  });

  it('finds the accounts removed between two lists', () => {
    expect(removedAccountIds(['a', 'b', 'c'], ['c', 'a', 'd'])).toEqual(['b']);
    expect(removedAccountIds([], ['a'])).toEqual([]);
  });

  it('finds partition directories whose account is gone, and only ours', () => {
    const dirs = [`minimax-account-${ID}`, 'minimax-account-gone-1', 'login-temp', 'other-app', 'minimax-account-bad name'];
    expect(orphanPartitions(dirs, [ID])).toEqual(['persist:minimax-account-gone-1']);
  });
});
