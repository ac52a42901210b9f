/**
 * BridgeApi.models: the catalog, user aliases (exact names or `*` wildcards → a catalog model,
 * optionally pinned to one account) and explain(), which shows how a name resolves before a
 * client relies on it.
 */
import type { BridgeApi } from '../../shared/contract';
import type { ModelMapping, ModelMappingInput } from '../../shared/domain/model-mapping';
import { RelayError } from '../../shared/errors';
import type { ModelResolver } from '../models/types';
import type { RelayStore } from '../store/relay-store-types';

export interface ModelsServiceDeps {
  resolver: ModelResolver;
  store: Pick<RelayStore, 'listMappings' | 'getMapping' | 'saveMapping' | 'removeMapping' | 'getAccount'>;
  now(): number;
}

const PATTERN = /^[A-Za-z0-9._:/@*-]+$/;

function checkMapping(deps: ModelsServiceDeps, input: ModelMappingInput, id: string | null): ModelMappingInput {
  const pattern = input.pattern.trim();
  const target = input.target.trim();
  if (!PATTERN.test(pattern)) {
    throw new RelayError('invalid_request', 'A model name pattern may use letters, digits, . _ - : / @ and * as a wildcard.', { field: 'pattern' });
  }
  if (!deps.resolver.catalog().some((model) => model.id === target)) {
    throw new RelayError('invalid_request', `${target} is not a catalog model; pick one from the catalog.`, { field: 'target' });
  }
  if (deps.resolver.catalog().some((model) => model.id === pattern)) {
    throw new RelayError('invalid_request', `${pattern} is a catalog model name; an alias cannot replace it.`, { field: 'pattern' });
  }
  const clash = deps.store.listMappings().find((m) => m.pattern.toLowerCase() === pattern.toLowerCase() && m.id !== id);
  if (clash) throw new RelayError('invalid_request', `An alias for ${pattern} already exists.`, { field: 'pattern', mappingId: clash.id });
  if (input.accountId !== null && !deps.store.getAccount(input.accountId)) {
    throw new RelayError('account_not_found', 'The account this alias is pinned to does not exist.', { field: 'accountId' });
  }
  return { pattern, target, accountId: input.accountId };
}

export function createModelsService(deps: ModelsServiceDeps): BridgeApi['models'] {
  function existing(id: string): ModelMapping {
    const mapping = deps.store.getMapping(id);
    if (!mapping) throw new RelayError('not_found', `No model alias with id ${id}.`, { id });
    return mapping;
  }
  return {
    catalog: async () => deps.resolver.catalog(),
    listMappings: async () => deps.store.listMappings(),
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
