import { describe, expect, it } from 'vitest';
import { PROVIDER_MODULES } from '../providers/modules';
import { orderProviders } from './routing-policy';

describe('orderProviders', () => {
  it('puts web accounts first and API keys as the fallback by default', () => {
    expect(orderProviders('web-first', PROVIDER_MODULES, { webSearch: false })).toEqual(['minimax-agent', 'minimax-open']);
    expect(orderProviders('api-key-only', PROVIDER_MODULES, { webSearch: false })).toEqual(['minimax-open']);
    expect(orderProviders('web-only', PROVIDER_MODULES, { webSearch: false })).toEqual(['minimax-agent']);
  });

  it('leaves out providers without web search when the model asks for it, and says why when none is left', () => {
    expect(orderProviders('web-first', PROVIDER_MODULES, { webSearch: true })).toEqual(['minimax-agent']);
    expect(() => orderProviders('api-key-only', PROVIDER_MODULES, { webSearch: true })).toThrow(/web search/);
  });
});
