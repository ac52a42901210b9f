/** Dispatches by provider kind, so callers never branch on which upstream an account uses. */
import type { ProviderKind } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import type { ProviderModule, ProviderModuleDeps } from './module';
import type { UpstreamProvider } from './types';

export interface ProviderRegistry {
  /** The provider of that kind; RelayError `internal` when none was registered. */
  get(kind: ProviderKind): UpstreamProvider;
  has(kind: ProviderKind): boolean;
  list(): UpstreamProvider[];
}

export function createProviderRegistry(providers: readonly UpstreamProvider[]): ProviderRegistry {
  const byKind = new Map<ProviderKind, UpstreamProvider>();
  for (const provider of providers) {
    if (byKind.has(provider.kind)) throw new RelayError('internal', `Two providers registered for ${provider.kind}.`);
    byKind.set(provider.kind, provider);
  }
  return {
    get(kind) {
      const provider = byKind.get(kind);
      if (!provider) throw new RelayError('internal', `No provider is registered for ${kind}.`);
      return provider;
    },
    has: (kind) => byKind.has(kind),
    list: () => [...byKind.values()],
  };
}

/** A module's declared features must be backed by its hooks and its provider's methods. */
function checkFeatures(module: ProviderModule, provider: UpstreamProvider): void {
  const backed = {
    cookies: module.cookies !== undefined,
    diagnosis: provider.diagnose !== undefined,
    loginWindow: module.loginCredential !== undefined,
  };
  for (const [feature, present] of Object.entries(backed)) {
    if (module.features[feature as keyof typeof backed] !== present) {
      throw new RelayError('internal', `The ${module.id} module declares ${feature} ${present ? 'off but has' : 'on but lacks'} what backs it.`);
    }
  }
}

/** Builds each module's provider (with the module's declared capabilities): the registry production uses. */
export function createRegistryFromModules(modules: readonly ProviderModule[], deps: ProviderModuleDeps): ProviderRegistry {
  return createProviderRegistry(
    modules.map((module) => {
      const provider = module.create(deps);
      if (provider.kind !== module.id) throw new RelayError('internal', `The ${module.id} module built a ${provider.kind} provider.`);
      checkFeatures(module, provider);
      return provider.capabilities ? provider : { ...provider, capabilities: module.capabilities };
    }),
  );
}
