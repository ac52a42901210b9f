import { CODES, matrixError, matrixOk } from './envelope';
import { echoReply, planTurn, type SimMessage } from './generation';
import type { ChatRecord } from './chats';
import type { SimResponse } from './http-util';
import { takeScript, type RouteContext } from './state';
import { unknownAttachment } from './uploads';

type Body = Record<string, unknown>;

function asBody(body: unknown): Body | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : null;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

const invalid = (field: string): SimResponse => matrixError(CODES.invalidParams, `invalid params: ${field}`);
const notFound = (): SimResponse => matrixError(CODES.chatNotFound, 'chat not found');

/** Required send_msg fields as the web app sends them (protocol doc §3.3). */
function validateSend(b: Body | null): string | null {
  if (!b) return 'body';
  if (!isInt(b.msg_type)) return 'msg_type';
  if (typeof b.text !== 'string') return 'text';
  if (!isInt(b.chat_type)) return 'chat_type';
  if (!Array.isArray(b.attachments)) return 'attachments';
  if (!Array.isArray(b.selected_mcp_tools)) return 'selected_mcp_tools';
  if (b.backend_config !== undefined && (typeof b.backend_config !== 'object' || b.backend_config === null)) return 'backend_config';
  if (b.sub_agent_ids !== undefined && !Array.isArray(b.sub_agent_ids)) return 'sub_agent_ids';
  if (b.chat_id !== undefined && !isInt(b.chat_id)) return 'chat_id';
  return null;
}

export function handleSendMsg(ctx: RouteContext): SimResponse {
  const { state, account, record } = ctx;
  const b = asBody(ctx.body);
  if (b && typeof b.text === 'string') record.text = b.text;
  const bad = validateSend(b);
  if (bad || !b) return invalid(bad ?? 'body');
  const text = b.text as string;
  // Every attachment must be a file this account uploaded (§3.9): ids are not shared between accounts.
  const unknown = unknownAttachment(state, account.realUserId, b.attachments as unknown[]);
  if (unknown >= 0) return matrixError(CODES.fileNotUploaded, `attachment ${unknown} was not uploaded by this account`);
  let chat: ChatRecord | undefined;
  if (b.chat_id !== undefined) {
    chat = state.chats.find(b.chat_id as number, account.realUserId);
    if (!chat) return notFound();
    record.chatId = chat.chatId;
  }
  const busy = chat?.status === 1 || (state.options.oneReplyPerAccount && state.chats.running(account.realUserId) > 0);
  if (busy) return matrixError(CODES.replyRunning, 'a reply is already running');
  if (account.credits <= 0) return matrixError(CODES.notEnoughCredits, 'not enough credits');
  account.credits -= 1;
  const reply = takeScript(state, account.realUserId) ?? (state.defaultReply ?? echoReply)(text);
  const turn = planTurn(reply, state.options);
  const sent = state.chats.send({ realUserId: account.realUserId, chat, text, chatType: b.chat_type as number, turn });
  record.chatId = sent.chat.chatId;
  return matrixOk({ chat_id: sent.chat.chatId, msg_id: sent.userMsgId, agent_pod_ip: '172.18.131.237', chat_language: 2 });
}

function chatFromBody(ctx: RouteContext): ChatRecord | SimResponse {
  const b = asBody(ctx.body);
  if (!b || !isInt(b.chat_id)) return invalid('chat_id');
  ctx.record.chatId = b.chat_id;
  return ctx.state.chats.find(b.chat_id, ctx.account.realUserId) ?? notFound();
}

function isChat(v: ChatRecord | SimResponse): v is ChatRecord {
  return 'chatId' in v;
}

/**
 * Counted before faults are applied, deleted chats included: a poll that gets an error, or that
 * targets a chat already deleted, still reached the server (tests check none follow an abort).
 */
export function observePoll(ctx: RouteContext): void {
  const b = asBody(ctx.body);
  if (!b || !isInt(b.chat_id)) return;
  const chat = ctx.state.chats.findAny(b.chat_id, ctx.account.realUserId);
  if (!chat) return;
  chat.polls += 1;
  chat.lastPollAt = ctx.state.now();
}

function toWireMessage(m: SimMessage): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    msg_id: m.msgId,
    msg_type: m.msgType,
    msg_content: m.content,
    timestamp: m.timestamp,
    extra_info: m.msgType === 2 ? { thinking_content: m.thinking, model: 'MiniMax-M2.5' } : {},
  };
  if (m.toolCallName !== undefined) wire.tool_call = { tool_call_name: m.toolCallName };
  return wire;
}

export function handleGetChatDetail(ctx: RouteContext): SimResponse {
  const chat = chatFromBody(ctx);
  if (!isChat(chat)) return chat;
  return matrixOk({
    chat: {
      chat_id: chat.chatId, chat_status: chat.status, chat_title: chat.title, chat_type: chat.chatType,
      create_timestamp: chat.createdAt, update_timestamp: chat.updatedAt,
    },
    messages: chat.messages.map(toWireMessage),
  });
}

export function handleDeleteChat(ctx: RouteContext): SimResponse {
  const chat = chatFromBody(ctx);
  if (!isChat(chat)) return chat;
  if (chat.status === 1) return matrixError(CODES.chatRunning, 'chat is running');
  ctx.state.chats.remove(chat);
  return matrixOk({});
}

/** Seen only in third-party code (§3.10); lets a client end a reply it no longer wants. */
export function handleStopRunAgent(ctx: RouteContext): SimResponse {
  const chat = chatFromBody(ctx);
  if (!isChat(chat)) return chat;
  ctx.state.chats.stop(chat);
  return matrixOk({});
}

export function handleListChat(ctx: RouteContext): SimResponse {
  const b = asBody(ctx.body) ?? {};
  const pageSize = b.page_size === undefined ? 20 : b.page_size;
  if (!isInt(pageSize) || pageSize < 1) return invalid('page_size');
  const after = b.next_page_index_id;
  if (after !== undefined && after !== null && !isInt(after)) return invalid('next_page_index_id');
  const all = ctx.state.chats
    .list(ctx.account.realUserId)
    .sort((x, y) => y.chatId - x.chatId)
    .filter((c) => !isInt(after) || c.chatId < after);
  const page = all.slice(0, pageSize);
  return matrixOk({
    chats: page.map((c) => ({
      chat_id: c.chatId, chat_name: c.title, chat_title: c.title, chat_type: c.chatType,
      create_time: c.createdAt, update_time: c.updatedAt, create_timestamp: c.createdAt,
    })),
    has_more: all.length > page.length,
    next_page_index_id: page[page.length - 1]?.chatId ?? null,
  });
}
