/**
 * Deleting upstream chats (§3.5, §3.6): one chat with Chat2API's retry while the server says
 * "chat is running", and a bulk pass that pages list_chat and deletes only chats in the ledger,
 * never the user's own conversations.
 */
import { isRelayError } from '../../../shared/errors';
import type { Logger } from '../../logs/types';
import type { CleanupProgress, ProviderAccount } from '../types';
import type { DeviceResolver } from './device';
import type { ChatLedger } from './ledger';
import { CHAT_RUNNING_MESSAGE, DELETE_RETRY_ATTEMPTS, DELETE_RETRY_DELAY_MS, LIST_PAGE_SIZE, PATHS } from './protocol';
import type { AgentHttp, CallIdentity } from './request';
import { emptyResponse, listChatResponse } from './schemas';

export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface CleanupDeps {
  http: AgentHttp;
  devices: DeviceResolver;
  ledger: ChatLedger;
  sleep: SleepFn;
  logger: Logger;
}

const NOT_FOUND = /not found|not exist/i;

function upstreamMessage(error: unknown): string {
  const message = isRelayError(error) ? error.detail?.upstreamMessage : undefined;
  return typeof message === 'string' ? message : '';
}

/**
 * Deletes one chat and drops it from the ledger; a chat already gone counts as deleted. Throws
 * the last error when it could not be deleted (the chat then stays in the ledger).
 */
export async function deleteChat(
  deps: CleanupDeps,
  account: ProviderAccount,
  identity: CallIdentity,
  chatId: number,
  signal?: AbortSignal,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await deps.http.call(identity, {
        method: 'POST',
        path: PATHS.deleteChat,
        body: { chat_id: chatId },
        envelope: 'baseResp',
        schema: emptyResponse,
        signal,
      });
      deps.ledger.remove(account.id, chatId);
      return;
    } catch (error) {
      const message = upstreamMessage(error);
      if (NOT_FOUND.test(message)) {
        deps.ledger.remove(account.id, chatId);
        return;
      }
      if (!message.includes(CHAT_RUNNING_MESSAGE) || attempt >= DELETE_RETRY_ATTEMPTS) throw error;
      await deps.sleep(DELETE_RETRY_DELAY_MS, signal);
    }
  }
}

/**
 * One delete try: `gone` when deleted (or already gone; the ledger entry is dropped), `running`
 * when the upstream refuses because the reply still runs. Other failures throw.
 */
export async function deleteChatOnce(
  deps: CleanupDeps,
  account: ProviderAccount,
  identity: CallIdentity,
  chatId: number,
): Promise<'gone' | 'running'> {
  try {
    await deps.http.call(identity, { method: 'POST', path: PATHS.deleteChat, body: { chat_id: chatId }, envelope: 'baseResp', schema: emptyResponse });
  } catch (error) {
    const message = upstreamMessage(error);
    if (message.includes(CHAT_RUNNING_MESSAGE)) return 'running';
    if (!NOT_FOUND.test(message)) throw error;
  }
  deps.ledger.remove(account.id, chatId);
  return 'gone';
}

/** Asks the upstream to end a running reply (§3.10, unverified): every failure, 404 included, is ignored. */
export async function stopRun(deps: CleanupDeps, identity: CallIdentity, chatId: number): Promise<boolean> {
  try {
    await deps.http.call(identity, { method: 'POST', path: PATHS.stopRun, body: { chat_id: chatId }, envelope: 'baseResp', schema: emptyResponse });
    return true;
  } catch (error) {
    deps.logger.debug({ chatId, code: isRelayError(error) ? error.code : 'internal' }, 'stop_run_agent not accepted');
    return false;
  }
}

async function listAllChatIds(deps: CleanupDeps, identity: CallIdentity, signal?: AbortSignal): Promise<number[]> {
  const ids: number[] = [];
  let after: number | undefined;
  for (;;) {
    const body: Record<string, unknown> = { page_size: LIST_PAGE_SIZE, workspace_storage_mode: 0 };
    if (after !== undefined) body.next_page_index_id = after;
    const page = await deps.http.call(identity, {
      method: 'POST',
      path: PATHS.listChat,
      body,
      envelope: 'baseResp',
      schema: listChatResponse,
      signal,
    });
    const items = page.chats ?? page.chat_list ?? [];
    ids.push(...items.map((item) => item.chat_id));
    const last = items.at(-1);
    // Chat2API stops on an empty or short page; has_more, when present, is the better signal.
    const more = page.has_more ?? items.length >= LIST_PAGE_SIZE;
    if (!last || !more || last.chat_id === after) return ids;
    after = last.chat_id;
  }
}

export async function cleanupAccountChats(
  deps: CleanupDeps,
  account: ProviderAccount,
  onProgress?: (progress: CleanupProgress) => void,
  signal?: AbortSignal,
): Promise<{ deleted: number; failed: number; skipped: number }> {
  const identity = await deps.devices.identify(account);
  // Snapshot before listing: a chat sent while the pages load must not look "already gone".
  const ours = new Set(deps.ledger.list(account.id));
  const listed = await listAllChatIds(deps, identity, signal);
  const targets = listed.filter((id) => ours.has(id));
  // Ledger entries the upstream no longer lists are gone already (deleted in the web app).
  const listedSet = new Set(listed);
  for (const id of ours) if (!listedSet.has(id)) deps.ledger.remove(account.id, id);
  const result = { deleted: 0, failed: 0, skipped: listed.length - targets.length };
  onProgress?.({ done: 0, total: targets.length });
  for (const chatId of targets) {
    signal?.throwIfAborted();
    try {
      await deleteChat(deps, account, identity, chatId, signal);
      result.deleted += 1;
    } catch (error) {
      if (signal?.aborted) throw error;
      result.failed += 1;
      deps.logger.warn({ chatId, code: isRelayError(error) ? error.code : 'internal' }, 'could not delete chat');
    }
    onProgress?.({ done: result.deleted + result.failed, total: targets.length });
  }
  return result;
}
