import type { ModelResolution } from '../../shared/domain/model-mapping';
import type { Translate } from './i18n';

function headline(t: Translate, resolution: ModelResolution, pattern: string | null): string | null {
  const vars = { requested: resolution.requested, model: resolution.model };
  if (resolution.via === 'catalog') return t('models.explain.catalog', vars);
  if (resolution.via === 'default') return t('models.explain.default', vars);
  if (pattern === null) return null;
  return t(resolution.via === 'alias' ? 'models.explain.alias' : 'models.explain.wildcard', { ...vars, pattern });
}

/**
 * How a model name resolves, in the UI language, from the resolution's values. The pinned account
 * is left out: the explain panel names it by its label beside this text. A relay that sends no
 * values (an older one) gets its English explanation shown as it is.
 */
export function modelExplanationText(t: Translate, resolution: ModelResolution): string {
  const params = resolution.explanationParams;
  const head = params ? headline(t, resolution, params.pattern) : null;
  if (!params || head === null) return resolution.explanation;
  const capabilities = t('models.explain.capabilities', {
    thinking: t(resolution.thinking ? 'models.explain.on' : 'models.explain.off'),
    search: t(resolution.webSearch ? 'models.explain.on' : 'models.explain.off'),
  });
  const text = t('models.explain.full', { head, capabilities });
  return params.overridden ? `${text}${t('models.explain.separator')}${t('models.explain.overridden')}` : text;
}
