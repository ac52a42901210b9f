/** Anthropic Messages request → CanonicalRequest (zod-validated; bad input is a 400 naming the field). */
import type { z } from 'zod';
import { RelayError } from '../../../../shared/errors';
import type { CanonicalMessage, CanonicalRequest, CanonicalTool, ContentPart, ToolChoice } from '../../../relay/canonical';
import type { AnthropicContentBlock, AnthropicMessage, MessagesRequest } from './schema';
import { countTokensRequestSchema, messagesRequestSchema } from './schema';
import { reportableIssue } from '../zod-issue';
import { toMediaPart } from './attachments';
import { toResponseFormat } from './output-format';

/** Anthropic names fields by dotted path: `messages.0.content`. */
function fieldOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = reportableIssue(parsed.error);
  if (!issue) throw new RelayError('invalid_request', 'The request body must be a JSON object.');
  const field = fieldOf(issue);
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'Field required' : issue.message;
  throw new RelayError('invalid_request', `${field}: ${message}`, { param: field });
}

/** `path` names the blocks' array (`messages.2.content`), so an image the relay refuses is named by its block. */
function toParts(blocks: readonly AnthropicContentBlock[], path?: string): ContentPart[] {
  return blocks.flatMap((block, b): ContentPart[] => {
    if (block.type === 'text') return [{ type: 'text', text: block.text }];
    if (block.type === 'image' || block.type === 'document') return [toMediaPart(block, path === undefined ? undefined : `${path}.${b}`)];
    return [];
  });
}

function toMessages(message: AnthropicMessage, index: number, toolNames: Map<string, string>): CanonicalMessage[] {
  const blocks: AnthropicContentBlock[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
  // A mid-conversation system turn (Claude Code 2.x) is folded in at its place.
  if (message.role === 'system') return [{ role: 'system', content: toParts(blocks) }];
  if (message.role === 'assistant') {
    const toolCalls = blocks.flatMap((block, b) => {
      if (block.type !== 'tool_use') return [];
      const input = block.input ?? {};
      if (typeof input !== 'object' || Array.isArray(input)) {
        const field = `messages.${index}.content.${b}.input`;
        throw new RelayError('invalid_request', `${field}: Input should be an object`, { param: field });
      }
      toolNames.set(block.id, block.name);
      return [{ id: block.id, name: block.name, arguments: input as Record<string, unknown> }];
    });
    return [{ role: 'assistant', content: toParts(blocks), ...(toolCalls.length ? { toolCalls } : {}) }];
  }
  // Tool results answer the previous assistant turn, so they go before the user's own words.
  const results: CanonicalMessage[] = blocks.flatMap((block, b) => {
    if (block.type !== 'tool_result') return [];
    const content = typeof block.content === 'string' ? [{ type: 'text' as const, text: block.content }] : toParts(block.content ?? [], `messages.${index}.content.${b}.content`);
    const toolName = toolNames.get(block.tool_use_id);
    return [{ role: 'tool' as const, content, toolCallId: block.tool_use_id, ...(toolName ? { toolName } : {}), ...(block.is_error ? { isError: true } : {}) }];
  });
  const parts = toParts(blocks, `messages.${index}.content`);
  return parts.length > 0 || results.length === 0 ? [...results, { role: 'user', content: parts }] : results;
}

function toTools(tools: MessagesRequest['tools']): { tools: CanonicalTool[]; webSearch: boolean } {
  const out: CanonicalTool[] = [];
  let webSearch = false;
  for (const tool of tools ?? []) {
    // Server tools (`web_search_20250305`…) have no schema: web search maps to the upstream's own.
    if (!tool.input_schema) {
      if (tool.type?.startsWith('web_search')) webSearch = true;
      continue;
    }
    out.push({ name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.input_schema });
  }
  return { tools: out, webSearch };
}

function toToolChoice(choice: MessagesRequest['tool_choice']): ToolChoice | undefined {
  if (!choice) return undefined;
  if (choice.type === 'any') return { type: 'required' };
  if (choice.type === 'tool') return { type: 'tool', name: choice.name };
  return { type: choice.type };
}

/** `adaptive` and `enabled` (any budget) ask for reasoning; `disabled` turns it off. */
function toThinking(thinking: MessagesRequest['thinking']): boolean | undefined {
  if (!thinking) return undefined;
  return thinking.type !== 'disabled';
}

function fromParsed(input: MessagesRequest | z.infer<typeof countTokensRequestSchema>, id: string): CanonicalRequest {
  const toolNames = new Map<string, string>();
  const system: CanonicalMessage[] =
    input.system === undefined || input.system === '' || (Array.isArray(input.system) && input.system.length === 0)
      ? []
      : [{ role: 'system', content: typeof input.system === 'string' ? [{ type: 'text', text: input.system }] : input.system.map((b) => ({ type: 'text' as const, text: b.text })) }];
  const { tools, webSearch } = toTools(input.tools);
  const toolChoice = toToolChoice(input.tool_choice);
  const thinking = toThinking(input.thinking);
  const responseFormat = toResponseFormat(input);
  return {
    id,
    dialect: 'anthropic',
    model: input.model,
    messages: [...system, ...input.messages.flatMap((message, index) => toMessages(message, index, toolNames))],
    stream: input.stream === true,
    ...(input.max_tokens !== undefined ? { maxTokens: input.max_tokens } : {}),
    ...(input.stop_sequences?.length ? { stopSequences: input.stop_sequences } : {}),
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(tools.length ? { tools } : {}),
    ...(toolChoice ? { toolChoice } : {}),
    ...(thinking !== undefined ? { thinking } : {}),
    ...(webSearch ? { webSearch } : {}),
    ...(responseFormat ? { responseFormat } : {}),
  };
}

export function toCanonical(body: unknown, id: string): CanonicalRequest {
  return fromParsed(parseOrThrow(messagesRequestSchema, body), id);
}

export function toCanonicalForCount(body: unknown, id: string): CanonicalRequest {
  return fromParsed(parseOrThrow(countTokensRequestSchema, body), id);
}
