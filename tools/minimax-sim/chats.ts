import { applyNextFrame, isExhausted, type SimMessage, type Turn } from './generation';
import type { Scheduler } from './scheduler';
import type { SimChat } from './types';

export interface ChatRecord {
  chatId: number;
  realUserId: string;
  chatType: number;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Latest prompt sent to this chat. */
  text: string;
  messages: SimMessage[];
  status: 1 | 2;
  deleted: boolean;
  polls: number;
  lastPollAt: number | null;
  growth: SimChat['growth'];
  turn: Turn | null;
  cancelTimer: (() => void) | null;
}

export interface ChatStore {
  /** Starts a new chat (chat === undefined) or a new turn of an existing one. */
  send(input: { realUserId: string; chat?: ChatRecord; text: string; chatType: number; turn: Turn }): { chat: ChatRecord; userMsgId: number };
  /** A live chat of that account (not deleted), or undefined. */
  find(chatId: number, realUserId: string): ChatRecord | undefined;
  /** Like find(), deleted chats included. */
  findAny(chatId: number, realUserId: string): ChatRecord | undefined;
  list(realUserId?: string, includeDeleted?: boolean): ChatRecord[];
  /** Stops generation: the chat is finished as it stands. */
  stop(chat: ChatRecord): void;
  remove(chat: ChatRecord): void;
  running(realUserId?: string): number;
  clear(): void;
  newId(): number;
}

export function toSimChat(c: ChatRecord): SimChat {
  return {
    chatId: c.chatId, realUserId: c.realUserId, status: c.status, deleted: c.deleted, createdAt: c.createdAt,
    text: c.text, polls: c.polls, lastPollAt: c.lastPollAt, growth: c.growth.map((g) => ({ ...g })),
  };
}

export function createChatStore(deps: { scheduler: Scheduler; now: () => number }): ChatStore {
  const chats = new Map<number, ChatRecord>();
  // One counter for chat and message ids keeps them distinct; the base mimics real ids (< 2^53).
  let lastId = 337867385770195;
  const newId = (): number => (lastId += 1 + (lastId % 7));

  function lengths(chat: ChatRecord): { text: number; thinking: number } {
    const current = chat.turn?.current;
    return { text: current?.content.length ?? 0, thinking: current?.thinking.length ?? 0 };
  }

  function tick(chat: ChatRecord): void {
    chat.cancelTimer = null;
    const turn = chat.turn;
    if (!turn || chat.deleted || chat.status === 2) return;
    const before = lengths(chat);
    const now = deps.now();
    applyNextFrame(chat.messages, turn, newId, now);
    const after = lengths(chat);
    const frame = turn.frames[turn.next - 1];
    if (frame?.kind === 'replace' || after.text !== before.text || after.thinking !== before.thinking) {
      chat.growth.push({ at: now, textLength: after.text, thinkingLength: after.thinking });
    }
    chat.updatedAt = now;
    if (!isExhausted(turn)) {
      chat.cancelTimer = deps.scheduler.after(turn.tickMs, () => tick(chat));
    } else if (!turn.neverFinish) {
      chat.status = 2;
    }
  }

  function stop(chat: ChatRecord): void {
    chat.cancelTimer?.();
    chat.cancelTimer = null;
    chat.status = 2;
  }

  return {
    send({ realUserId, chat, text, chatType, turn }) {
      const now = deps.now();
      const target: ChatRecord = chat ?? {
        chatId: newId(), realUserId, chatType, title: text.replace(/\s+/g, ' ').trim().slice(0, 30), createdAt: now,
        updatedAt: now, text, messages: [], status: 1, deleted: false, polls: 0, lastPollAt: null, growth: [], turn: null, cancelTimer: null,
      };
      const userMsgId = newId();
      target.messages.push({ msgId: userMsgId, msgType: 1, content: text, thinking: '', timestamp: now });
      target.text = text;
      target.status = 1;
      target.updatedAt = now;
      target.turn = turn;
      chats.set(target.chatId, target);
      target.cancelTimer = deps.scheduler.after(turn.tickMs, () => tick(target));
      return { chat: target, userMsgId };
    },
    find(chatId, realUserId) {
      const chat = chats.get(chatId);
      return chat && !chat.deleted && chat.realUserId === realUserId ? chat : undefined;
    },
    findAny(chatId, realUserId) {
      const chat = chats.get(chatId);
      return chat?.realUserId === realUserId ? chat : undefined;
    },
    list(realUserId, includeDeleted = false) {
      return [...chats.values()].filter((c) => (includeDeleted || !c.deleted) && (realUserId === undefined || c.realUserId === realUserId));
    },
    stop,
    remove(chat) {
      stop(chat);
      chat.deleted = true;
    },
    running(realUserId) {
      return [...chats.values()].filter((c) => !c.deleted && c.status === 1 && (realUserId === undefined || c.realUserId === realUserId)).length;
    },
    clear() {
      for (const chat of chats.values()) chat.cancelTimer?.();
      chats.clear();
    },
    newId,
  };
}
