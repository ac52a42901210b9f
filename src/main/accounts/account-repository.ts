import crypto from 'node:crypto';
import {
  maskUserId,
  type AccountRecord,
  type AccountSummary,
  type CreditInfo,
  type ProviderKind,
  type Region,
  type RequestProfileState,
} from '../../shared/domain/account';
import type { CodedReason } from '../../shared/domain/upstream-reason';
import { RelayError } from '../../shared/errors';
import type { ProviderModule } from '../providers/module';
import { findProviderModule, PROVIDER_MODULES } from '../providers/modules';
import type { AccountIdentity, ProviderAccount, ProviderCredential } from '../providers/types';
import type { RelayStore, StoreChange } from '../store/relay-store-types';
import type { SecretBox } from '../store/secret-box';

export interface AccountInput {
  region: Region;
  credential: ProviderCredential;
  identity: AccountIdentity;
  /** Used for a new account only; an update keeps the user's label. */
  label?: string;
  /** Replies at once for a new account (the provider's default); an update keeps the user's value. */
  maxConcurrency?: number;
}

export interface UpsertResult {
  record: AccountRecord;
  action: 'created' | 'updated';
}

export interface AccountPatch {
  label?: string;
  enabled?: boolean;
  maxConcurrency?: number;
}

export interface AccountRepository {
  list(): AccountRecord[];
  find(id: string): AccountRecord | null;
  /** Throws `account_not_found`. */
  get(id: string): AccountRecord;
  /** Creates, or updates in place the account with the same provider and account key (keeps id, label, counters). */
  upsert(input: AccountInput): UpsertResult;
  update(id: string, patch: AccountPatch): AccountRecord;
  remove(id: string): void;
  openCredential(record: AccountRecord): ProviderCredential;
  /**
   * Re-seals the account's credential as `fn` changes it (cookies set by the user, a token or
   * cookies the site renewed in the app's browser session). Status and counters stay: the
   * credential is the same login, refreshed.
   */
  updateCredential(id: string, fn: (credential: ProviderCredential) => ProviderCredential): AccountRecord;
  toSummary(record: AccountRecord, busy: number): AccountSummary;
  toProviderAccount(record: AccountRecord, baseUrl: string): ProviderAccount;
  /** `coded`: the reason as a code the UI translates (stored next to the English text). */
  markExpired(id: string, reason?: string, coded?: CodedReason): AccountRecord;
  markExhausted(id: string, until: number, reason?: string, coded?: CodedReason): AccountRecord;
  markCooling(id: string, until: number, reason?: string, coded?: CodedReason): AccountRecord;
  markInvalid(id: string, reason?: string, coded?: CodedReason): AccountRecord;
  /** Back to `active` (or `disabled` if switched off): routing tries it again at once. */
  reset(id: string): AccountRecord;
  setEnabled(id: string, enabled: boolean): AccountRecord;
  setCredits(id: string, credits: CreditInfo | null): AccountRecord;
  /** Web accounts: which request profile works (persisted so a restart starts from it). */
  setRequestProfile(id: string, state: RequestProfileState): AccountRecord;
  /** Counts one finished request; `failed` also counts a failure. Written coalesced. */
  recordResult(id: string, failed: boolean): AccountRecord;
  onChange(listener: (change: StoreChange) => void): () => void;
}

export interface AccountRepositoryDeps {
  store: RelayStore;
  secretBox: SecretBox;
  now?: () => number;
  /** The registered provider modules: how each reads its stored credential and keys its accounts. */
  modules?: readonly ProviderModule[];
}

function defaultLabel(identity: AccountIdentity): string {
  return identity.userName ?? identity.email ?? `Account ${maskUserId(identity.realUserId)}`;
}

