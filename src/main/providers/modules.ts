/**
 * The provider modules production runs with. Adding a provider is one folder under `providers/`
 * plus one line here (and its id in `PROVIDER_KINDS`, which the stored documents validate against).
 */
import { RelayError } from '../../shared/errors';
import type { ProviderKind } from '../../shared/domain/account';
import { minimaxAgentModule } from './minimax-agent/module';
import { minimaxOpenModule } from './minimax-open';
import type { ProviderModule } from './module';

export const PROVIDER_MODULES: readonly ProviderModule[] = [minimaxAgentModule, minimaxOpenModule];

export function findProviderModule(kind: ProviderKind, modules: readonly ProviderModule[] = PROVIDER_MODULES): ProviderModule {
  const found = modules.find((module) => module.id === kind);
  if (!found) throw new RelayError('internal', `No provider module is registered for ${kind}.`);
  return found;
}
