import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelMapping } from '../../shared/domain/model-mapping';
import { compilePattern, validateMappingInput } from './mapping-patterns';

const existing: ModelMapping[] = [{ id: 'm1', pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: null, createdAt: 1 }];

describe('compilePattern', () => {
  it('treats * as any run of characters and everything else literally', () => {
    expect(compilePattern('gpt-*').test('gpt-4o')).toBe(true);
    expect(compilePattern('gpt-*').test('gpt-')).toBe(true);
    expect(compilePattern('gpt-*').test('my-gpt-4')).toBe(false);
    expect(compilePattern('gpt-4.1').test('gpt-4x1')).toBe(false);
    expect(compilePattern('models/gemini-*').test('MODELS/gemini-1.5-pro')).toBe(true);
    expect(compilePattern('a*b*a').test('aba')).toBe(true);
    expect(compilePattern('a*b*a').test('ab')).toBe(false);
    expect(compilePattern('*').test('')).toBe(true);
  });

  it('agrees with the equivalent anchored regular expression', () => {
    const toRegExp = (pattern: string): RegExp => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')}$`, 'i');
    const text = fc.array(fc.constantFrom('a', 'b', 'A', '-', '.'), { maxLength: 10 }).map((c) => c.join(''));
    const pattern = fc.array(fc.constantFrom('a', 'b', '*', '.', 'ab'), { maxLength: 8 }).map((c) => c.join(''));
    fc.assert(fc.property(pattern, text, (p, t) => compilePattern(p).test(t) === toRegExp(p).test(t)), { numRuns: 5000, seed: 14 });
  });

  it('matches a 20-star pattern against a 64-character near miss without backtracking', () => {
    const pattern = `${'a*'.repeat(20)}b`;
    expect(compilePattern(pattern).test('a'.repeat(64))).toBe(false);
    expect(compilePattern(pattern).test(`${'a'.repeat(64)}b`)).toBe(true);
  });
});

describe('validateMappingInput', () => {
  it('normalises the target to its catalog spelling', () => {
    expect(validateMappingInput({ pattern: ' claude-* ', target: 'minimax-m2.5-think', accountId: null }, existing)).toEqual({
      pattern: 'claude-*',
      target: 'MiniMax-M2.5-Think',
      accountId: null,
    });
  });

  it.each([
    [{ pattern: 'bad pattern', target: 'MiniMax-M2.7' }, 'pattern'],
    [{ pattern: 'a**b', target: 'MiniMax-M2.7' }, 'pattern'],
    [{ pattern: 'x', target: 'gpt-4' }, 'target'],
    [{ pattern: 'GPT-*', target: 'MiniMax-M2.5' }, 'pattern'],
    [{ pattern: 'minimax-m2.7', target: 'MiniMax-M2.5' }, 'pattern'],
  ])('rejects %j (field %s)', (input, field) => {
    expect(() => validateMappingInput({ accountId: null, ...input }, existing)).toThrow(expect.objectContaining({ code: 'invalid_request', detail: expect.objectContaining({ field }) }));
  });

  it('allows keeping the same pattern when editing that mapping', () => {
    expect(validateMappingInput({ pattern: 'gpt-*', target: 'MiniMax-M2.5', accountId: 'a' }, existing, { ignoreId: 'm1' }).target).toBe('MiniMax-M2.5');
  });
});
