import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CleanupResult, ImportResult, ProgressEvent } from '../../shared/contract';
import type { AccountSummary, OpenKeyKind, ProviderKind, Region } from '../../shared/domain/account';
import type { ErrorInfo } from '../../shared/errors';
import type { RelayApi } from '../lib/api';
import { toDisplayError } from '../lib/api-error';
import { bindStore } from './bind';

export type AccountAction = 'validate' | 'toggle' | 'reset' | 'remove' | 'cleanup' | 'login' | 'cookies';

export interface AccountsState {
  accounts: AccountSummary[];
  loaded: boolean;
  error: ErrorInfo | null;
  /** Per account: the action running on it now. */
  pending: Record<string, AccountAction>;
  rowErrors: Record<string, ErrorInfo>;
  cleanupResults: Record<string, CleanupResult>;
  importing: boolean;
  importResult: ImportResult | null;
  /** Which provider the last import named (null: the default one), so only its own form shows the results. */
  importProvider: ProviderKind | null;
  validatingAll: boolean;
  /** How the last "Validate all" ended (null before one ran). */
  validateSummary: { total: number; active: number; problems: number } | null;
  /** The latest progress event of each kind of long operation, until it completes. */
  progress: Partial<Record<ProgressEvent['kind'], ProgressEvent>>;
  init(): () => void;
  load(): Promise<void>;
  importText(text: string, region?: Region, options?: { provider: ProviderKind; keyKind?: OpenKeyKind }): Promise<ImportResult | null>;
  validate(id: string): Promise<void>;
  validateAll(): Promise<void>;
  setEnabled(id: string, enabled: boolean): Promise<void>;
  reset(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  cleanupChats(id: string): Promise<void>;
  login(input: { id?: string; region?: Region }): Promise<void>;
  /** Sets (empty: removes) a web account's site cookies; true when saved. */
  setCookies(id: string, cookies: string): Promise<boolean>;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function upsert(accounts: AccountSummary[], account: AccountSummary): AccountSummary[] {
  const index = accounts.findIndex((a) => a.id === account.id);
  if (index < 0) return [...accounts, account];
  return accounts.map((a, i) => (i === index ? account : a));
}

export function createAccountsStore(api: RelayApi): StoreApi<AccountsState> {
  return createStore<AccountsState>()((set, get) => {
    async function onAccount(id: string, action: AccountAction, run: () => Promise<void>): Promise<void> {
      set((s) => ({ pending: { ...s.pending, [id]: action }, rowErrors: without(s.rowErrors, id) }));
      try {
        await run();
      } catch (error) {
        set((s) => ({ rowErrors: { ...s.rowErrors, [id]: toDisplayError(error) } }));
      } finally {
        set((s) => ({ pending: without(s.pending, id) }));
      }
    }
    const apply = (account: AccountSummary): void => set((s) => ({ accounts: upsert(s.accounts, account) }));

    return {
      accounts: [],
      loaded: false,
      error: null,
      pending: {},
      rowErrors: {},
      cleanupResults: {},
      importing: false,
      importResult: null,
      importProvider: null,
      validatingAll: false,
      validateSummary: null,
      progress: {},
      init() {
        const stops = [
          api.on('accounts:changed', (accounts) => set({ accounts, loaded: true })),
          api.on('progress', (event) =>
            set((s) => ({ progress: { ...s.progress, [event.kind]: event.done >= event.total ? undefined : event } })),
          ),
        ];
        return () => stops.forEach((stop) => stop());
      },
      async load() {
        try {
          set({ accounts: await api.accounts.list(), loaded: true, error: null });
        } catch (error) {
          set({ error: toDisplayError(error), loaded: true });
        }
      },
      async importText(text, region, options) {
        set({ importing: true, importResult: null, error: null, importProvider: options?.provider ?? null });
        try {
          const result = await api.accounts.import({ text, ...(region ? { region } : {}), ...options });
          set({ importResult: result });
          await get().load();
          return result;
        } catch (error) {
          set({ error: toDisplayError(error) });
          return null;
        } finally {
          set((s) => ({ importing: false, progress: { ...s.progress, import: undefined, validate: undefined } }));
        }
      },
      validate: (id) => onAccount(id, 'validate', async () => apply(await api.accounts.validate({ id }))),
      async validateAll() {
        set({ validatingAll: true, error: null, validateSummary: null });
        try {
          const accounts = await api.accounts.validateAll();
          const active = accounts.filter((a) => a.status === 'active').length;
          const problems = accounts.filter((a) => a.enabled && a.status !== 'active').length;
          set({ accounts, validateSummary: { total: accounts.length, active, problems } });
        } catch (error) {
          set({ error: toDisplayError(error) });
        } finally {
          set((s) => ({ validatingAll: false, progress: { ...s.progress, validate: undefined } }));
        }
      },
      setEnabled: (id, enabled) => onAccount(id, 'toggle', async () => apply(await api.accounts.update({ id, enabled }))),
      reset: (id) => onAccount(id, 'reset', async () => apply(await api.accounts.reset({ id }))),
      remove: (id) =>
        onAccount(id, 'remove', async () => {
          await api.accounts.remove({ id });
          set((s) => ({ accounts: s.accounts.filter((a) => a.id !== id) }));
        }),
      cleanupChats: (id) =>
        onAccount(id, 'cleanup', async () => {
          const result = await api.accounts.cleanupChats({ id });
          set((s) => ({ cleanupResults: { ...s.cleanupResults, [id]: result } }));
        }),
      login: (input) =>
        onAccount(input.id ?? 'new', 'login', async () => {
          apply(await api.accounts.login(input));
        }),
      async setCookies(id, cookies) {
        let saved = false;
        await onAccount(id, 'cookies', async () => {
          apply(await api.accounts.setCookies({ id, cookies }));
          saved = true;
        });
        return saved;
      },
    };
  });
}

export const useAccountsStore = bindStore(createAccountsStore);