export function createAccountRepository(deps: AccountRepositoryDeps): AccountRepository {
  const { store, secretBox } = deps;
  const now = deps.now ?? Date.now;
  const modules = deps.modules ?? PROVIDER_MODULES;
  const moduleOf = (kind: ProviderKind): ProviderModule => findProviderModule(kind, modules);

  function get(id: string): AccountRecord {
    const record = store.getAccount(id);
    if (!record) throw new RelayError('account_not_found', `No account with id ${id}.`, { id });
    return record;
  }

  function change(id: string, fn: (record: AccountRecord) => Partial<AccountRecord>, coalesce = false): AccountRecord {
    const record = get(id);
    return store.saveAccount({ ...record, ...fn(record), updatedAt: now() }, { coalesce });
  }

  function setStatus(id: string, status: AccountRecord['status'], until: number | null, reason: string | null, coded?: CodedReason): AccountRecord {
    return change(id, (record) => ({
      // A switched-off account stays off; the status still records what happened to it.
      status: record.enabled || status === 'disabled' ? status : 'disabled',
      statusUntil: until,
      statusReason: reason,
      statusReasonCode: coded?.code ?? null,
      statusReasonParams: coded?.params ?? null,
    }));
  }

  function seal(credential: ProviderCredential): string {
    return secretBox.seal(JSON.stringify(credential));
  }

  function openCredential(record: AccountRecord): ProviderCredential {
    let value: unknown;
    try {
      value = JSON.parse(secretBox.open(record.sealedCredential));
    } catch (error) {
      if (error instanceof RelayError) throw error;
      throw new RelayError('invalid_credential', 'The stored credential is damaged; add the account again.');
    }
    const credential = moduleOf(record.provider).readCredential(value);
    if (!credential || credential.kind !== record.provider) throw new RelayError('invalid_credential', 'The stored credential is damaged; add the account again.');
    return credential;
  }

  function update(id: string, patch: AccountPatch): AccountRecord {
    const record = get(id);
    const next = { ...record, updatedAt: now() };
    if (patch.label !== undefined) next.label = patch.label.trim() || record.label;
    if (patch.maxConcurrency !== undefined) next.maxConcurrency = patch.maxConcurrency;
    if (patch.enabled !== undefined && patch.enabled !== record.enabled) {
      next.enabled = patch.enabled;
      next.status = patch.enabled ? 'active' : 'disabled';
      next.statusUntil = null;
      next.statusReason = null;
      next.statusReasonCode = null;
      next.statusReasonParams = null;
    }
    return store.saveAccount(next);
  }

  return {
    // A fresh array (callers may reorder it) of frozen records.
    list: () => [...store.listAccounts()],
    find: (id) => store.getAccount(id),
    get,
    upsert(input) {
      const provider = input.credential.kind;
      const module = moduleOf(provider);
      const realUserId = module.accountKey(input.credential, input.identity);
      if (!realUserId) throw new RelayError('invalid_credential', 'The credential does not name a user.');
      const existing = store.listAccounts().find((record) => record.provider === provider && record.realUserId === realUserId);
      const time = now();
      if (existing) {
        const record = store.saveAccount({
          ...existing,
          region: input.region,
          userName: input.identity.userName ?? existing.userName,
          email: input.identity.email ?? existing.email,
          sealedCredential: seal(input.credential),
          tokenExpiresAt: input.identity.tokenExpiresAt,
          // A fresh credential clears the states an old one caused, and the request profiles it had
          // refused get a new chance (new cookies may be what they lacked).
          status: existing.enabled ? 'active' : 'disabled',
          ...(existing.requestProfile ? { requestProfile: { preferred: existing.requestProfile.preferred, failedAt: {} } } : {}),
          statusReason: null,
          statusReasonCode: null,
          statusReasonParams: null,
          statusUntil: null,
          updatedAt: time,
        });
        return { record, action: 'updated' };
      }
      const record = store.saveAccount({
        id: crypto.randomUUID(),
        provider,
        region: input.region,
        label: input.label?.trim() || defaultLabel(input.identity),
        realUserId,
        userName: input.identity.userName,
        email: input.identity.email,
        sealedCredential: seal(input.credential),
        tokenExpiresAt: input.identity.tokenExpiresAt,
        enabled: true,
        status: 'active',
        statusReason: null,
        statusUntil: null,
        maxConcurrency: input.maxConcurrency ?? module.defaultConcurrency,
        credits: null,
        counters: { requests: 0, failures: 0, lastUsedAt: null },
        createdAt: time,
        updatedAt: time,
      });
      return { record, action: 'created' };
    },
    update,
    remove(id) {
      if (!store.removeAccount(id)) throw new RelayError('account_not_found', `No account with id ${id}.`, { id });
    },
    openCredential,
    updateCredential(id, fn) {
      const record = get(id);
      const next = fn(openCredential(record));
      if (next.kind !== record.provider) throw new RelayError('invalid_credential', 'The credential kind of an account cannot change.');
      return store.saveAccount({ ...record, sealedCredential: seal(next), updatedAt: now() });
    },
    toSummary(record, busy) {
      const module = modules.find((candidate) => candidate.id === record.provider);
      return {
        id: record.id,
        provider: record.provider,
        region: record.region,
        label: record.label,
        maskedUserId: maskUserId(record.realUserId),
        userName: record.userName,
        email: record.email,
        tokenExpiresAt: record.tokenExpiresAt,
        enabled: record.enabled,
        status: record.status,
        statusReason: record.statusReason,
        statusReasonCode: record.statusReasonCode ?? null,
        statusReasonParams: record.statusReasonParams ?? null,
        statusUntil: record.statusUntil,
        maxConcurrency: record.maxConcurrency,
        credits: record.credits,
        counters: record.counters,
        busy,
        createdAt: record.createdAt,
        ...(module ? { providerLabel: module.label, access: module.access, features: { ...module.features } } : {}),
      };
    },
    toProviderAccount(record, baseUrl) {
      return { id: record.id, label: record.label, region: record.region, baseUrl, credential: openCredential(record) };
    },
    markExpired: (id, reason, coded) => setStatus(id, 'expired', null, reason ?? 'The token expired; log in again.', coded),
    markExhausted: (id, until, reason, coded) => setStatus(id, 'exhausted', until, reason ?? 'Daily credits used up.', coded),
    markCooling: (id, until, reason, coded) => setStatus(id, 'cooling', until, reason ?? 'Backing off after an upstream error.', coded),
    markInvalid: (id, reason, coded) => setStatus(id, 'invalid', null, reason ?? 'The credential was rejected.', coded),
    reset: (id) => setStatus(id, 'active', null, null),
    setEnabled: (id, enabled) => update(id, { enabled }),
    setCredits: (id, credits) => change(id, () => ({ credits })),
    setRequestProfile: (id, state) => change(id, () => ({ requestProfile: { preferred: state.preferred, failedAt: { ...state.failedAt } } })),
    recordResult: (id, failed) =>
      change(
        id,
        (record) => ({
          counters: {
            requests: record.counters.requests + 1,
            failures: record.counters.failures + (failed ? 1 : 0),
            lastUsedAt: now(),
          },
        }),
        true,
      ),
    onChange: (listener) => store.onChange(listener),
  };
}
