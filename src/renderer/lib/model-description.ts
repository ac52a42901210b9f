import type { CatalogModel } from '../../shared/domain/model-mapping';
import type { MessageKey } from './i18n';

/**
 * A catalog model's description in the UI language, built from what the model is (latest or
 * previous base, thinking, web search) rather than from the relay's English description.
 */
export function modelDescriptionKeys(model: CatalogModel, catalog: readonly CatalogModel[]): { summary: MessageKey; note: MessageKey } {
  const latestBase = catalog.find((m) => m.isDefault)?.base ?? catalog[0]?.base;
  const summary: MessageKey = model.base === latestBase ? 'models.desc.latest' : 'models.desc.previous';
  const note: MessageKey =
    model.thinking && model.webSearch ? 'models.desc.thinkSearch' : model.thinking ? 'models.desc.think' : model.webSearch ? 'models.desc.search' : 'models.desc.fast';
  return { summary, note };
}
