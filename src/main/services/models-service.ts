/**
 * BridgeApi.models: the catalog, user aliases (exact names or `*` wildcards → a catalog model,
 * optionally pinned to one account) and explain(), which shows how a name resolves before a
 * client relies on it.
 */
import type { BridgeApi } from '../../shared/contract';
import type { ModelMapping, ModelMappingInput } from '../../shared/domain/model-mapping';
import { RelayError } from '../../shared/errors';
import { validateMappingInput } from '../models/mapping-patterns';
import type { ModelResolver } from '../models/types';
import type { RelayStore } from '../store/relay-store-types';

export interface ModelsServiceDeps {
  resolver: ModelResolver;
  store: Pick<RelayStore, 'listMappings' | 'getMapping' | 'saveMapping' | 'removeMapping' | 'getAccount'>;
  now(): number;
}

/** Syntax, catalog target and duplicates are the resolver's rules; the pinned account is ours. */
function checkMapping(deps: ModelsServiceDeps, input: ModelMappingInput, id: string | null): ModelMappingInput {
  const checked = validateMappingInput(input, deps.store.listMappings(), id ? { ignoreId: id } : {});
  if (checked.accountId !== null && !deps.store.getAccount(checked.accountId)) {
    throw new RelayError('account_not_found', 'The account this alias is pinned to does not exist.', { field: 'accountId' });
  }
  return checked;
}

export function createModelsService(deps: ModelsServiceDeps): BridgeApi['models'] {
  function existing(id: string): ModelMapping {
    const mapping = deps.store.getMapping(id);
    if (!mapping) throw new RelayError('not_found', `No model alias with id ${id}.`, { id });
    return mapping;
  }
  return {
    catalog: async () => deps.resolver.catalog(),
    listMappings: async () => [...deps.store.listMappings()],
    async addMapping(input) {
      const checked = checkMapping(deps, input, null);
      return deps.store.saveMapping({ id: crypto.randomUUID(), ...checked, createdAt: deps.now() });
    },
    async updateMapping({ id, ...input }) {
      const before = existing(id);
      return deps.store.saveMapping({ ...before, ...checkMapping(deps, input, id) });
    },
    async removeMapping({ id }) {
      if (!deps.store.removeMapping(id)) throw new RelayError('not_found', `No model alias with id ${id}.`, { id });
    },
    explain: async ({ name }) => deps.resolver.resolve(name),
  };
}
