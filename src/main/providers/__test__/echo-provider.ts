/**
 * A provider that exists only in tests, declared the way a real one is: one module, registered
 * next to the shipped ones. Its "upstream" is in-process: a credential is `echo-<name>` (the name
 * `bad` is refused at validation), and a chat answers `echo: <the last user turn>`.
 */
import { z } from 'zod';
import { RelayError } from '../../../shared/errors';
import type { CanonicalRequest } from '../../relay/canonical';
import type { ImportEntry, ProviderModule } from '../module';
import type { ProviderAccount, ProviderCredential, UpstreamProvider } from '../types';

export const ECHO_PROVIDER_ID = 'echo';

const echoCredentialSchema = z.object({ kind: z.literal(ECHO_PROVIDER_ID), name: z.string().min(1) });
type EchoCredential = z.infer<typeof echoCredentialSchema>;

function echoCredential(credential: ProviderCredential): EchoCredential {
  const parsed = echoCredentialSchema.safeParse(credential);
  if (!parsed.success) throw new RelayError('internal', 'Not an echo credential.');
  return parsed.data;
}

function lastUserText(request: CanonicalRequest): string {
  const turn = [...request.messages].reverse().find((message) => message.role === 'user');
  return (turn?.content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function createEchoProvider(): UpstreamProvider {
  return {
    kind: ECHO_PROVIDER_ID,
    async *chat(request) {
      const text = `echo: ${lastUserText(request)}`;
      yield { type: 'upstream' };
      yield { type: 'text', text };
      yield { type: 'usage', usage: { inputTokens: 3, outputTokens: text.length, estimated: false } };
      yield { type: 'finish', reason: 'stop' };
    },
    async validate(account: ProviderAccount) {
      const { name } = echoCredential(account.credential);
      if (name === 'bad') throw new RelayError('invalid_credential', 'The echo upstream refuses this name.');
      return { realUserId: `echo-user-${name}`, userName: name, email: null, tokenExpiresAt: null };
    },
    credits: async () => ({ remaining: 42, resetAt: null, planName: 'Echo', checkedAt: 0 }),
    cleanupChats: async () => ({ deleted: 0, failed: 0, skipped: 0 }),
  };
}

export const echoProviderModule: ProviderModule = {
  id: ECHO_PROVIDER_ID,
  label: 'Echo (test provider)',
  access: 'api-key',
  features: { cookies: false, diagnosis: false, loginWindow: false, chatCleanup: false },
  capabilities: { nativeTools: false, reasoning: false, images: false, webSearch: false, speech: false },
  defaultConcurrency: 3,
  baseUrls: { cn: 'http://echo.invalid', intl: 'http://echo.invalid' },
  baseUrlFor: (_settings, region) => echoProviderModule.baseUrls[region],
  models: ['MiniMax-M2.7'],
  settingsSchema: z.object({}),
  parseImport(text, context) {
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line): ImportEntry => {
        const name = /^echo-(\w+)$/.exec(line)?.[1];
        if (!name) return { ok: false, masked: line.slice(0, 4), error: { code: 'invalid_credential', message: 'Not an echo credential.' } };
        const credential: EchoCredential = { kind: ECHO_PROVIDER_ID, name };
        return { ok: true, credential, region: context.region, masked: `echo-${name.slice(0, 1)}…`, expectedUserId: null, expiresAt: null, expired: false };
      });
  },
  readCredential(value) {
    const parsed = echoCredentialSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  accountKey: (credential) => `echo-${echoCredential(credential).name}`,
  create: () => createEchoProvider(),
};
