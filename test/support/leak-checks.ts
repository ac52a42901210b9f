/**
 * What must hold once a request is over, whatever went wrong upstream: no account slot or queue
 * entry is still held, nothing polls the upstream any more, and the chats the relay created are
 * deleted (cleanup is on by default).
 */
import type { Simulator } from '../../tools/minimax-sim';
import type { RelayCore } from '../../src/main/core';

const DETAIL_PATH = '/matrix/api/v1/chat/get_chat_detail';

/** The relay's longest pause between two polls (cadence.ts MAX_POLL_INTERVAL_MS) plus slack. */
export const QUIET_WINDOW_MS = 2_000;

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The pool is back to idle: no busy slot, nobody queued. */
export async function expectPoolIdle(core: RelayCore, timeoutMs = 5_000): Promise<void> {
  await waitUntil(
    () => {
      const pool = core.relay.status().pool;
      return pool.busy === 0 && pool.queued === 0;
    },
    timeoutMs,
    'pool busy = 0 and queued = 0',
  );
}

/**
 * No poll reaches the upstream after `since`. Proving that something does NOT happen needs a
 * window at least as long as the longest poll interval; there is no event to wait for instead.
 */
export async function expectNoPollsAfter(sim: Simulator, since: number): Promise<{ lastPollAt: number | null; polls: number }> {
  await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
  const late = sim.admin.requests({ path: DETAIL_PATH }).filter((r) => r.time > since);
  if (late.length > 0) throw new Error(`${late.length} poll(s) after the request ended (first at +${late[0]!.time - since} ms)`);
  const lastPollAt = Math.max(0, ...sim.admin.chats().map((chat) => chat.lastPollAt ?? 0));
  if (lastPollAt > since) throw new Error(`a chat was polled ${lastPollAt - since} ms after the request ended`);
  return { lastPollAt: lastPollAt || null, polls: sim.admin.requests({ path: DETAIL_PATH }).length };
}

/** Every upstream chat is eventually deleted (the relay's cleanup, retried while a chat runs). */
export async function expectChatsDeleted(sim: Simulator, timeoutMs = 15_000): Promise<void> {
  await waitUntil(() => sim.admin.chats().every((chat) => chat.deleted), timeoutMs, 'every upstream chat deleted');
}
