import { describe, expect, it } from 'vitest';
import type { ModelMapping } from '../../shared/domain/model-mapping';
import { defaultSettings } from '../../shared/domain/settings';
import { MODEL_CATALOG } from './catalog';
import { createModelResolver } from './model-resolver';

function mapping(id: string, pattern: string, target: string, createdAt = 1, accountId: string | null = null): ModelMapping {
  return { id, pattern, target, accountId, createdAt };
}

function resolver(mappings: ModelMapping[] = [], models: Partial<{ strict: boolean; defaultModel: string }> = {}) {
  const settings = defaultSettings();
  settings.models = { ...settings.models, ...models };
  return createModelResolver({ getMappings: () => mappings, getSettings: () => settings });
}

describe('model catalog', () => {
  it('has both bases with four variants each, the API-key-only highspeed bases without search, M2.7 the default', () => {
    expect(MODEL_CATALOG.map((m) => m.id)).toEqual([
      'MiniMax-M2.7',
      'MiniMax-M2.7-Think',
      'MiniMax-M2.7-Search',
      'MiniMax-M2.7-Think-Search',
      'MiniMax-M2.5',
      'MiniMax-M2.5-Think',
      'MiniMax-M2.5-Search',
      'MiniMax-M2.5-Think-Search',
      'MiniMax-M2.7-highspeed',
      'MiniMax-M2.7-highspeed-Think',
      'MiniMax-M2.5-highspeed',
      'MiniMax-M2.5-highspeed-Think',
    ]);
    expect(MODEL_CATALOG.find((m) => m.id === 'MiniMax-M2.7-highspeed')).toMatchObject({ providers: ['minimax-open'] });
    expect(MODEL_CATALOG.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['MiniMax-M2.7']);
    expect(MODEL_CATALOG.find((m) => m.id === 'MiniMax-M2.5-Think-Search')).toMatchObject({ base: 'MiniMax-M2.5', thinking: true, webSearch: true });
    expect(MODEL_CATALOG.every((m) => m.description.length > 10)).toBe(true);
  });
});

describe('createModelResolver', () => {
  it('matches catalog names case-insensitively, the suffix setting capabilities', () => {
    expect(resolver().resolve('minimax-m2.7-think')).toMatchObject({ model: 'MiniMax-M2.7-Think', thinking: true, webSearch: false, via: 'catalog' });
    expect(resolver().resolve('MiniMax-M2.5')).toMatchObject({ thinking: false, webSearch: false });
    expect(resolver().resolve('MINIMAX-M2.5-SEARCH')).toMatchObject({ model: 'MiniMax-M2.5-Search', webSearch: true });
  });

  it('prefers an exact alias over a wildcard that also matches', () => {
    const r = resolver([mapping('w', 'gpt-*', 'MiniMax-M2.5'), mapping('e', 'gpt-4o', 'MiniMax-M2.7-Search')]);
    expect(r.resolve('GPT-4o')).toMatchObject({ model: 'MiniMax-M2.7-Search', via: 'alias', mappingId: 'e' });
    expect(r.resolve('gpt-3.5-turbo')).toMatchObject({ model: 'MiniMax-M2.5', via: 'wildcard', mappingId: 'w' });
  });

  it('among wildcards the most specific wins: longest literal, then fewest stars, then oldest', () => {
    const r = resolver([
      mapping('any', '*', 'MiniMax-M2.5', 1),
      mapping('claude', 'claude-*', 'MiniMax-M2.5-Think', 5),
      mapping('opus', 'claude-*-opus*', 'MiniMax-M2.7-Think', 9),
      mapping('old', 'x-*-b', 'MiniMax-M2.7', 1),
      mapping('new', 'x-a-*', 'MiniMax-M2.5', 2),
      mapping('stars', 'x*a*b', 'MiniMax-M2.5-Search', 0),
    ]);
    expect(r.resolve('claude-3-opus-20240229').mappingId).toBe('opus');
    expect(r.resolve('claude-3-haiku').mappingId).toBe('claude');
    expect(r.resolve('llama-3').mappingId).toBe('any');
    expect(r.resolve('x-a-b').mappingId).toBe('old');
    const fewer = resolver([mapping('two', 'q*r*', 'MiniMax-M2.5', 1), mapping('one', 'qr*', 'MiniMax-M2.7', 2)]);
    expect(fewer.resolve('qrs').mappingId).toBe('one');
  });

  it('explains the mapping in a sentence', () => {
    const r = resolver([mapping('c', 'claude-*', 'MiniMax-M2.5-Think')]);
    expect(r.resolve('claude-3-opus').explanation).toBe('claude-3-opus matched alias claude-* (wildcard) → MiniMax-M2.5-Think: deep thinking on, web search off');
  });

  it('gives the explanation as values too, for the UI to say in its language', () => {
    const r = resolver([mapping('c', 'claude-*', 'MiniMax-M2.5-Think'), mapping('g', 'gpt-4o', 'MiniMax-M2.7')]);
    expect(r.resolve('claude-3-opus').explanationParams).toEqual({ pattern: 'claude-*', overridden: false });
    expect(r.resolve('gpt-4o', { webSearch: true }).explanationParams).toEqual({ pattern: 'gpt-4o', overridden: true });
    expect(r.resolve('MiniMax-M2.7').explanationParams).toEqual({ pattern: null, overridden: false });
    expect(r.resolve('llama-3')).toMatchObject({ via: 'default', explanationParams: { pattern: null, overridden: false } });
  });

  it('falls back to the default model for unknown names', () => {
    expect(resolver([], { defaultModel: 'MiniMax-M2.5-Search' }).resolve('llama-3')).toMatchObject({ model: 'MiniMax-M2.5-Search', via: 'default', webSearch: true });
    expect(resolver().resolve('llama-3').explanation).toContain('default');
  });

  it('refuses unknown names in strict mode, listing the valid ones', () => {
    const call = () => resolver([], { strict: true }).resolve('llama-3');
    expect(call).toThrow(expect.objectContaining({ code: 'model_not_found' }));
    expect(call).toThrow(/MiniMax-M2\.7-Think-Search/);
  });

  it('lets request hints override what the name implies', () => {
    const r = resolver();
    expect(r.resolve('MiniMax-M2.7-Think', { thinking: false })).toMatchObject({ model: 'MiniMax-M2.7', thinking: false });
    expect(r.resolve('MiniMax-M2.7', { thinking: true, webSearch: true })).toMatchObject({ model: 'MiniMax-M2.7-Think-Search' });
    expect(r.resolve('MiniMax-M2.7', { thinking: true }).explanation).toContain('override');
  });

  it('carries the pinned account of an alias and reads mappings live', () => {
    const mappings: ModelMapping[] = [];
    const r = resolver(mappings);
    expect(r.resolve('gpt-4o').via).toBe('default');
    mappings.push(mapping('p', 'gpt-4o', 'MiniMax-M2.7', 1, 'acc-9'));
    expect(r.resolve('gpt-4o')).toMatchObject({ via: 'alias', accountId: 'acc-9' });
  });
});

describe('model name limits', () => {
  it('refuses a name longer than 256 characters with invalid_request on field model', () => {
    expect(() => resolver().resolve('m'.repeat(40_000))).toThrow(expect.objectContaining({ code: 'invalid_request', detail: { field: 'model' } }));
    expect(resolver().resolve('m'.repeat(256)).via).toBe('default');
  });
});
