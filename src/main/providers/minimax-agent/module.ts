/** The MiniMax Agent web upstream as a provider module (a person's web login; tools emulated). */
import { upstreamSettingsSchema, type Settings } from '../../../shared/domain/settings';
import type { Region } from '../../../shared/domain/account';
import { maskUserId } from '../../../shared/domain/account';
import type { ImportEntry, ProviderModule } from '../module';
import { createMinimaxAgentProvider } from './index';
import { parseCredentials } from './credentials';
import { EMPTY_INPUT_MARK } from './mask-input';

function agentBaseUrl(settings: Settings, region: Region): string {
  return region === 'cn' ? settings.upstream.cnBaseUrl : settings.upstream.intlBaseUrl;
}

export const minimaxAgentModule: ProviderModule = {
  id: 'minimax-agent',
  label: 'MiniMax Agent (web)',
  access: 'web',
  capabilities: { nativeTools: false, reasoning: true, images: true, webSearch: true, speech: false },
  // The web upstream runs one conversation at a time per account.
  defaultConcurrency: 1,
  baseUrls: { cn: 'https://agent.minimaxi.com', intl: 'https://agent.minimax.io' },
  baseUrlFor: agentBaseUrl,
  models: ['MiniMax-M2.7', 'MiniMax-M2.5'],
  settingsSchema: upstreamSettingsSchema,
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
