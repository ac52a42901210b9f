/**
 * Each web account keeps its own persisted browser session on the desktop (an Electron partition
 * named after the account id): the login window of a "log in again" runs in it, and upstream
 * calls go through it, so the site's cookies, its renewals and the Cloudflare clearance stay with
 * the account. Naming and deciding what to delete are pure; src/main/electron does the I/O.
 */

export const ACCOUNT_PARTITION_PREFIX = 'persist:minimax-account-';

/** Account ids are UUIDs; anything else must not become a directory name. */
const ACCOUNT_ID = /^[A-Za-z0-9-]{1,64}$/;

export function partitionForAccount(accountId: string): string {
  if (!ACCOUNT_ID.test(accountId)) throw new Error(`not an account id: ${accountId}`);
  return `${ACCOUNT_PARTITION_PREFIX}${accountId}`;
}

export function accountIdOfPartition(partition: string): string | null {
  if (!partition.startsWith(ACCOUNT_PARTITION_PREFIX)) return null;
  const id = partition.slice(ACCOUNT_PARTITION_PREFIX.length);
  return ACCOUNT_ID.test(id) ? id : null;
}

/**
 * Stored accounts have UUIDs; the ids of one-off checks (an import's probe, the login's identity
 * lookup) are not, and must not leave a persisted partition behind.
 */
export function isStoredAccountId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Ids that were in the previous account list and are gone now: their partitions are deleted. */
export function removedAccountIds(previous: Iterable<string>, current: Iterable<string>): string[] {
  const now = new Set(current);
  return [...new Set(previous)].filter((id) => !now.has(id));
}

/**
 * Electron keeps a persisted partition in `<userData>/Partitions/<name without "persist:">`.
 * Directories of ours whose account no longer exists (removed while the app was not running, or a
 * crash before the cleanup) are returned as partition names to clear.
 */
export function orphanPartitions(directoryNames: readonly string[], accountIds: Iterable<string>): string[] {
  const known = new Set(accountIds);
  const bare = ACCOUNT_PARTITION_PREFIX.slice('persist:'.length);
  return directoryNames
    .filter((name) => name.startsWith(bare))
    .map((name) => `persist:${name}`)
    .filter((partition) => {
      const id = accountIdOfPartition(partition);
      return id !== null && !known.has(id);
    });
}
