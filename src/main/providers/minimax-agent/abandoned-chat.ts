/**
 * Ending a chat whose reply nobody waits for any more (client gone, error, deadline). The run is
 * stopped where the upstream allows it (`stop_run_agent`, §3.10: unverified, so any failure is
 * ignored), and the chat is deleted. While it still runs, the account may be unable to start
 * another reply ("one output at a time"), so the caller keeps the account's slot while this waits
 * for the chat to end, up to `holdMs`; after that the durable cleanup queue takes over.
 */
import { isRelayError } from '../../../shared/errors';
import type { CleanupOutcome } from '../cleanup-queue';
import type { ProviderAccount } from '../types';
import { deleteChatOnce, stopRun, type CleanupDeps } from './cleanup';
import type { CallIdentity } from './request';

export interface AbandonedChat {
  account: ProviderAccount;
  chatId: number;
}

/** Waits between delete tries while holding the slot: short, the chat usually ends within seconds. */
const HOLD_RETRY_MS = [250, 500, 1_000, 2_000];

export interface AbandonDeps extends CleanupDeps {
  now: () => number;
  /** Hands a chat that did not end in time to the durable queue. */
  enqueue: (chat: AbandonedChat) => void;
}

/** One cleanup try for the queue: stop again if it still runs, then delete. */
export async function tryRemoveChat(deps: CleanupDeps, chat: AbandonedChat): Promise<CleanupOutcome> {
  try {
    const identity = await deps.devices.identify(chat.account);
    const result = await deleteChatOnce(deps, chat.account, identity, chat.chatId);
    if (result === 'gone') return 'gone';
    await stopRun(deps, identity, chat.chatId);
    return 'retry';
  } catch (error) {
    const code = isRelayError(error) ? error.code : 'internal';
    // A credential that no longer works cannot delete anything; the ledger keeps the chat.
    return code === 'upstream_auth_expired' ? 'drop' : 'retry';
  }
}

/**
 * Stops the run, then tries to delete until the chat has ended or `holdMs` passed. `cleanup`
 * false (the user keeps chats): the run is still stopped, nothing is deleted.
 */
export async function endAbandonedChat(
  deps: AbandonDeps,
  chat: AbandonedChat,
  identity: CallIdentity,
  options: { cleanup: boolean; holdMs: number },
): Promise<void> {
  await stopRun(deps, identity, chat.chatId);
  if (!options.cleanup) return;
  const until = deps.now() + options.holdMs;
  for (let i = 0; ; i += 1) {
    try {
      if ((await deleteChatOnce(deps, chat.account, identity, chat.chatId)) === 'gone') return;
    } catch (error) {
      deps.logger.debug({ chatId: chat.chatId, code: isRelayError(error) ? error.code : 'internal' }, 'delete of an abandoned chat failed; retrying');
    }
    const wait = HOLD_RETRY_MS[Math.min(i, HOLD_RETRY_MS.length - 1)] ?? 2_000;
    if (deps.now() + wait > until) break;
    await deps.sleep(wait);
  }
  deps.enqueue(chat);
}
