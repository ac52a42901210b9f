/** zod schema of an Anthropic Messages request: the fields the relay reads, checked for type. */
import { z } from 'zod';
import { lazy } from '../../../../shared/lazy';
import { outputFormatFields } from './output-format';

const cacheControl = lazy(() => z.looseObject({ type: z.string() }).nullish());

const READ_TYPES = new Set(['text', 'image', 'document', 'tool_use', 'tool_result']);
/**
 * Any other block — earlier reasoning, server-tool blocks, search results, and types Anthropic
 * adds later — is accepted and dropped: it carries nothing the upstream can use, and a real
 * Anthropic endpoint would take the request.
 */
const droppedBlock = lazy(() => z
  .looseObject({ type: z.string().refine((type) => !READ_TYPES.has(type)) })
  .transform(() => ({ type: 'dropped' as const })));

const textBlock = lazy(() => z.looseObject({ type: z.literal('text'), text: z.string(), cache_control: cacheControl }));
const SOURCE_TYPES = new Set(['base64', 'url', 'text', 'content']);
const mediaSource = lazy(() => z.union([
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
    z.looseObject({ type: z.literal('url'), url: z.string() }),
    z.looseObject({ type: z.literal('text'), media_type: z.string().optional(), data: z.string() }),
    // A document given as content blocks: its text parts are what the upstream can read.
    z.looseObject({ type: z.literal('content'), content: z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]) }),
  ]),
  // Sources the relay cannot fetch (`file` ids of the Files API, later kinds) are noted by kind, not refused.
  z.looseObject({ type: z.string().refine((type) => !SOURCE_TYPES.has(type)) }).transform((source) => ({ type: 'other' as const, kind: source.type })),
]));
const imageBlock = lazy(() => z.looseObject({ type: z.literal('image'), source: mediaSource, cache_control: cacheControl }));
const documentBlock = lazy(() => z.looseObject({ type: z.literal('document'), source: mediaSource, title: z.string().nullish(), cache_control: cacheControl }));
const toolUseBlock = lazy(() => z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown(), cache_control: cacheControl }));
const toolResultBlock = lazy(() => z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.union([z.discriminatedUnion('type', [textBlock, imageBlock, documentBlock]), droppedBlock]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
}));
const readBlock = lazy(() => z.discriminatedUnion('type', [textBlock, imageBlock, documentBlock, toolUseBlock, toolResultBlock]));
export const contentBlockSchema = lazy(() => z.union([readBlock, droppedBlock]));
export type AnthropicContentBlock = z.infer<typeof contentBlockSchema>;

const message = lazy(() => z.looseObject({
  // `system` mid-conversation: Claude Code 2.x (beta `mid-conversation-system-2026-04-07`).
  role: z.enum(['user', 'assistant', 'system']),
  content: z.union([z.string(), z.array(contentBlockSchema)]),
}));
export type AnthropicMessage = z.infer<typeof message>;

const tool = lazy(() => z.looseObject({
  name: z.string().min(1),
  type: z.string().nullish(),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()).optional(),
  cache_control: cacheControl,
}));

const toolChoice = lazy(() => z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal('none') }),
]));

const thinking = lazy(() => z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().nonnegative() }),
  z.looseObject({ type: z.literal('disabled') }),
  z.looseObject({ type: z.literal('adaptive') }),
]));

const baseRequest = lazy(() => ({
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
}));

export const messagesRequestSchema = lazy(() => z.looseObject({ ...baseRequest, max_tokens: z.number().int().positive() }));
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

/** count_tokens takes the same body without `max_tokens`. */
export const countTokensRequestSchema = lazy(() => z.looseObject({ ...baseRequest, max_tokens: z.number().int().positive().optional() }));
