/** The MiniMax Agent web upstream as a provider module (a person's web login; tools emulated). */
import { z } from 'zod';
import { upstreamSettingsSchema, type Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';
import type { Region } from '../../../shared/domain/account';
import { maskUserId } from '../../../shared/domain/account';
import type { ImportEntry, ProviderModule } from '../module';
import { isAgentCredential, type AgentCredential, type ProviderCredential } from '../types';
import { createMinimaxAgentProvider } from './index';
import { parseCredentials } from './credentials';
import { identifyAgentEntry } from './identify';
import { EMPTY_INPUT_MARK } from './mask-input';

function agentBaseUrl(settings: Settings, region: Region): string {
  return region === 'cn' ? settings.upstream.cnBaseUrl : settings.upstream.intlBaseUrl;
}

// `cookies` came later (May 2026): credentials sealed before it simply have none.
const storedCredentialSchema = z.object({ kind: z.literal('minimax-agent'), token: z.string().min(1), realUserId: z.string(), cookies: z.string().optional() });

function agentCredential(credential: ProviderCredential): AgentCredential {
  if (!isAgentCredential(credential)) throw new RelayError('internal', 'Not a MiniMax web credential.');
  return credential;
}

export const minimaxAgentModule: ProviderModule = {
  id: 'minimax-agent',
  label: 'MiniMax Agent (web)',
  access: 'web',
  features: { cookies: true, diagnosis: true, loginWindow: true, chatCleanup: true },
  capabilities: { nativeTools: false, reasoning: true, images: true, webSearch: true, speech: false },
  // The web upstream runs one conversation at a time per account.
  defaultConcurrency: 1,
  baseUrls: { cn: 'https://agent.minimaxi.com', intl: 'https://agent.minimax.io' },
  baseUrlFor: agentBaseUrl,
  models: ['MiniMax-M2.7', 'MiniMax-M2.5'],
  settingsSchema: upstreamSettingsSchema,
  hostBaseUrl: (host) => host.agentBaseUrl,
  parseImport(text, context) {
    return parseCredentials(text, context.now).map((entry): ImportEntry => {
      if (!entry.ok) return { ok: false, masked: entry.masked ?? EMPTY_INPUT_MARK, error: entry.error };
      const { credential } = entry;
      const user = credential.realUserId ? maskUserId(credential.realUserId) : '?';
      return {
        ok: true,
        credential: {
          kind: 'minimax-agent',
          token: credential.token,
          realUserId: credential.realUserId,
          ...(credential.cookies ? { cookies: credential.cookies } : {}),
        },
        region: context.region,
        masked: `${user}+${credential.token.slice(0, 4)}…${credential.cookies ? ' (+cookies)' : ''}`,
        expectedUserId: credential.realUserId || null,
        userIdOrigin: credential.realUserIdOrigin,
        expiresAt: credential.expiresAt ?? null,
        expired: entry.expired,
      };
    });
  },
  readCredential(value) {
    const parsed = storedCredentialSchema.safeParse(value);
    if (!parsed.success) return null;
    const { cookies, ...rest } = parsed.data;
    return cookies === undefined ? rest : { ...rest, cookies };
  },
  // One account per MiniMax user; the user id is the one the upstream confirmed at import.
  accountKey: (_credential, identity) => identity.realUserId,
  identify: identifyAgentEntry,
  cookies: {
    read: (credential) => agentCredential(credential).cookies,
    write(credential, header) {
      const { cookies: _old, ...rest } = agentCredential(credential);
      return header === '' ? rest : { ...rest, cookies: header };
    },
  },
  loginCredential: (token) => ({ kind: 'minimax-agent', token, realUserId: '' }),
  create: (deps) =>
    createMinimaxAgentProvider({
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.transport ? { transport: deps.transport } : {}),
      ...(deps.profileMemory ? { profileMemory: deps.profileMemory } : {}),
      now: deps.now,
      logger: deps.logger,
      settings: () => ({ signatureVariant: deps.settings().upstream.signatureVariant }),
      chatLedger: deps.chatLedger,
    }),
};
