import type { RestoreSummary } from '../../shared/contract';
import type { AccountRecord } from '../../shared/domain/account';
import type { ModelMapping } from '../../shared/domain/model-mapping';
import type { ApiKeyRecord, Settings, SettingsPatch } from '../../shared/domain/settings';
import type { StoreDocument } from './schema';

export type StoreSection = 'settings' | 'accounts' | 'mappings' | 'ledger' | 'document';

export interface StoreChange {
  section: StoreSection;
  /** The account concerned, for `accounts` and `ledger` changes. */
  accountId?: string;
}

/** Upstream chats the relay created and still has to delete (the provider's cleanup ledger). */
export interface ChatLedger {
  add(accountId: string, chatId: number): void;
  remove(accountId: string, chatId: number): void;
  list(accountId: string): number[];
}

export interface SaveOptions {
  /**
   * Frequent, low-value changes (counters, last-used times) are written a little later, together;
   * flush()/close() still write them.
   */
  coalesce?: boolean;
}

export interface RelayStore {
  readonly path: string;
  /** Frozen, the same object until settings change: read it, never change it. */
  getSettings(): Readonly<Settings>;
  /** Deep-merges each section of the patch, validates (`invalid_request`), persists, emits. */
  updateSettings(patch: SettingsPatch): Settings;
  setApiKeys(keys: ApiKeyRecord[]): Settings;

  /** Frozen, the same array until an account changes. */
  listAccounts(): readonly Readonly<AccountRecord>[];
  getAccount(id: string): AccountRecord | null;
  /** Inserts or replaces by id (validated). */
  saveAccount(record: AccountRecord, options?: SaveOptions): AccountRecord;
  /** Also drops the account's chat ledger and mappings pinned to it. */
  removeAccount(id: string): boolean;

  /** Frozen, the same array until a mapping changes. */
  listMappings(): readonly Readonly<ModelMapping>[];
  getMapping(id: string): ModelMapping | null;
  /** Inserts or replaces by id (validated; semantic checks live in models/mapping-validation). */
  saveMapping(mapping: ModelMapping): ModelMapping;
  removeMapping(id: string): boolean;

  /** Satisfies the provider's chat ledger shape. */
  readonly chatLedger: ChatLedger;

  getAdminTokenHash(): string | null;
  setAdminTokenHash(hash: string | null): void;

  onChange(listener: (change: StoreChange) => void): () => void;

  /** A deep copy of the current document (credentials stay sealed). */
  exportDocument(): StoreDocument;
  /** Validates (and migrates) first; only then replaces everything and persists. */
  replaceDocument(doc: unknown): StoreDocument;
  /** Passphrase-encrypted backup (credentials opened inside, so it restores on another machine). */
  exportBackup(passphrase: string): Promise<string>;
  /** Opens, re-seals with the local SecretBox, validates, then replaces. Keeps the local admin token. */
  restoreBackup(data: string, passphrase: string): Promise<RestoreSummary>;

  /** Writes pending coalesced changes now. */
  flush(): void;
  close(): void;
}
