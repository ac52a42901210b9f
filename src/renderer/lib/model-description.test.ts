import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../../shared/domain/model-mapping';
import { translate } from './i18n';
import { modelDescriptionKeys } from './model-description';

const model = (id: string, base: string, thinking: boolean, webSearch: boolean, isDefault = false): CatalogModel => ({ id, base, thinking, webSearch, isDefault, description: '' });
const catalog = [model('M2.7', 'M2.7', false, false, true), model('M2.7-Think-Search', 'M2.7', true, true), model('M2.5-Think', 'M2.5', true, false)];

describe('modelDescriptionKeys', () => {
  it('describes each catalog model from its base and capabilities, in both languages', () => {
    const describe = (m: CatalogModel, language: 'en' | 'zh-CN') => {
      const keys = modelDescriptionKeys(m, catalog);
      return translate(language, 'models.desc', { summary: translate(language, keys.summary), note: translate(language, keys.note) });
    };
    expect(describe(catalog[0]!, 'en')).toBe('Latest MiniMax Agent model: fast replies, no web search.');
    expect(describe(catalog[2]!, 'en')).toBe('Previous MiniMax Agent model: deep thinking (reasoning shown), no web search.');
    expect(describe(catalog[1]!, 'zh-CN')).toBe('最新的 MiniMax Agent 模型：深度思考并联网搜索。');
  });
});
