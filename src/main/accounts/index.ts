export type { AccountLease, AccountPool, AcquireOptions, LeaseOutcome } from './types';
export {
  createAccountRepository,
  type AccountInput,
  type AccountPatch,
  type AccountRepository,
  type AccountRepositoryDeps,
  type UpsertResult,
} from './account-repository';
export { applyLeaseOutcome } from './lease-outcome';
export { createAccountPool, nextLocalMidnight, type AccountPoolDeps, type ManagedAccountPool, type PoolSettingsLike, type PoolTimers } from './account-pool';
export { choiceReasonParts, compareCandidates, describeChoice, effectiveStatus, isHealthy } from './pool-selection';
