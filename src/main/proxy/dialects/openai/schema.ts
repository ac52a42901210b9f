/** zod schema of an OpenAI chat-completions request: the fields the relay reads, checked for type. */
import { z } from 'zod';
import { lazy } from '../../../../shared/lazy';

const textPart = lazy(() => z.looseObject({ type: z.literal('text'), text: z.string() }));
const imagePart = lazy(() => z.looseObject({
  type: z.literal('image_url'),
  image_url: z.union([z.string(), z.looseObject({ url: z.string(), detail: z.string().optional() })]),
}));
const filePart = lazy(() => z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({ file_data: z.string().optional(), file_id: z.string().optional(), filename: z.string().optional() }),
}));
const userPart = lazy(() => z.discriminatedUnion('type', [textPart, imagePart, filePart]));

const toolCall = lazy(() => z.looseObject({
  id: z.string(),
  type: z.literal('function').optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
}));

const systemMessage = lazy(() => z.looseObject({
  role: z.enum(['system', 'developer']),
  content: z.union([z.string(), z.array(textPart)]),
  name: z.string().optional(),
}));
const userMessage = lazy(() => z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(userPart)]),
  name: z.string().optional(),
}));
const assistantMessage = lazy(() => z.looseObject({
  role: z.literal('assistant'),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]).nullish(),
  reasoning_content: z.string().nullish(),
  tool_calls: z.array(toolCall).nullish(),
  name: z.string().optional(),
}));
const toolMessage = lazy(() => z.looseObject({
  role: z.literal('tool'),
  content: z.union([z.string(), z.array(textPart)]),
  tool_call_id: z.string(),
}));

export const openaiMessageSchema = lazy(() => z.discriminatedUnion('role', [systemMessage, userMessage, assistantMessage, toolMessage]));

const functionTool = lazy(() => z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
}));

const toolChoice = lazy(() => z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
]));

const responseFormat = lazy(() => z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]));

export const chatCompletionRequestSchema = lazy(() => z.looseObject({
  model: z.string().min(1),
  messages: z.array(openaiMessageSchema).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(16)]).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  n: z.number().int().min(1).max(1).nullish(),
  tools: z.array(functionTool).nullish(),
  tool_choice: toolChoice.nullish(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullish(),
  web_search_options: z.looseObject({}).nullish(),
  response_format: responseFormat.nullish(),
}));

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
export type OpenAIMessage = z.infer<typeof openaiMessageSchema>;
