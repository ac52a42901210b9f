import { describe, expect, it } from 'vitest';
import type { ModelResolution } from '../../shared/domain/model-mapping';
import { createTranslator } from './i18n';
import { modelExplanationText } from './model-explanation';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

function resolution(over: Partial<ModelResolution>): ModelResolution {
  return {
    requested: 'gpt-4o',
    model: 'MiniMax-M2.7',
    thinking: false,
    webSearch: false,
    via: 'wildcard',
    mappingId: 'm1',
    accountId: null,
    explanation: 'gpt-4o matched alias gpt-* (wildcard) → MiniMax-M2.7: deep thinking off, web search off',
    explanationParams: { pattern: 'gpt-*', overridden: false },
    ...over,
  };
}

describe('modelExplanationText', () => {
  it('explains a wildcard alias in both languages', () => {
    expect(modelExplanationText(en, resolution({}))).toBe('gpt-4o matched wildcard alias gpt-* → MiniMax-M2.7: deep thinking off, web search off');
    expect(modelExplanationText(zh, resolution({}))).toBe('gpt-4o 匹配通配别名 gpt-* → MiniMax-M2.7：深度思考关闭，联网搜索关闭');
  });

  it('explains a catalog hit, an exact alias and the default fallback in Chinese', () => {
    const catalog = resolution({ requested: 'MiniMax-M2.7-Think', model: 'MiniMax-M2.7-Think', via: 'catalog', thinking: true, explanationParams: { pattern: null, overridden: false } });
    expect(modelExplanationText(zh, catalog)).toBe('MiniMax-M2.7-Think 是目录中的模型 → MiniMax-M2.7-Think：深度思考开启，联网搜索关闭');
    const alias = resolution({ via: 'alias', explanationParams: { pattern: 'gpt-4o', overridden: false } });
    expect(modelExplanationText(zh, alias)).toMatch(/^gpt-4o 匹配别名 gpt-4o → /);
    const fallback = resolution({ requested: 'foo', via: 'default', explanationParams: { pattern: null, overridden: false } });
    expect(modelExplanationText(zh, fallback)).toMatch(/^foo 是未知名称，使用默认模型 → MiniMax-M2.7：/);
    expect(modelExplanationText(en, fallback)).toMatch(/^foo is unknown; using the default model → MiniMax-M2.7: /);
  });

  it('says when request options override the name', () => {
    const overridden = resolution({ webSearch: true, explanationParams: { pattern: 'gpt-*', overridden: true } });
    expect(modelExplanationText(en, overridden)).toMatch(/web search on; request options override the name$/);
    expect(modelExplanationText(zh, overridden)).toMatch(/联网搜索开启；请求参数覆盖了名称中的设置$/);
  });

  it('shows the relay text as it is when the resolution carries no values', () => {
    const old = resolution({ explanationParams: undefined });
    expect(modelExplanationText(zh, old)).toBe(old.explanation);
  });
});
