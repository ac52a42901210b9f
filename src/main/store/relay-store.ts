import type { z } from 'zod';
import type { RestoreSummary } from '../../shared/contract';
import { accountRecordSchema, type AccountRecord, type ProviderKind } from '../../shared/domain/account';
import { modelMappingSchema, type ModelMapping } from '../../shared/domain/model-mapping';
import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings';
import { RelayError } from '../../shared/errors';
import { silentLogger, type Logger } from '../logs/types';
import { createBackup, fromPortableDocument, openBackup, toPortableDocument } from './backup';
import { DocumentHolder } from './document-holder';
import type { DocumentStore } from './document-store';
import { loadDocument } from './load-document';
import { openDocument } from './open-document';
import type { ChatLedger, RelayStore } from './relay-store-types';
import type { StoreDocument } from './schema';
import type { SecretBox } from './secret-box';

export interface RelayStoreDeps {
  secretBox: SecretBox;
  now?: () => number;
  logger?: Logger;
  /** Delay before a coalesced write (ms). */
  coalesceMs?: number;
  /**
   * The providers whose accounts the store holds: the registered provider modules' ids. An account
   * of another provider is refused (saved, restored, or found in the file). Absent: any provider id.
   */
  providerKinds?: readonly ProviderKind[];
}

function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const next: Record<string, unknown> = { ...current };
  for (const [section, value] of Object.entries(patch)) {
    if (value === undefined || section === 'apiKeys') continue;
    const base = (current as Record<string, unknown>)[section];
    next[section] = typeof base === 'object' && base !== null ? { ...base, ...(value as object) } : value;
  }
  const parsed = settingsSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RelayError('invalid_request', `Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RelayError('invalid_request', `Invalid ${what}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid value'}`);
  }
  return parsed.data;
}

/** The first account whose provider is not among `kinds`, as a message; null when all are. */
function unknownProvider(accounts: readonly AccountRecord[], kinds: readonly ProviderKind[] | undefined): string | null {
  const stray = kinds ? accounts.find((account) => !kinds.includes(account.provider)) : undefined;
  return stray ? `account ${stray.id} is of provider ${stray.provider}, which this relay does not have (it has ${kinds?.join(', ')})` : null;
}

