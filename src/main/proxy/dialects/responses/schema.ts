/**
 * zod schema of a Responses API request (`POST /v1/responses`): the fields the relay reads,
 * checked for type. Item and tool kinds the relay cannot act on (reasoning items, hosted tools)
 * pass as loose objects and are skipped by to-canonical, as an unsupported field must not fail a
 * request the real API accepts.
 */
import { z } from 'zod';
import { lazy } from '../../../../shared/lazy';

const inputText = lazy(() => z.looseObject({ type: z.enum(['input_text', 'output_text', 'text']), text: z.string() }));
const inputImage = lazy(() => z.looseObject({ type: z.literal('input_image'), image_url: z.string().nullish(), file_id: z.string().nullish(), detail: z.string().nullish() }));
const inputFile = lazy(() => z.looseObject({
  type: z.literal('input_file'),
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
}));
const refusal = lazy(() => z.looseObject({ type: z.literal('refusal'), refusal: z.string() }));
export const contentPart = lazy(() => z.discriminatedUnion('type', [inputText, inputImage, inputFile, refusal]));
export type ResponsesContentPart = z.infer<typeof contentPart>;

export const messageItem = lazy(() => z.looseObject({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(contentPart)]),
}));

export const functionCallItem = lazy(() => z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
}));

export const functionCallOutputItem = lazy(() => z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(contentPart)]),
}));

/** Freeform tools (Codex's `apply_patch`): the call carries raw `input` text. */
export const customCallItem = lazy(() => z.looseObject({ type: z.literal('custom_tool_call'), call_id: z.string().min(1), name: z.string().min(1), input: z.string() }));
export const customCallOutputItem = lazy(() => z.looseObject({
  type: z.literal('custom_tool_call_output'),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(contentPart)]),
}));

const KNOWN_ITEMS: ReadonlySet<string> = new Set(['message', 'function_call', 'function_call_output', 'custom_tool_call', 'custom_tool_call_output']);
/** Any other item (`reasoning`, `web_search_call`, …): skipped for the model. A known kind must match its own schema. */
const otherItem = lazy(() => z.looseObject({ type: z.string().refine((type) => !KNOWN_ITEMS.has(type)) }));

export const inputItem = lazy(() => z.union([messageItem, functionCallItem, functionCallOutputItem, customCallItem, customCallOutputItem, otherItem]));
export type ResponsesInputItem = z.infer<typeof inputItem>;
export type MessageItem = z.infer<typeof messageItem>;
export type FunctionCallItem = z.infer<typeof functionCallItem>;
export type CustomCallItem = z.infer<typeof customCallItem>;
export type CallOutputItem = z.infer<typeof functionCallOutputItem> | z.infer<typeof customCallOutputItem>;

const functionTool = lazy(() => z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
}));
/** Hosted and freeform tools (`web_search`, `custom`, `namespace`, …) are accepted; only `web_search` is acted on. */
export const toolSchema = lazy(() => z.union([functionTool, z.looseObject({ type: z.string().refine((type) => type !== 'function') })]));

const toolChoice = lazy(() => z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string() }),
  z.looseObject({ type: z.literal('allowed_tools'), mode: z.enum(['auto', 'required']).optional() }),
  z.looseObject({ type: z.string() }),
]));

export const textFormat = lazy(() => z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]));

export const createResponseSchema = lazy(() => z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(inputItem)]).nullish(),
  instructions: z.string().nullish(),
  stream: z.boolean().nullish(),
  tools: z.array(toolSchema).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z.looseObject({ format: textFormat.nullish() }).nullish(),
  reasoning: z.looseObject({ effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullish(), summary: z.string().nullish() }).nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().nullish(),
  store: z.boolean().nullish(),
  previous_response_id: z.string().min(1).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
}));
export type CreateResponseRequest = z.infer<typeof createResponseSchema>;
