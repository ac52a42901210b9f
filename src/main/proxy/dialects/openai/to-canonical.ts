/** OpenAI chat-completions request → CanonicalRequest (zod-validated; bad input is a 400 naming the field). */
import type { z } from 'zod';
import { RelayError } from '../../../../shared/errors';
import type { CanonicalMessage, CanonicalRequest, CanonicalToolCall, ContentPart, ResponseFormat, ToolChoice } from '../../../relay/canonical';
import type { ChatCompletionRequest, OpenAIMessage } from './schema';
import { chatCompletionRequestSchema } from './schema';
import { toFilePart, toImagePart } from './attachments';

/** `messages.0.content` → `messages[0].content` (the OpenAI `param` style). */
function toParam(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.path.length === 0) return 'The body must be a JSON object.';
  return `Invalid value for '${toParam(issue.path)}': ${issue.message.replace(/\.$/, '')}.`;
}

type UserContent = Extract<OpenAIMessage, { role: 'user' }>['content'];
type AnyContent = OpenAIMessage['content'];

/** Text parts of any message (other part kinds are only meaningful in user turns). */
function toTextParts(content: AnyContent): ContentPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.flatMap((part): ContentPart[] => (part.type === 'text' && typeof part.text === 'string' ? [{ type: 'text', text: part.text }] : []));
}

function toUserParts(content: UserContent, param: string): ContentPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index): ContentPart => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    if (part.type === 'image_url') return toImagePart(part.image_url, `${param}[${index}]`);
    return toFilePart(part.file, `${param}[${index}]`);
  });
}

function toToolCalls(calls: NonNullable<Extract<OpenAIMessage, { role: 'assistant' }>['tool_calls']>, param: string): CanonicalToolCall[] {
  return calls.map((call, index) => {
    let args: unknown;
    try {
      args = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
    } catch {
      args = undefined;
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      const field = `${param}.tool_calls[${index}].function.arguments`;
      throw new RelayError('invalid_request', `'${field}' must be a JSON object encoded as a string.`, { param: field });
    }
    return { id: call.id, name: call.function.name, arguments: args as Record<string, unknown> };
  });
}

function toMessage(message: OpenAIMessage, index: number, toolNames: Map<string, string>): CanonicalMessage {
  const param = `messages[${index}]`;
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: toTextParts(message.content) };
    case 'user':
      return { role: 'user', content: toUserParts(message.content, `${param}.content`) };
    case 'assistant': {
      const toolCalls = message.tool_calls?.length ? toToolCalls(message.tool_calls, param) : undefined;
      for (const call of toolCalls ?? []) toolNames.set(call.id, call.name);
      return { role: 'assistant', content: toTextParts(message.content), ...(toolCalls ? { toolCalls } : {}) };
    }
    case 'tool':
      return { role: 'tool', content: toTextParts(message.content), toolCallId: message.tool_call_id, toolName: toolNames.get(message.tool_call_id) };
  }
}

function toToolChoice(choice: ChatCompletionRequest['tool_choice']): ToolChoice | undefined {
  if (!choice) return undefined;
  if (typeof choice === 'string') return { type: choice === 'required' ? 'required' : choice };
  return { type: 'tool', name: choice.function.name };
}

function toThinking(effort: ChatCompletionRequest['reasoning_effort']): boolean | undefined {
  if (!effort) return undefined;
  return effort !== 'none' && effort !== 'minimal';
}

/** `response_format` (also the Responses API's `text.format`, which has the same fields flattened). */
export function toResponseFormat(format: ChatCompletionRequest['response_format']): ResponseFormat | undefined {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json', objectOnly: true };
  const { name, description, schema, strict } = format.json_schema;
  // No schema: OpenAI accepts it and the model may write any JSON object.
  if (!schema) return { type: 'json', objectOnly: true };
  return { type: 'json_schema', schema, name, ...(description ? { description } : {}), ...(typeof strict === 'boolean' ? { strict } : {}) };
}

export function toCanonical(body: unknown, id: string): CanonicalRequest & { includeUsage: boolean } {
  const parsed = chatCompletionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue ? toParam(issue.path) : null;
    throw new RelayError('invalid_request', issue ? describeIssue(issue) : 'Invalid request.', { param: param || null });
  }
  const input = parsed.data;
  const toolNames = new Map<string, string>();
  const stop = input.stop ?? undefined;
  const maxTokens = input.max_completion_tokens ?? input.max_tokens ?? undefined;
  const toolChoice = toToolChoice(input.tool_choice);
  const thinking = toThinking(input.reasoning_effort);
  const responseFormat = toResponseFormat(input.response_format);
  return {
    id,
    dialect: 'openai',
    model: input.model,
    messages: input.messages.map((message, index) => toMessage(message, index, toolNames)),
    stream: input.stream === true,
    includeUsage: input.stream_options?.include_usage === true,
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(stop !== undefined ? { stopSequences: typeof stop === 'string' ? [stop] : stop } : {}),
    ...(typeof input.temperature === 'number' ? { temperature: input.temperature } : {}),
    ...(input.tools?.length
      ? { tools: input.tools.map((tool) => ({ name: tool.function.name, description: tool.function.description, parameters: tool.function.parameters ?? { type: 'object', properties: {} } })) }
      : {}),
    ...(toolChoice ? { toolChoice } : {}),
    ...(thinking !== undefined ? { thinking } : {}),
    ...(input.web_search_options ? { webSearch: true } : {}),
    ...(responseFormat ? { responseFormat } : {}),
  };
}
