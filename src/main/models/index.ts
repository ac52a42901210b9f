export type { ModelResolver } from './types';
export { DEFAULT_MODEL, MODEL_CATALOG, catalogNames, findCatalogModel, variantOf } from './catalog';
export { compilePattern, isWildcard, specificity, validateMappingInput } from './mapping-patterns';
export { createModelResolver, type ModelResolverDeps } from './model-resolver';
