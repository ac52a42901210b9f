/**
 * The official MiniMax Open Platform (API key; pay-as-you-go or Coding Plan) as a provider module:
 * native tool calls, reasoning in its own field, usage from the platform, images, and speech.
 */
import { openPlatformSettingsSchema, type Settings } from '../../../shared/domain/settings';
import type { Region } from '../../../shared/domain/account';
import type { ProviderModule, ProviderModuleDeps } from '../module';
import { RelayError } from '../../../shared/errors';
import { isOpenCredential, type ProviderCapabilities, type UpstreamProvider } from '../types';
import { readOpenCredits, validateOpenAccount } from './account';
import { runOpenChat } from './chat';
import { fingerprintApiKey, parseApiKeys, readOpenCredential } from './credentials';
import { createOpenHttp } from './http';
import { DEFAULT_BASE_URLS, OPEN_MODELS } from './protocol';
import { runOpenSpeech } from './speech';

export const OPEN_CAPABILITIES: ProviderCapabilities = { nativeTools: true, reasoning: true, images: true, webSearch: false, speech: true };

export interface MinimaxOpenProviderDeps extends Pick<ProviderModuleDeps, 'fetch' | 'now'> {
  baseUrlFor: (region: Region) => string;
}

export function createMinimaxOpenProvider(deps: MinimaxOpenProviderDeps): UpstreamProvider {
  const http = createOpenHttp(deps.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const accountDeps = { http, now: deps.now, baseUrlFor: deps.baseUrlFor };
  return {
    kind: 'minimax-open',
    capabilities: OPEN_CAPABILITIES,
    chat: (request, options) => runOpenChat(http, request, options),
    validate: (account, signal) => validateOpenAccount(accountDeps, account, signal),
    credits: (account, signal) => readOpenCredits(accountDeps, account, signal),
    // The platform keeps no conversations: nothing to clean up.
    cleanupChats: async () => ({ deleted: 0, failed: 0, skipped: 0 }),
    speech: (request, options) => runOpenSpeech(http, request, options),
  };
}

function openBaseUrl(settings: Settings, region: Region): string {
  return region === 'cn' ? settings.openPlatform.cnBaseUrl : settings.openPlatform.intlBaseUrl;
}

export const minimaxOpenModule: ProviderModule = {
  id: 'minimax-open',
  label: 'MiniMax Open Platform (API key)',
  access: 'api-key',
  // The platform keeps no conversations and has no browser session.
  features: { cookies: false, diagnosis: false, loginWindow: false, chatCleanup: false },
  capabilities: OPEN_CAPABILITIES,
  defaultConcurrency: 4,
  baseUrls: DEFAULT_BASE_URLS,
  baseUrlFor: openBaseUrl,
  models: OPEN_MODELS,
  settingsSchema: openPlatformSettingsSchema,
  hostBaseUrl: (host) => host.openBaseUrl,
  parseImport: parseApiKeys,
  readCredential: readOpenCredential,
  accountKey(credential) {
    if (!isOpenCredential(credential)) throw new RelayError('internal', 'Not an Open Platform key.');
    return fingerprintApiKey(credential.apiKey);
  },
  create: (deps) =>
    createMinimaxOpenProvider({
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      now: deps.now,
      baseUrlFor: (region) => deps.baseUrlFor?.('minimax-open', region) ?? openBaseUrl(deps.settings(), region),
    }),
};

export { toUpstreamModel } from './request-body';
export { fingerprintApiKey, maskApiKey, parseApiKeys } from './credentials';
