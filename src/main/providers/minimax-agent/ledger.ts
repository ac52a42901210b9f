/**
 * The chats this relay created upstream, per account, so cleanup deletes those and never a chat
 * the user made in the web app. Ids are added at send time and removed after a confirmed delete;
 * a chat whose deletion failed stays listed for the next bulk cleanup. The store persists it.
 */
export interface ChatLedger {
  add(accountId: string, chatId: number): void;
  remove(accountId: string, chatId: number): void;
  list(accountId: string): number[];
}

/** In-memory ledger (tests, and hosts without a store). */
export function createMemoryChatLedger(): ChatLedger {
  const chats = new Map<string, Set<number>>();
  return {
    add(accountId, chatId) {
      let set = chats.get(accountId);
      if (!set) chats.set(accountId, (set = new Set()));
      set.add(chatId);
    },
    remove(accountId, chatId) {
      chats.get(accountId)?.delete(chatId);
    },
    list(accountId) {
      return [...(chats.get(accountId) ?? [])];
    },
  };
}
