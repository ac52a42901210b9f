/**
 * zod schemas of the upstream answers this client reads (§3 of the protocol reference). They list
 * only the fields used, so extra fields pass, and a renamed or retyped field fails loudly with
 * its path instead of turning into an empty reply.
 */
import { z } from 'zod';

const digits = z.union([z.string(), z.number()]).transform(String);

export const statusInfoEnvelope = z.object({
  statusInfo: z.object({ code: z.number(), message: z.string().nullish() }),
  data: z.unknown().optional(),
});

export const baseRespEnvelope = z.object({
  base_resp: z.object({ status_code: z.number(), status_msg: z.string().nullish() }),
});

export const deviceRegisterData = z.object({
  deviceIDStr: digits,
  realUserID: digits.nullish(),
});

export const userInfoData = z.object({
  userInfo: z.object({
    realUserID: digits.nullish(),
    userID: digits.nullish(),
    name: z.string().nullish(),
    nickname: z.string().nullish(),
    email: z.string().nullish(),
  }),
});

/** chat_id/msg_id are JSON integers below 2^53 (§3.3); keep them numbers. */
const id = z.number().int().safe();

export const sendMsgResponse = z.object({ chat_id: id, msg_id: id });

export const chatMessage = z.object({
  msg_id: id,
  msg_type: z.number(),
  msg_content: z.string().nullish(),
  extra_info: z.object({ thinking_content: z.string().nullish() }).nullish(),
  tool_call: z.unknown().optional(),
  timestamp: z.number().nullish(),
});
export type ChatMessage = z.infer<typeof chatMessage>;

export const chatDetailResponse = z.object({
  chat: z.object({ chat_status: z.number() }),
  messages: z.array(chatMessage).nullish(),
});
export type ChatDetail = z.infer<typeof chatDetailResponse>;

const chatListItem = z.object({ chat_id: id });
export const listChatResponse = z.object({
  chats: z.array(chatListItem).nullish(),
  // Chat2API also accepts this older name.
  chat_list: z.array(chatListItem).nullish(),
  has_more: z.boolean().nullish(),
});

export const membershipResponse = z.object({
  total_remains_credit: z.number().nullish(),
  daily_login_gift_credit_remaining: z.number().nullish(),
  plan_name: z.string().nullish(),
  credits: z.record(z.string(), z.array(z.object({ expires_at: z.number().nullish() }))).nullish(),
});

export const emptyResponse = z.object({});
