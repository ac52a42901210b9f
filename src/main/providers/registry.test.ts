import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { defaultSettings } from '../../shared/domain/settings';
import { silentLogger } from '../logs/types';
import { createMemoryChatLedger } from './minimax-agent';
import { PROVIDER_MODULES } from './modules';
import { createProviderRegistry, createRegistryFromModules } from './registry';
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

describe('production registry from modules', () => {
  const deps = { now: () => 0, logger: silentLogger, settings: defaultSettings, chatLedger: createMemoryChatLedger() };

  it('builds one provider per module, each carrying its module’s capabilities', () => {
    const registry = createRegistryFromModules(PROVIDER_MODULES, deps);
    expect(registry.list().map((provider) => provider.kind)).toEqual(PROVIDER_MODULES.map((module) => module.id));
    expect(registry.get('minimax-agent').capabilities).toMatchObject({ nativeTools: false, webSearch: true, speech: false });
    expect(registry.get('minimax-open').capabilities).toMatchObject({ nativeTools: true, speech: true });
    expect(typeof registry.get('minimax-open').speech).toBe('function');
  });

  it('refuses a module whose factory builds a provider of another kind', () => {
    const wrong = { ...PROVIDER_MODULES[1]!, id: 'minimax-agent' as const };
    expect(() => createRegistryFromModules([wrong], deps)).toThrow(/built a minimax-open provider/);
  });

  it('refuses a module whose declared features its hooks or provider do not back', () => {
    const [agent, open] = PROVIDER_MODULES;
    const noCookies = { ...agent!, cookies: undefined };
    expect(() => createRegistryFromModules([noCookies], deps)).toThrow(/declares cookies on but lacks/);
    const claimsDiagnosis = { ...open!, features: { ...open!.features, diagnosis: true } };
    expect(() => createRegistryFromModules([claimsDiagnosis], deps)).toThrow(/declares diagnosis on but lacks/);
  });
});
