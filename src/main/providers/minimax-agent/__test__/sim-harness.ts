/**
 * Test support for integration tests against tools/minimax-sim: a provider pointed at the
 * simulator, and an account built from a simulator account.
 */
import type { SignatureVariant } from '../../../../shared/domain/settings';
import type { SimAccount, Simulator } from '../../../../../tools/minimax-sim';
import type { CanonicalEvent, CanonicalRequest } from '../../../relay/canonical';
import type { ProviderAccount, ProviderChatOptions } from '../../types';
import { createMinimaxAgentProvider } from '../index';
import { createMemoryChatLedger } from '../ledger';

export function toProviderAccount(sim: Simulator, account: SimAccount): ProviderAccount {
  return {
    id: `sim-${account.realUserId}`,
    label: account.name,
    region: 'cn',
    baseUrl: sim.url,
    credential: { kind: 'minimax-agent', token: account.token, realUserId: account.realUserId },
  };
}

export function createSimProvider(variant: { current: SignatureVariant } = { current: 'secret' }) {
  const ledger = createMemoryChatLedger();
  const provider = createMinimaxAgentProvider({ settings: () => ({ signatureVariant: variant.current }), chatLedger: ledger });
  return { provider, ledger, variant };
}

export function userRequest(text: string): CanonicalRequest {
  return {
    id: crypto.randomUUID(),
    dialect: 'openai',
    model: 'MiniMax-M2.7',
    stream: true,
    messages: [{ role: 'user', content: [{ type: 'text', text }] }],
  };
}

export function chatOptions(account: ProviderAccount, overrides: Partial<ProviderChatOptions> = {}): ProviderChatOptions {
  return {
    account,
    model: { id: 'MiniMax-M2.7', capabilities: { thinking: false, webSearch: false } },
    signal: new AbortController().signal,
    cleanup: true,
    timeoutMs: 30_000,
    ...overrides,
  };
}

export interface Collected {
  events: CanonicalEvent[];
  text: string;
  reasoning: string;
  error: unknown;
}

export async function collectReply(iterable: AsyncIterable<CanonicalEvent>): Promise<Collected> {
  const out: Collected = { events: [], text: '', reasoning: '', error: null };
  try {
    for await (const event of iterable) {
      out.events.push(event);
      if (event.type === 'text') out.text += event.text;
      if (event.type === 'reasoning') out.reasoning += event.text;
    }
  } catch (error) {
    out.error = error;
  }
  return out;
}
