/**
 * What the relay knows of the MiniMax Open Platform (platform.minimaxi.com / platform.minimax.io,
 * "OpenAI API compatible", "T2A HTTP" and "Error codes" pages). Every shape is parsed loosely:
 * fields the platform adds later must never fail a reply.
 */
import { z } from 'zod';

export const CHAT_PATH = '/v1/chat/completions';
export const SPEECH_PATH = '/v1/t2a_v2';
/** Coding Plan keys: the quota of the current window (`current_interval_usage_count` is what is LEFT). */
export const CODING_PLAN_REMAINS_PATH = '/v1/api/openplatform/coding_plan/remains';

export const DEFAULT_BASE_URLS = { cn: 'https://api.minimaxi.com', intl: 'https://api.minimax.io' } as const;

/** Text models the platform serves on its OpenAI-compatible endpoint. */
export const OPEN_MODELS = [
  'MiniMax-M2.7',
  'MiniMax-M2.7-highspeed',
  'MiniMax-M2.5',
  'MiniMax-M2.5-highspeed',
  'MiniMax-M2.1',
  'MiniMax-M2.1-highspeed',
  'MiniMax-M2',
] as const;

/** `base_resp.status_code` values (platform error-code table). */
export const STATUS = {
  ok: 0,
  unknown: 1000,
  timeout: 1001,
  rateLimit: 1002,
  unauthorized: 1004,
  insufficientBalance: 1008,
  internal: 1024,
  sensitiveInput: 1026,
  sensitiveOutput: 1027,
  system: 1033,
  tokenLimit: 1039,
  connectionLimit: 1041,
  invalidParams: 2013,
  invalidApiKey: 2049,
  voiceNotFound: 2054,
  usageLimit: 2056,
} as const;

export const baseRespSchema = z.looseObject({
  status_code: z.number(),
  status_msg: z.string().optional().default(''),
});
export type BaseResp = z.infer<typeof baseRespSchema>;

/** Any answer may carry `base_resp`; an OpenAI-style `error` object appears on some HTTP errors. */
export const envelopeSchema = z.looseObject({
  base_resp: baseRespSchema.nullish(),
  error: z.looseObject({ message: z.string().optional(), type: z.string().optional(), code: z.union([z.string(), z.number()]).nullish() }).nullish(),
});

const toolCallDeltaSchema = z.looseObject({
  index: z.number().optional(),
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

const reasoningDetailSchema = z.looseObject({ text: z.string().nullish() });

export const messageDeltaSchema = z.looseObject({
  content: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  reasoning_details: z.array(reasoningDetailSchema).nullish(),
  tool_calls: z.array(toolCallDeltaSchema).nullish(),
});

export const usageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
});

export const chunkSchema = z.looseObject({
  choices: z
    .array(z.looseObject({ delta: messageDeltaSchema.nullish(), message: messageDeltaSchema.nullish(), finish_reason: z.string().nullish() }))
    .nullish(),
  usage: usageSchema.nullish(),
  base_resp: baseRespSchema.nullish(),
});
export type ChatChunk = z.infer<typeof chunkSchema>;
export type MessageDelta = z.infer<typeof messageDeltaSchema>;

export const codingPlanRemainsSchema = z.looseObject({
  model_remains: z
    .array(
      z.looseObject({
        model_name: z.string().nullish(),
        current_interval_total_count: z.number().nullish(),
        current_interval_usage_count: z.number().nullish(),
        end_time: z.number().nullish(),
      }),
    )
    .nullish(),
  base_resp: baseRespSchema.nullish(),
});

export const t2aChunkSchema = z.looseObject({
  data: z.looseObject({ audio: z.string().nullish(), status: z.number().nullish() }).nullish(),
  extra_info: z.looseObject({ usage_characters: z.number().nullish(), audio_format: z.string().nullish() }).nullish(),
  base_resp: baseRespSchema.nullish(),
});
