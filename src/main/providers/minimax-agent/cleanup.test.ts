import { describe, expect, it } from 'vitest';
import { ACCOUNT, baseError, baseOk, createFakeUpstream } from './__test__/fake-upstream';
import { createMinimaxAgentProvider } from './index';
import { createMemoryChatLedger } from './ledger';

const LIST = '/matrix/api/v1/chat/list_chat';
const DELETE = '/matrix/api/v1/chat/delete_chat';

function setup() {
  const upstream = createFakeUpstream();
  const ledger = createMemoryChatLedger();
  const provider = createMinimaxAgentProvider({
    fetch: upstream.fetch,
    now: upstream.now,
    sleep: upstream.sleep,
    settings: () => ({ signatureVariant: 'token' }),
    chatLedger: ledger,
  });
  return { upstream, ledger, provider };
}

function deletedIds(upstream: ReturnType<typeof createFakeUpstream>): number[] {
  return upstream.callsTo(DELETE).map((call) => JSON.parse(call.body!).chat_id);
}

describe('bulk cleanup', () => {
  it('pages list_chat and deletes only the chats in the ledger', async () => {
    const { upstream, ledger, provider } = setup();
    const pages: Record<string, number[]> = { first: [10, 9, 8], 8: [7, 6, 5], 5: [4] };
    upstream.on(LIST, (call) => {
      const body = JSON.parse(call.body!);
      const ids = pages[body.next_page_index_id ?? 'first'] ?? [];
      return baseOk({ chats: ids.map((chat_id) => ({ chat_id })), has_more: ids.length === 3 });
    });
    for (const id of [9, 6, 4, 99]) ledger.add(ACCOUNT.id, id);
    const progress: number[] = [];
    const result = await provider.cleanupChats(ACCOUNT, (p) => progress.push(p.done));
    expect(result).toEqual({ deleted: 3, failed: 0, skipped: 4 });
    expect(deletedIds(upstream)).toEqual([9, 6, 4]);
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(ledger.list(ACCOUNT.id)).toEqual([]);
  });

  it('retries "chat is running" three times 2 s apart, then keeps the chat in the ledger', async () => {
    const { upstream, ledger, provider } = setup();
    upstream.on(LIST, () => baseOk({ chats: [{ chat_id: 1 }, { chat_id: 2 }], has_more: false }));
    let attempts = 0;
    upstream.on(DELETE, (call) => {
      if (JSON.parse(call.body!).chat_id === 2) return baseOk();
      attempts += 1;
      return baseError(1400010180, 'chat is running');
    });
    ledger.add(ACCOUNT.id, 1);
    ledger.add(ACCOUNT.id, 2);
    const result = await provider.cleanupChats(ACCOUNT);
    expect(result).toEqual({ deleted: 1, failed: 1, skipped: 0 });
    expect(attempts).toBe(3);
    const times = upstream.callsTo(DELETE).filter((c) => JSON.parse(c.body!).chat_id === 1).map((c) => c.at);
    expect(times[1]! - times[0]!).toBe(2_000);
    expect(ledger.list(ACCOUNT.id)).toEqual([1]);
  });
});
