/** zod schema of an Anthropic Messages request: the fields the relay reads, checked for type. */
import { z } from 'zod';
import { outputFormatFields } from './output-format';

const cacheControl = z.looseObject({ type: z.string() }).nullish();

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string(), cache_control: cacheControl });
const mediaSource = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('text'), media_type: z.string().optional(), data: z.string() }),
]);
const imageBlock = z.looseObject({ type: z.literal('image'), source: mediaSource, cache_control: cacheControl });
const documentBlock = z.looseObject({ type: z.literal('document'), source: mediaSource, title: z.string().nullish(), cache_control: cacheControl });
const toolUseBlock = z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown(), cache_control: cacheControl });
const toolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.discriminatedUnion('type', [textBlock, imageBlock, documentBlock]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});
/** Earlier-turn reasoning and server-tool blocks: accepted and dropped (they carry nothing the upstream can use). */
const droppedBlock = z.looseObject({
  type: z.enum(['thinking', 'redacted_thinking', 'server_tool_use', 'web_search_tool_result']),
});

export const contentBlockSchema = z.discriminatedUnion('type', [textBlock, imageBlock, documentBlock, toolUseBlock, toolResultBlock, droppedBlock]);
export type AnthropicContentBlock = z.infer<typeof contentBlockSchema>;

const message = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(contentBlockSchema)]),
});
export type AnthropicMessage = z.infer<typeof message>;

const tool = z.looseObject({
  name: z.string().min(1),
  type: z.string().nullish(),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()).optional(),
  cache_control: cacheControl,
});

const toolChoice = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
]);

const thinking = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().nonnegative() }),
  z.looseObject({ type: z.literal('disabled') }),
  z.looseObject({ type: z.literal('adaptive') }),
]);

const baseRequest = {
  model: z.string().min(1),
  messages: z.array(message),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().optional(),
  top_k: z.number().optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  tools: z.array(tool).optional(),
  tool_choice: toolChoice.optional(),
  thinking: thinking.optional(),
  ...outputFormatFields,
};

export const messagesRequestSchema = z.looseObject({ ...baseRequest, max_tokens: z.number().int().positive() });
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

/** count_tokens takes the same body without `max_tokens`. */
export const countTokensRequestSchema = z.looseObject({ ...baseRequest, max_tokens: z.number().int().positive().optional() });
