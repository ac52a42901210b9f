import { describe, expect, it } from 'vitest';
import type { ModelMapping } from '../../shared/domain/model-mapping';
import { validateAlias } from './alias-validation';

describe('validateAlias', () => {
  const existing: ModelMapping[] = [{ id: 'm1', pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: null, createdAt: 0 }];
  const catalog = ['MiniMax-M2.7', 'MiniMax-M2.5'];
  it('accepts exact names and wildcards', () => {
    expect(validateAlias({ pattern: 'claude-*', target: 'MiniMax-M2.5', accountId: null }, existing, catalog)).toEqual({});
  });
  it('rejects empty, malformed and duplicate patterns and unknown targets', () => {
    expect(validateAlias({ pattern: ' ', target: 'x', accountId: null }, existing, catalog)).toEqual({ pattern: 'models.patternRequired', target: 'models.targetRequired' });
    expect(validateAlias({ pattern: 'gpt 4', target: 'MiniMax-M2.7', accountId: null }, existing, catalog).pattern).toBe('models.patternInvalid');
    expect(validateAlias({ pattern: 'GPT-*', target: 'MiniMax-M2.7', accountId: null }, existing, catalog).pattern).toBe('models.patternDuplicate');
  });
  it('allows saving an alias under its own pattern while editing it', () => {
    expect(validateAlias({ pattern: 'gpt-*', target: 'MiniMax-M2.5', accountId: null }, existing, catalog, 'm1')).toEqual({});
  });
});
