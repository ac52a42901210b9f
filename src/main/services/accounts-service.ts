/** BridgeApi.accounts: list, import, check, edit, remove and clean up upstream chats. */
import type { BridgeApi } from '../../shared/contract';
import type { AccountRecord, AccountSummary, Region } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import type { AccountRepository } from '../accounts/account-repository';
import type { ProviderLookup } from '../relay/types';
import type { ProviderModule } from '../providers/module';
import { findProviderModule, PROVIDER_MODULES } from '../providers/modules';
import type { UpstreamProvider } from '../providers/types';
import { parseCookieHeader } from '../oauth/cookie-header';
import { checkAccount } from './account-check';
import { importAccounts } from './account-import';
import { createProgress } from './progress';
import type { BaseUrlFor, ServiceContext } from './types';

export interface AccountsServiceDeps extends ServiceContext {
  repository: AccountRepository;
  providers: ProviderLookup;
  /** The provider modules (credential parsers, defaults); default: the production list. */
  modules?: readonly ProviderModule[];
  busyCount(accountId: string): number;
  baseUrlFor: BaseUrlFor;
  defaultRegion(): Region;
  /** The desktop login window; absent on the web host. */
  login?: BridgeApi['accounts']['login'];
}

export function createAccountsService(deps: AccountsServiceDeps): BridgeApi['accounts'] {
  const { repository } = deps;
  const summary = (record: AccountRecord): AccountSummary => repository.toSummary(record, deps.busyCount(record.id));
  const list = (): AccountSummary[] => repository.list().map(summary);

  function providerFor(kind: AccountRecord['provider']): UpstreamProvider {
    const provider = deps.providers.get(kind);
    if (!provider) throw new RelayError('internal', `No upstream provider for ${kind} accounts is installed.`);
    return provider;
  }
  const modules = deps.modules ?? PROVIDER_MODULES;
  const moduleFor = (kind: AccountRecord['provider']): ProviderModule => findProviderModule(kind, modules);
  const checkDeps = {
    repository,
    providerFor: (record: AccountRecord) => providerFor(record.provider),
    moduleFor: (record: AccountRecord) => moduleFor(record.provider),
    baseUrlFor: deps.baseUrlFor,
    now: deps.now,
  };

  return {
    list: async () => list(),
    async import(input) {
      if (input.provider !== undefined && !modules.some((module) => module.id === input.provider)) {
        throw new RelayError('invalid_request', `No provider ${input.provider} is installed.`, { provider: input.provider });
      }
      const defaultProvider = modules[0]?.id;
      if (defaultProvider === undefined) throw new RelayError('internal', 'No provider module is registered.');
      return importAccounts(
        { ...deps, moduleFor, providerFor, defaultProvider },
        {
          text: input.text,
          region: input.region ?? deps.defaultRegion(),
          ...(input.label ? { label: input.label } : {}),
          ...(input.provider ? { provider: input.provider } : {}),
          ...(input.keyKind ? { keyKind: input.keyKind } : {}),
        },
      );
    },
    validate: async ({ id }) => summary(await checkAccount(checkDeps, id)),
    async validateAll() {
      const records = repository.list();
      const progress = createProgress(deps.events, 'validate', records.length);
      for (const [index, record] of records.entries()) {
        try {
          await checkAccount(checkDeps, record.id);
        } catch (error) {
          // One unreachable account must not stop the others; its status is left as it was.
          deps.logger.warn({ err: error, accountId: record.id }, 'account check failed');
        }
        progress.report(index + 1, `Checked ${record.label}`, records.length, { step: 'validate_checked', params: { label: record.label } });
      }
      return list();
    },
    update: async ({ id, ...patch }) => summary(repository.update(id, patch)),
    reset: async ({ id }) => summary(repository.reset(id)),
    remove: async ({ id }) => repository.remove(id),
    async cleanupChats({ id }) {
      const record = repository.get(id);
      const upstream = repository.toProviderAccount(record, deps.baseUrlFor(record.region, record.provider));
      const progress = createProgress(deps.events, 'cleanup', 0);
      return providerFor(record.provider).cleanupChats(upstream, ({ done, total }) => {
        progress.report(done, `Deleted ${done} of ${total} chats`, total, { step: 'cleanup_deleted', params: { done, total } });
      });
    },
    async setCookies({ id, cookies }) {
      const record = repository.get(id);
      const hooks = moduleFor(record.provider).cookies;
      if (!hooks) throw new RelayError('invalid_request', 'Only web accounts have cookies.', { id });
      const parsed = parseCookieHeader(cookies);
      if (!parsed.ok) throw new RelayError('invalid_credential', parsed.message);
      return summary(repository.updateCredential(id, (credential) => hooks.write(credential, parsed.header)));
    },
    async diagnose({ id }) {
      const record = repository.get(id);
      const provider = providerFor(record.provider);
      if (!provider.diagnose) {
        throw new RelayError('invalid_request', 'A diagnosis is available for MiniMax web accounts only.', { reason: 'not_supported' });
      }
      return provider.diagnose(repository.toProviderAccount(record, deps.baseUrlFor(record.region, record.provider)));
    },
    async login(input) {
      if (deps.login) return deps.login(input);
      throw new RelayError('invalid_request', 'Logging in with a window is available in the desktop app. Paste a token or a realUserID+token string instead.', {
        reason: 'desktop_only',
      });
    },
  };
}
