/**
 * The routing policy as an ordered list of providers for the pool: web accounts first with the
 * API key as a paid fallback (default), API keys only, or web accounts only. A request that needs
 * something only some providers offer (web search) leaves the others out.
 */
import type { ProviderKind } from '../../shared/domain/account';
import type { RoutingPolicy } from '../../shared/domain/settings';
import { RelayError } from '../../shared/errors';
import type { ProviderModule } from '../providers/module';

export type RoutingModule = Pick<ProviderModule, 'id' | 'access' | 'capabilities'>;

const POLICY_NAMES: Record<RoutingPolicy, string> = {
  'web-first': 'web accounts first, API keys as fallback',
  'api-key-only': 'API keys only',
  'web-only': 'web accounts only',
};

export function orderProviders(
  policy: RoutingPolicy,
  modules: readonly RoutingModule[],
  needs: { webSearch: boolean; only?: readonly ProviderKind[] | null },
): ProviderKind[] {
  const web = modules.filter((module) => module.access === 'web');
  const keys = modules.filter((module) => module.access === 'api-key');
  const ordered = policy === 'web-only' ? web : policy === 'api-key-only' ? keys : [...web, ...keys];
  const able = ordered.filter((module) => (!needs.webSearch || module.capabilities.webSearch) && (!needs.only || needs.only.includes(module.id)));
  if (able.length === 0 && needs.only) {
    throw new RelayError('no_account', `This model is served by ${needs.only.join(', ')} accounts only, which the routing policy (${POLICY_NAMES[policy]}) leaves out. Change the routing policy or use another model.`, { policy });
  }
  if (able.length === 0) {
    throw new RelayError(
      'no_account',
      `The model asks for web search, which no provider allowed by the routing policy (${POLICY_NAMES[policy]}) offers. Use a model name without -Search or change the routing policy.`,
      { policy },
    );
  }
  return able.map((module) => module.id);
}
