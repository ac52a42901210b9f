import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { createProviderRegistry } from './registry';
import type { UpstreamProvider } from './types';

function fake(kind: UpstreamProvider['kind']): UpstreamProvider {
  return {
    kind,
    chat: async function* () {},
    validate: async () => ({ realUserId: '1', userName: null, email: null, tokenExpiresAt: null }),
    credits: async () => null,
    cleanupChats: async () => ({ deleted: 0, failed: 0, skipped: 0 }),
  };
}

describe('provider registry', () => {
  it('returns the provider of each kind', () => {
    const agent = fake('minimax-agent');
    const open = fake('minimax-open');
    const registry = createProviderRegistry([agent, open]);
    expect(registry.get('minimax-agent')).toBe(agent);
    expect(registry.get('minimax-open')).toBe(open);
    expect(registry.list()).toEqual([agent, open]);
  });

  it('fails clearly for a missing kind and refuses duplicates', () => {
    const registry = createProviderRegistry([fake('minimax-agent')]);
    expect(registry.has('minimax-open')).toBe(false);
    expect(() => registry.get('minimax-open')).toThrow(RelayError);
    expect(() => createProviderRegistry([fake('minimax-agent'), fake('minimax-agent')])).toThrow(/Two providers/);
  });
});
