/**
 * Aborted and abandoned chats are always cleaned up. 200 streams are aborted right after their
 * first chunk on accounts that allow one reply at a time: afterwards no upstream chat the relay
 * created is left, no send was refused with "a reply is already running" (an aborted chat keeps
 * its account until it ended upstream), and follow-up requests are served. A second case kills
 * the cleanup mid-way (chats left in the ledger) and checks that the next start deletes them.
 */
import { createRelayCore } from '../../src/main/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { expectPoolIdle, waitUntil } from '../support/leak-checks';

const SEND_PATH = '/matrix/api/v1/chat/send_msg';
// Long enough that every reply is still running when its client goes away.
const PROMPT = `abort storm ${'and a long prompt echoed back slowly '.repeat(40)}`;

let stack: CoreStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

async function streamUntilFirstChunk(baseUrl: string): Promise<boolean> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: PROMPT }] }),
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) return false;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      seen += decoder.decode(value, { stream: true });
      if (seen.includes('"content"')) return true;
    }
  } finally {
    controller.abort();
  }
}

async function ask(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'follow-up' }] }),
  });
  await res.text();
  return res.status;
}

describe('abort storm', () => {
  it('leaves 0 chats behind after 200 streams aborted after the first chunk, and follow-ups are served', async () => {
    stack = await startCoreStack({ accounts: 10, sim: { tickMs: 40, charsPerTick: 8, oneReplyPerAccount: true }, settings: { upstream: { replyTimeoutMs: 120_000 } } });
    const current = stack;
    const results = await Promise.all(Array.from({ length: 200 }, () => streamUntilFirstChunk(current.baseUrl)));
    expect(results.filter(Boolean).length).toBe(200);

    const followUps = await Promise.all(Array.from({ length: 20 }, () => ask(current.baseUrl)));
    expect(followUps).toEqual(Array(20).fill(200));

    await expectPoolIdle(current.core, 30_000);
    await waitUntil(() => current.sim.admin.chats().every((chat) => chat.deleted), 30_000, 'every upstream chat deleted');
    const chats = current.sim.admin.chats();
    expect(chats.length).toBe(220);
    expect(chats.filter((chat) => !chat.deleted)).toEqual([]);
    // Every send created a chat: none was refused because an aborted reply still ran on the account.
    expect(current.sim.admin.requests({ path: SEND_PATH }).length).toBe(220);
    expect((await current.accounts()).map((a) => a.status)).toEqual(Array(10).fill('active'));
  });

  it('deletes at the next start the chats a stopped run left in the ledger', async () => {
    stack = await startCoreStack({ accounts: 1, settings: { upstream: { cleanupChats: false } } });
    const current = stack;
    for (let i = 0; i < 3; i++) expect(await ask(current.baseUrl)).toBe(200);
    expect(current.sim.admin.chats().filter((chat) => !chat.deleted)).toHaveLength(3);
    await current.core.services.settings.update({ upstream: { cleanupChats: true } });
    await current.stopRelay();

    const again = await createRelayCore({ dataDir: current.dataDir, host: 'web', version: 'restart', env: { agentBaseUrl: current.sim.url, serverPort: 0 } });
    try {
      await waitUntil(() => current.sim.admin.chats().every((chat) => chat.deleted), 30_000, 'left-over chats deleted after the restart');
    } finally {
      await again.close();
    }
  });
});