/** The typed, cached access to the persisted document that the rest of the relay uses. */
export function createRelayStore(documentStore: DocumentStore, deps: RelayStoreDeps): RelayStore {
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger;
  const coalesceMs = deps.coalesceMs ?? 1000;
  const opened = openDocument(documentStore, now, logger);
  const strayInFile = unknownProvider(opened.accounts, deps.providerKinds);
  // The file is left as it is: a relay with that provider can still open it.
  if (strayInFile) throw new RelayError('store_corrupt', `The settings file cannot be used: ${strayInFile}.`, { path: documentStore.path });
  const holder = new DocumentHolder(documentStore, opened, { coalesceMs, logger });
  const doc = (): StoreDocument => holder.current;
  const commit = holder.commit.bind(holder);

  function setLedger(accountId: string, ids: number[]): void {
    const chatLedger = { ...doc().chatLedger };
    if (ids.length > 0) chatLedger[accountId] = ids;
    else delete chatLedger[accountId];
    // A lost `add` would leave an upstream chat nobody deletes, but a sync write per reply would
    // stall the proxy; the coalescing window is short and close() writes the rest.
    commit({ ...doc(), chatLedger }, { section: 'ledger', accountId }, { coalesce: true });
  }

  const chatLedger: ChatLedger = {
    add(accountId, chatId) {
      const list = doc().chatLedger[accountId] ?? [];
      if (!list.includes(chatId)) setLedger(accountId, [...list, chatId]);
    },
    remove(accountId, chatId) {
      const list = doc().chatLedger[accountId];
      if (list?.includes(chatId)) setLedger(accountId, list.filter((id) => id !== chatId));
    },
    list: (accountId) => [...(doc().chatLedger[accountId] ?? [])],
  };

  function replaceWith(next: StoreDocument): StoreDocument {
    const stray = unknownProvider(next.accounts, deps.providerKinds);
    if (stray) throw new RelayError('invalid_request', `Invalid document: ${stray}.`);
    commit(next, { section: 'document' });
    return structuredClone(doc());
  }

  function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
    const index = list.findIndex((existing) => existing.id === item.id);
    return index === -1 ? [...list, item] : list.map((existing, i) => (i === index ? item : existing));
  }

  return {
    path: documentStore.path,
    // The holder's document is frozen: settings, accounts and mappings are handed out as they are,
    // read several times per proxied request (the pool reads every account on each dispatch).
    getSettings: () => doc().settings,
    updateSettings(patch) {
      commit({ ...doc(), settings: mergeSettings(doc().settings, patch) }, { section: 'settings' });
      return structuredClone(doc().settings);
    },
    setApiKeys(keys) {
      const settings = validate(settingsSchema, { ...doc().settings, apiKeys: keys }, 'API keys');
      commit({ ...doc(), settings }, { section: 'settings' });
      return structuredClone(doc().settings);
    },
    listAccounts: () => doc().accounts,
    getAccount(id) {
      const found = doc().accounts.find((account) => account.id === id);
      return found ? structuredClone(found) : null;
    },
    saveAccount(record, options) {
      const valid: AccountRecord = validate(accountRecordSchema, record, 'account');
      const stray = unknownProvider([valid], deps.providerKinds);
      if (stray) throw new RelayError('invalid_request', `Invalid account: ${stray}.`);
      commit({ ...doc(), accounts: upsertById(doc().accounts, valid) }, { section: 'accounts', accountId: valid.id }, options);
      return structuredClone(valid);
    },
    removeAccount(id) {
      if (!doc().accounts.some((account) => account.id === id)) return false;
      const chatLedger = { ...doc().chatLedger };
      delete chatLedger[id];
      commit(
        {
          ...doc(),
          accounts: doc().accounts.filter((account) => account.id !== id),
          chatLedger,
          mappings: doc().mappings.map((mapping) => (mapping.accountId === id ? { ...mapping, accountId: null } : mapping)),
        },
        { section: 'accounts', accountId: id },
      );
      return true;
    },
    listMappings: () => doc().mappings,
    getMapping(id) {
      const found = doc().mappings.find((mapping) => mapping.id === id);
      return found ? structuredClone(found) : null;
    },
    saveMapping(mapping) {
      const valid: ModelMapping = validate(modelMappingSchema, mapping, 'model mapping');
      commit({ ...doc(), mappings: upsertById(doc().mappings, valid) }, { section: 'mappings' });
      return structuredClone(valid);
    },
    removeMapping(id) {
      if (!doc().mappings.some((mapping) => mapping.id === id)) return false;
      commit({ ...doc(), mappings: doc().mappings.filter((mapping) => mapping.id !== id) }, { section: 'mappings' });
      return true;
    },
    chatLedger,
    getAdminTokenHash: () => doc().adminTokenHash ?? null,
    setAdminTokenHash(hash) {
      commit({ ...doc(), adminTokenHash: hash }, { section: 'settings' });
    },
    onChange: (listener) => holder.onChange(listener),
    exportDocument: () => structuredClone(doc()),
    replaceDocument: (raw) => replaceWith(loadDocument(raw).doc),
    async exportBackup(passphrase) {
      return createBackup(toPortableDocument(doc(), deps.secretBox), passphrase, now);
    },
    async restoreBackup(data, passphrase): Promise<RestoreSummary> {
      const restored = fromPortableDocument(await openBackup(data, passphrase), deps.secretBox);
      // The management token belongs to this machine, not to the backup's origin.
      replaceWith({ ...restored, adminTokenHash: doc().adminTokenHash ?? null });
      return { accounts: restored.accounts.length, mappings: restored.mappings.length, apiKeys: restored.settings.apiKeys.length };
    },
    flush: () => holder.flush(),
    close: () => holder.close(),
  };
}
