import type { CatalogModel, ModelMapping, ModelResolution } from '../../shared/domain/model-mapping';
import { RelayError } from '../../shared/errors';
import { canSearch, catalogNames, DEFAULT_MODEL, findCatalogModel, MODEL_CATALOG, variantOf } from './catalog';
import { compilePattern, isWildcard, MAX_MODEL_NAME_LENGTH, specificity } from './mapping-patterns';
import type { ModelResolver } from './types';

export interface ModelResolverDeps {
  /** Read on every call so a new alias applies at once. */
  getMappings: () => readonly ModelMapping[];
  getSettings: () => { models: { strict: boolean; defaultModel: string } };
}

type Hints = { thinking?: boolean; webSearch?: boolean };

/** The most specific wildcard: longest literal text, then fewest `*`, then the oldest mapping. */
function findWildcard(name: string, mappings: readonly ModelMapping[]): ModelMapping | null {
  const matches = mappings.filter((mapping) => isWildcard(mapping.pattern) && compilePattern(mapping.pattern).test(name));
  matches.sort((a, b) => {
    const sa = specificity(a.pattern);
    const sb = specificity(b.pattern);
    return sb.literal - sa.literal || sa.stars - sb.stars || a.createdAt - b.createdAt;
  });
  return matches[0] ?? null;
}

function describeCapabilities(thinking: boolean, webSearch: boolean): string {
  return `deep thinking ${thinking ? 'on' : 'off'}, web search ${webSearch ? 'on' : 'off'}`;
}

function finish(
  requested: string,
  target: CatalogModel,
  via: ModelResolution['via'],
  mapping: ModelMapping | null,
  hints: Hints,
  how: string,
): ModelResolution {
  const thinking = hints.thinking ?? target.thinking;
  const webSearch = canSearch(target.base) && (hints.webSearch ?? target.webSearch);
  // The model that runs is the variant with the effective capabilities, so logs say what ran.
  const model = variantOf(target.base, { thinking, webSearch });
  const explanationParams = { pattern: mapping?.pattern ?? null, overridden: thinking !== target.thinking || webSearch !== target.webSearch };
  const overridden = explanationParams.overridden ? ' (request options override the name)' : '';
  const pinned = mapping?.accountId ? `; pinned to account ${mapping.accountId}` : '';
  return {
    requested,
    model: model.id,
    thinking,
    webSearch,
    via,
    mappingId: mapping?.id ?? null,
    accountId: mapping?.accountId ?? null,
    routing: mapping?.routing ?? null,
    providers: target.providers ?? null,
    explanation: `${requested} ${how} → ${model.id}: ${describeCapabilities(thinking, webSearch)}${overridden}${pinned}`,
    explanationParams,
  };
}

export function createModelResolver(deps: ModelResolverDeps): ModelResolver {
  return {
    catalog: () => MODEL_CATALOG.map((model) => ({ ...model })),
    resolve(rawName, hints = {}) {
      // Refused before any matching or logging: nothing about a name needs more, and work on it stays bounded.
      if (rawName.length > MAX_MODEL_NAME_LENGTH) {
        throw new RelayError('invalid_request', `The model name is longer than ${MAX_MODEL_NAME_LENGTH} characters.`, { field: 'model' });
      }
      const name = rawName.trim();
      const catalogHit = findCatalogModel(name);
      if (catalogHit) return finish(name, catalogHit, 'catalog', null, hints, 'is a catalog model');

      const mappings = deps.getMappings();
      const exact = mappings.find((mapping) => !isWildcard(mapping.pattern) && mapping.pattern.toLowerCase() === name.toLowerCase());
      const exactTarget = exact && findCatalogModel(exact.target);
      if (exact && exactTarget) return finish(name, exactTarget, 'alias', exact, hints, `matched alias ${exact.pattern}`);

      const wildcard = findWildcard(name, mappings);
      const wildcardTarget = wildcard && findCatalogModel(wildcard.target);
      if (wildcard && wildcardTarget) return finish(name, wildcardTarget, 'wildcard', wildcard, hints, `matched alias ${wildcard.pattern} (wildcard)`);

      const settings = deps.getSettings().models;
      if (settings.strict) {
        throw new RelayError('model_not_found', `The model "${name}" does not exist. Valid names: ${catalogNames().join(', ')}, or add an alias.`, { model: name });
      }
      const fallback = findCatalogModel(settings.defaultModel) ?? findCatalogModel(DEFAULT_MODEL);
      if (!fallback) throw new RelayError('internal', 'The default model is missing from the catalog.');
      return finish(name, fallback, 'default', null, hints, 'is unknown; using the default model');
    },
  };
}
