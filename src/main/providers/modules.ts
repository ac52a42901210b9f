/**
 * The provider modules production runs with. Adding a provider is one folder under `providers/`
 * plus one line here (and its id in `PROVIDER_KINDS` when the UI should show its translated label).
 */
import { RelayError } from '../../shared/errors';
import type { ProviderKind } from '../../shared/domain/account';
import { minimaxAgentModule } from './minimax-agent/module';
import { minimaxOpenModule } from './minimax-open';
import type { IdentifiedCredential, ProviderModule, ValidImportEntry } from './module';
import type { ProviderAccount, UpstreamProvider } from './types';

export const PROVIDER_MODULES: readonly ProviderModule[] = [minimaxAgentModule, minimaxOpenModule];

export function findProviderModule(kind: ProviderKind, modules: readonly ProviderModule[] = PROVIDER_MODULES): ProviderModule {
  const found = modules.find((module) => module.id === kind);
  if (!found) throw new RelayError('internal', `No provider module is registered for ${kind}.`);
  return found;
}

/** Who a pasted credential belongs to: the module's own check, or `validate` and the user id the entry claims. */
export async function identifyCredential(
  module: ProviderModule,
  provider: UpstreamProvider,
  probe: ProviderAccount,
  entry: ValidImportEntry,
): Promise<IdentifiedCredential> {
  if (module.identify) return module.identify(provider, probe, entry);
  const identity = await provider.validate(probe);
  if (entry.expectedUserId !== null && identity.realUserId !== entry.expectedUserId) {
    throw new RelayError('invalid_credential', 'The key belongs to a different account than the one given.');
  }
  return { credential: entry.credential, identity };
}
