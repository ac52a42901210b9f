import type { CatalogModel, ModelResolution } from '../../shared/domain/model-mapping';

export interface ModelResolver {
  catalog(): CatalogModel[];
  /**
   * Resolves a client's model name: exact catalog name, then exact alias, then wildcard aliases
   * (longest literal part first), then the default model (or RelayError `model_not_found` when
   * strict model names are on). Request-level hints (OpenAI `reasoning_effort`, Anthropic
   * `thinking`, `web_search_options`) override the capabilities the name implies.
   */
  resolve(name: string, hints?: { thinking?: boolean; webSearch?: boolean }): ModelResolution;
}
