/**
 * The MiniMax Agent web upstream as an UpstreamProvider. Protocol knowledge lives in this folder
 * (protocol.ts first); see its header for the source.
 */
import { silentLogger, type Logger } from '../../logs/types';
import type { CreditInfo } from '../../../shared/domain/account';
import type { ProviderAccount, ProviderSettings, UpstreamProvider } from '../types';
import { fetchCredits, validateAccount } from './account';
import { createCleanupQueue } from '../cleanup-queue';
import { tryRemoveChat, type AbandonedChat } from './abandoned-chat';
import { runChat, type ChatDeps } from './chat';
import { cleanupAccountChats, type SleepFn } from './cleanup';
import { createDeviceResolver } from './device';
import { diagnoseAccount } from './diagnosis/run';
import type { ChatLedger } from './ledger';
import { createNodeTransport, type UpstreamTransport } from '../transport';
import { createMemoryProfileMemory, type ProfileMemory } from './profile-memory';
import { createAgentHttp, type FetchFn } from './request';
import { createUploadCache, uploadAttachments as uploadAttachmentsAs } from './upload';

export interface MinimaxAgentProviderDeps {
  /** Used through a Node transport when no transport is given (tests). */
  fetch?: FetchFn;
  /** How calls leave the relay: Node's fetch (headless) or Chromium's network (desktop). */
  transport?: UpstreamTransport;
  /** Where each account's working request profile is remembered; default in memory. */
  profileMemory?: ProfileMemory;
  now?: () => number;
  logger?: Logger;
  settings: () => ProviderSettings;
  chatLedger: ChatLedger;
  /** Waits between polls and delete retries; must reject with `signal.reason` when aborted. */
  sleep?: SleepFn;
  /** Backoff of the durable cleanup queue (tests shorten it). */
  cleanupBackoff?: { baseDelayMs?: number; maxDelayMs?: number };
}

export function sleepWithSignal(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createMinimaxAgentProvider(deps: MinimaxAgentProviderDeps): UpstreamProvider {
  const now = deps.now ?? Date.now;
  const logger = (deps.logger ?? silentLogger).child({ provider: 'minimax-agent' });
  const sleep = deps.sleep ?? sleepWithSignal;
  const transport = deps.transport ?? createNodeTransport(deps.fetch);
  const http = createAgentHttp({ transport, now, settings: deps.settings, logger });
  const devices = createDeviceResolver({ http, now, logger });
  const cleanupDeps = { http, devices, ledger: deps.chatLedger, sleep, logger };
  const negotiation = { http, memory: deps.profileMemory ?? createMemoryProfileMemory(), now, logger };
  const credits = (account: ProviderAccount, signal?: AbortSignal): Promise<CreditInfo> =>
    fetchCredits(http, devices, account, now, signal);
  const uploadCache = createUploadCache({ now });
  const uploader = { http, fetch: deps.fetch ?? globalThis.fetch, now, cache: uploadCache };
  const uploadAttachments: ChatDeps['uploadAttachments'] = (account, identity, attachments, signal) =>
    uploadAttachmentsAs(uploader, account.id, identity, attachments, signal);
  const queue = createCleanupQueue<AbandonedChat>({
    attempt: (chat) => tryRemoveChat(cleanupDeps, chat),
    keyOf: (chat) => `${chat.account.id}:${chat.chatId}`,
    logger,
    ...deps.cleanupBackoff,
  });
  const enqueue = (chat: AbandonedChat): void => queue.add(chat, deps.cleanupBackoff?.baseDelayMs ?? 2_000);
  return {
    kind: 'minimax-agent',
    chat: (request, options) =>
      runChat(
        { ...cleanupDeps, now, credits, negotiation, uploadAttachments, forgetUploads: (account) => uploadCache.forget(account.id), enqueue },
        request,
        options,
      ),
    validate: (account, signal) => validateAccount(http, account, signal),
    credits,
    cleanupChats: (account, onProgress, signal) => cleanupAccountChats(cleanupDeps, account, onProgress, signal),
    diagnose: (account, signal) => diagnoseAccount({ http, transportKind: transport.kind, now, sleep }, account, signal),
    resumeCleanup(account) {
      // Chats left by an earlier run (killed, or closed while deletes were pending).
      for (const chatId of deps.chatLedger.list(account.id)) queue.add({ account, chatId });
    },
    pendingCleanup: () => queue.size(),
    cleanupIdle: () => queue.idle(),
    close: () => queue.close(),
  };
}

export { parseCredential, parseCredentials, readTokenClaims } from './credentials';
export type { CredentialFields, CredentialParseResult, ParsedCredential } from './credentials';
export { createMemoryChatLedger } from './ledger';
export type { ChatLedger } from './ledger';
export { flattenConversation } from './flatten';
export { buildSendBody, toSendKnobs } from './knobs';
export { createMemoryProfileMemory } from './profile-memory';
export type { ProfileMemory, ProfileState } from './profile-memory';
export { DEFAULT_PROFILE, REQUEST_PROFILES, findProfile } from './profiles';
export type { RequestProfile } from './profiles';
export { ATTACHMENT_SHAPES } from './upload';
export type { AttachmentShape } from './upload';
