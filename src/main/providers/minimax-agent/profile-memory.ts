/**
 * What negotiation remembers per account: the request profile that last worked (tried first next
 * time) and when each profile was last refused (re-probed at most once a day). The relay core
 * persists it with the account in the store; tests and a bare provider keep it in memory.
 */
export interface ProfileState {
  /** Id of the profile that last had send_msg accepted; null until one has. */
  preferred: string | null;
  /** Profile id → epoch ms of its last outright refusal. */
  failedAt: Readonly<Record<string, number>>;
}

export interface ProfileMemory {
  read(accountId: string): ProfileState | null;
  write(accountId: string, state: ProfileState): void;
}

export function createMemoryProfileMemory(): ProfileMemory {
  const states = new Map<string, ProfileState>();
  return {
    read: (accountId) => states.get(accountId) ?? null,
    write: (accountId, state) => {
      states.set(accountId, { preferred: state.preferred, failedAt: { ...state.failedAt } });
    },
  };
}

export function sameProfileState(a: ProfileState | null, b: ProfileState): boolean {
  if (!a || a.preferred !== b.preferred) return false;
  const keys = Object.keys(b.failedAt);
  return keys.length === Object.keys(a.failedAt).length && keys.every((key) => a.failedAt[key] === b.failedAt[key]);
}
