/**
 * The abort storm over API-key accounts (MiniMax Open Platform). The platform keeps no chat, so
 * what an aborted reply can leave behind is an upstream stream the platform is still writing after
 * the client went away, a key's concurrency slot never given back, or a request counted wrong.
 * Each key here allows as many open streams as the relay's slots for it (more answer `1041`), so
 * a stream the relay forgot to close would also refuse the next requests on that key and cool it
 * down (a refusal only while the platform has not yet noticed a hang-up is retried on the key).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startMixedStack, type MixedStack } from '../support/mixed-stack';
import { expectPoolIdle, waitUntil } from '../support/leak-checks';

const CHAT_PATH = '/v1/chat/completions';
const SEND_PATH = '/matrix/api/v1/chat/send_msg';
// Echoed back slowly (the open simulator in 16-character pieces, 20 ms apart; the web one 8
// characters every 40 ms): every reply is still running long after its first chunk.
const PROMPT = `abort storm ${'and a long prompt echoed back slowly '.repeat(20)}`;
const OPEN_PACING = { chunkDelayMs: 20, textChunkChars: 16 };
const KEY_SLOTS = [4, 3, 3];
const BALANCE = 1_000;

let stack: MixedStack | null = null;
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

/** Keys whose platform limit on open streams equals the relay's concurrency for them. */
async function addKeys(current: MixedStack): Promise<Array<{ id: string; key: string; slots: number }>> {
  const keys: Array<{ id: string; key: string; slots: number }> = [];
  for (const slots of KEY_SLOTS) {
    const added = await current.addKey({ maxStreams: slots, balance: BALANCE });
    await current.core.services.accounts.update({ id: added.id, maxConcurrency: slots });
    keys.push({ ...added, slots });
  }
  return keys;
}

async function storm(baseUrl: string): Promise<{ aborted: number; followUps: number[] }> {
  const results = await Promise.all(Array.from({ length: 200 }, () => streamUntilFirstChunk(baseUrl)));
  const followUps = await Promise.all(Array.from({ length: 20 }, () => ask(baseUrl)));
  return { aborted: results.filter(Boolean).length, followUps };
}

/** Streams the platform served to the end or until the relay hung up (a refused request is neither). */
const served = (current: MixedStack, key?: string): number => {
  const streams = current.open.admin.streams(key);
  return streams.completed + streams.abandoned;
};
/** Non-streaming chat calls: the one-token probe that validated a pay-as-you-go key. */
const probes = (current: MixedStack, key: string): number =>
  current.open.admin.requests().filter((r) => r.path === CHAT_PATH && r.key === key && (r.body as { stream?: unknown } | null)?.stream !== true).length;

/**
 * Every key is active and idle, the relay counted as many requests as the platform served, the
 * platform billed exactly those (and the validation probe; a refused call costs nothing), and no
 * key ever had more streams open than its limit.
 */
async function expectKeysClean(current: MixedStack, keys: ReadonlyArray<{ id: string; key: string; slots: number }>): Promise<void> {
  const accounts = await current.core.services.accounts.list();
  for (const { id, key, slots } of keys) {
    const account = accounts.find((a) => a.id === id);
    expect(account).toMatchObject({ status: 'active', busy: 0, counters: { requests: served(current, key), failures: 0 } });
    expect(current.open.admin.key(key)?.balance).toBe(BALANCE - served(current, key) - probes(current, key));
    expect(current.open.admin.streams(key).peakOpen).toBeLessThanOrEqual(slots);
  }
}

/** The request log: as many aborted and successful entries as expected, and how many a key served. */
async function expectLogTallies(current: MixedStack, expected: { aborted: number; success: number }): Promise<{ openAborted: number; openSuccess: number }> {
  const entries = await current.core.services.logs.query({ limit: 500 });
  expect(entries.filter((e) => e.status === 'aborted')).toHaveLength(expected.aborted);
  expect(entries.filter((e) => e.status === 'success')).toHaveLength(expected.success);
  const byKey = entries.filter((e) => e.provider === 'minimax-open');
  return { openAborted: byKey.filter((e) => e.status === 'aborted').length, openSuccess: byKey.filter((e) => e.status === 'success').length };
}

describe('abort storm over API-key accounts', () => {
  it('closes every upstream stream of 200 aborted replies, frees every slot, and serves the follow-ups', async () => {
    stack = await startMixedStack({ open: OPEN_PACING, settings: { upstream: { replyTimeoutMs: 120_000 } } });
    const current = stack;
    const keys = await addKeys(current);

    const { aborted, followUps } = await storm(current.baseUrl);
    expect(aborted).toBe(200);
    expect(followUps).toEqual(Array(20).fill(200));

    await expectPoolIdle(current.core, 30_000);
    await waitUntil(() => current.open.admin.streams().open === 0, 30_000, 'no upstream stream open');
    // Each aborted reply was cut upstream (the relay hung up), each follow-up read to its end.
    expect(current.open.admin.streams()).toMatchObject({ open: 0, abandoned: 200, completed: 20 });
    await expectKeysClean(current, keys);
    await expectLogTallies(current, { aborted: 200, success: 20 });
  });

  it('ends clean in a mixed pool of web accounts and API keys', async () => {
    stack = await startMixedStack({
      open: OPEN_PACING,
      web: { tickMs: 40, charsPerTick: 8, oneReplyPerAccount: true },
      settings: { upstream: { replyTimeoutMs: 120_000 } },
    });
    const current = stack;
    for (let i = 0; i < 5; i++) await current.addWebAccount(`web${i}`);
    const keys = await addKeys(current);

    const { aborted, followUps } = await storm(current.baseUrl);
    expect(aborted).toBe(200);
    expect(followUps).toEqual(Array(20).fill(200));

    await expectPoolIdle(current.core, 30_000);
    await waitUntil(() => current.open.admin.streams().open === 0, 30_000, 'no upstream stream open');
    await waitUntil(() => current.web.admin.chats().every((chat) => chat.deleted), 30_000, 'every upstream chat deleted');
    const chats = current.web.admin.chats();
    const streams = current.open.admin.streams();
    // Both kinds served, and every client request by exactly one upstream reply.
    expect(chats.length).toBeGreaterThan(0);
    expect(served(current)).toBeGreaterThan(0);
    expect(chats.length + served(current)).toBe(220);
    // No send was refused because an aborted reply still ran on the web account.
    expect(current.web.admin.requests({ path: SEND_PATH }).length).toBe(chats.length);
    expect(streams.open).toBe(0);
    // The key streams cut upstream are exactly the aborted replies the keys served.
    const tallies = await expectLogTallies(current, { aborted: 200, success: 20 });
    expect(streams).toMatchObject({ abandoned: tallies.openAborted, completed: tallies.openSuccess });
    await expectKeysClean(current, keys);
    const accounts = await current.core.services.accounts.list();
    expect(accounts.map((a) => [a.status, a.busy])).toEqual(Array(8).fill(['active', 0]));
    expect(accounts.filter((a) => a.provider === 'minimax-agent').map((a) => a.counters.failures)).toEqual([0, 0, 0, 0, 0]);
  });
});
