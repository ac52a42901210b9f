/**
 * Responses API request → CanonicalRequest. `instructions` become the leading system turn, `input`
 * items the conversation (a `previous_response_id` puts the stored conversation in front), function
 * calls attach to the assistant turn they follow, and `text.format` is structured output.
 */
import { RelayError } from '../../../../shared/errors';
import type { CanonicalMessage, CanonicalRequest, CanonicalTool, CanonicalToolCall, ContentPart, ResponseFormat, ToolChoice } from '../../../relay/canonical';
import { reportableIssue } from '../zod-issue';
import { toFilePart, toImagePart } from './attachments';
import type { CallOutputItem, CreateResponseRequest, CustomCallItem, FunctionCallItem, MessageItem, ResponsesContentPart, ResponsesInputItem } from './schema';
import { createResponseSchema } from './schema';

function toPart(part: ResponsesContentPart, param: string): ContentPart | null {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
    case 'text':
      return { type: 'text', text: part.text };
    case 'refusal':
      return { type: 'text', text: part.refusal };
    case 'input_image':
      return toImagePart(part, param);
    case 'input_file':
      return toFilePart(part, param);
  }
}

function toParts(content: string | ResponsesContentPart[], param: string): ContentPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.flatMap((part, index) => toPart(part, `${param}[${index}]`) ?? []);
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  let args: unknown;
  try {
    args = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    args = undefined;
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new RelayError('invalid_request', `'${param}' must be a JSON object encoded as a string.`, { param });
  }
  return args as Record<string, unknown>;
}

/** Appends a call to the assistant turn it follows, or opens one. */
function addCall(messages: CanonicalMessage[], call: CanonicalToolCall): void {
  const last = messages.at(-1);
  if (last?.role === 'assistant') last.toolCalls = [...(last.toolCalls ?? []), call];
  else messages.push({ role: 'assistant', content: [], toolCalls: [call] });
}

/**
 * The schema's union admits a known item kind only through its own branch (the catch-all refuses
 * known kinds), so after parsing, `type` alone tells which shape an item has.
 */
function toMessages(items: readonly ResponsesInputItem[], names: Map<string, string>): CanonicalMessage[] {
  const messages: CanonicalMessage[] = [];
  items.forEach((item, index) => {
    const param = `input[${index}]`;
    if ('role' in item && (item.type === undefined || item.type === 'message')) {
      const message = item as MessageItem;
      messages.push({ role: message.role === 'developer' ? 'system' : message.role, content: toParts(message.content, `${param}.content`) });
    } else if (item.type === 'function_call') {
      const call = item as FunctionCallItem;
      names.set(call.call_id, call.name);
      addCall(messages, { id: call.call_id, name: call.name, arguments: parseArguments(call.arguments, `${param}.arguments`) });
    } else if (item.type === 'custom_tool_call') {
      const call = item as CustomCallItem;
      names.set(call.call_id, call.name);
      addCall(messages, { id: call.call_id, name: call.name, arguments: { input: call.input } });
    } else if (item.type === 'function_call_output' || item.type === 'custom_tool_call_output') {
      const result = item as CallOutputItem;
      messages.push({ role: 'tool', content: toParts(result.output, `${param}.output`), toolCallId: result.call_id, toolName: names.get(result.call_id) });
    }
    // Reasoning, hosted-tool calls and other items carry nothing the upstream can read.
  });
  return messages;
}

function toTools(tools: CreateResponseRequest['tools']): { tools: CanonicalTool[]; webSearch: boolean } {
  const out: CanonicalTool[] = [];
  let webSearch = false;
  for (const tool of tools ?? []) {
    if (tool.type === 'function' && 'name' in tool && typeof tool.name === 'string') {
      const fn = tool as { name: string; description?: string | null; parameters?: Record<string, unknown> | null };
      out.push({ name: fn.name, ...(fn.description ? { description: fn.description } : {}), parameters: fn.parameters ?? { type: 'object', properties: {} } });
    } else if (tool.type === 'web_search' || tool.type === 'web_search_preview') {
      // Codex declares the tool with `external_web_access: false` when the web is off.
      webSearch ||= (tool as { external_web_access?: unknown }).external_web_access !== false;
    }
  }
  return { tools: out, webSearch };
}

function toToolChoice(choice: CreateResponseRequest['tool_choice']): ToolChoice | undefined {
  if (!choice) return undefined;
  if (typeof choice === 'string') return { type: choice };
  if (choice.type === 'function' && 'name' in choice && typeof choice.name === 'string') return { type: 'tool', name: choice.name };
  if (choice.type === 'allowed_tools') return { type: (choice as { mode?: string }).mode === 'required' ? 'required' : 'auto' };
  return { type: 'auto' };
}

export function toResponseFormat(format: NonNullable<CreateResponseRequest['text']>['format']): ResponseFormat | undefined {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json', objectOnly: true };
  const { name, schema, description, strict } = format;
  return { type: 'json_schema', schema, name, ...(description ? { description } : {}), ...(typeof strict === 'boolean' ? { strict } : {}) };
}

/** `input.0.content` → `input[0].content` (the OpenAI `param` style). */
function toParam(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

export function parseCreateRequest(body: unknown): CreateResponseRequest {
  const parsed = createResponseSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = reportableIssue(parsed.error);
  if (!issue) throw new RelayError('invalid_request', 'The body must be a JSON object.', { param: null });
  const param = toParam(issue.path);
  throw new RelayError('invalid_request', `Invalid value for '${param}': ${issue.message.replace(/\.$/, '')}.`, { param });
}

/** `history`: the stored conversation of `previous_response_id` (without its instructions, as OpenAI does). */
export function toCanonical(input: CreateResponseRequest, id: string, history: readonly CanonicalMessage[] = []): CanonicalRequest {
  const names = new Map<string, string>();
  for (const message of history) for (const call of message.toolCalls ?? []) names.set(call.id, call.name);
  const items = typeof input.input === 'string' ? [{ role: 'user' as const, content: input.input }] : (input.input ?? []);
  const messages = [...history, ...toMessages(items, names)];
  if (messages.length === 0) throw new RelayError('invalid_request', "'input' must contain at least one item.", { param: 'input' });
  const { tools, webSearch } = toTools(input.tools);
  const toolChoice = toToolChoice(input.tool_choice);
  const effort = input.reasoning?.effort;
  const responseFormat = toResponseFormat(input.text?.format);
  return {
    id,
    dialect: 'responses',
    model: input.model,
    messages: [...(input.instructions ? [{ role: 'system' as const, content: [{ type: 'text' as const, text: input.instructions }] }] : []), ...messages],
    stream: input.stream === true,
    ...(input.max_output_tokens ? { maxTokens: input.max_output_tokens } : {}),
    ...(typeof input.temperature === 'number' ? { temperature: input.temperature } : {}),
    ...(tools.length ? { tools } : {}),
    ...(toolChoice ? { toolChoice } : {}),
    ...(effort ? { thinking: effort !== 'none' && effort !== 'minimal' } : {}),
    ...(webSearch ? { webSearch } : {}),
    ...(responseFormat ? { responseFormat } : {}),
  };
}
