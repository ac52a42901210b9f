/** Gemini GenerateContent request → CanonicalRequest (zod-validated; bad input is a 400 naming the field). */
import type { z } from 'zod';
import { RelayError } from '../../../../shared/errors';
import type { CanonicalMessage, CanonicalRequest, CanonicalTool, ContentPart, ToolChoice } from '../../../relay/canonical';
import { toJsonSchema } from './json-schema';
import { normalizeGeminiKeys } from './normalize-keys';
import type { GeminiContent, GeminiPart, GenerateContentRequest } from './schema';
import { countTokensRequestSchema, generateContentRequestSchema } from './schema';
import { reportableIssue } from '../zod-issue';
import { toMediaPart } from './attachments';
import { toResponseFormat } from './response-format';

/** What the response needs beyond the canonical request. */
export interface GeminiOptions {
  /** `thinkingConfig.includeThoughts`: thoughts go back as `thought: true` parts. */
  includeThoughts: boolean;
}

/** Gemini names fields by dotted path with indexes in brackets: `contents[0].parts[1].text`. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(normalizeGeminiKeys(body));
  if (parsed.success) return parsed.data;
  const issue = reportableIssue(parsed.error);
  if (!issue) throw new RelayError('invalid_request', 'The request body must be a JSON object.');
  const field = fieldOf(issue.path);
  throw new RelayError('invalid_request', `Invalid value at '${field}': ${issue.message}`, { param: field });
}

/** `param` names the part (`contents[0].parts[1]`) so a refused image is named by its part. */
function toPart(part: GeminiPart, param?: string): ContentPart[] {
  if (part.thought) return [];
  if (part.text !== undefined) return [{ type: 'text', text: part.text }];
  const media = toMediaPart(part, param);
  return media ? [media] : [];
}

/**
 * Gemini calls and responses may lack ids; the upstream text ties a result to its call by id, so
 * missing ids are made up in order and a response takes the oldest open call of its name.
 */
function createIdMatcher(): { callId(name: string, id: string | undefined): string; responseId(name: string, id: string | undefined): string } {
  const open = new Map<string, string[]>();
  let counter = 0;
  return {
    callId(name, id) {
      const callId = id ?? `call_${name}_${++counter}`;
      open.set(name, [...(open.get(name) ?? []), callId]);
      return callId;
    },
    responseId(name, id) {
      const queue = open.get(name) ?? [];
      const match = id !== undefined ? id : (queue[0] ?? `call_${name}_${++counter}`);
      open.set(name, queue.filter((queued) => queued !== match));
      return match;
    },
  };
}

function toMessages(content: GeminiContent, ids: ReturnType<typeof createIdMatcher>, index?: number): CanonicalMessage[] {
  const toPartAt = (part: GeminiPart, j: number): ContentPart[] => toPart(part, index === undefined ? undefined : `contents[${index}].parts[${j}]`);
  if (content.role === 'model') {
    const toolCalls = content.parts.flatMap((part) =>
      part.functionCall ? [{ id: ids.callId(part.functionCall.name, part.functionCall.id), name: part.functionCall.name, arguments: part.functionCall.args ?? {} }] : [],
    );
    return [{ role: 'assistant', content: content.parts.flatMap(toPartAt), ...(toolCalls.length ? { toolCalls } : {}) }];
  }
  const results: CanonicalMessage[] = content.parts.flatMap((part) => {
    const response = part.functionResponse;
    if (!response) return [];
    const isError = response.response !== undefined && 'error' in response.response && !('output' in response.response);
    return [{ role: 'tool' as const, content: [{ type: 'text' as const, text: JSON.stringify(response.response ?? {}) }], toolCallId: ids.responseId(response.name, response.id), toolName: response.name, ...(isError ? { isError } : {}) }];
  });
  const parts = content.parts.flatMap(toPartAt);
  return parts.length > 0 || results.length === 0 ? [...results, { role: 'user', content: parts }] : results;
}

function toTools(request: GenerateContentRequest): { tools: CanonicalTool[]; webSearch: boolean; choice: ToolChoice | undefined } {
  const config = request.toolConfig?.functionCallingConfig;
  const allowed = config?.allowedFunctionNames?.length ? new Set(config.allowedFunctionNames) : null;
  const tools: CanonicalTool[] = [];
  let webSearch = false;
  for (const tool of request.tools ?? []) {
    if (tool.googleSearch || tool.googleSearchRetrieval) webSearch = true;
    for (const fn of tool.functionDeclarations ?? []) {
      if (allowed && !allowed.has(fn.name)) continue;
      const parameters = (fn.parametersJsonSchema ?? toJsonSchema(fn.parameters ?? { type: 'object', properties: {} })) as Record<string, unknown>;
      tools.push({ name: fn.name, ...(fn.description ? { description: fn.description } : {}), parameters });
    }
  }
  let choice: ToolChoice | undefined;
  if (config?.mode === 'NONE') choice = { type: 'none' };
  else if (config?.mode === 'ANY') choice = allowed?.size === 1 ? { type: 'tool', name: [...allowed][0] as string } : { type: 'required' };
  else if (config?.mode === 'AUTO' || config?.mode === 'VALIDATED') choice = { type: 'auto' };
  return { tools, webSearch, choice };
}

function toThinking(config: NonNullable<GenerateContentRequest['generationConfig']>['thinkingConfig']): boolean | undefined {
  if (!config) return undefined;
  if (config.thinkingBudget !== undefined) return config.thinkingBudget !== 0;
  if (config.includeThoughts !== undefined) return config.includeThoughts ? true : undefined;
  return undefined;
}

function fromParsed(input: GenerateContentRequest, model: string, id: string, stream: boolean): CanonicalRequest & GeminiOptions {
  const ids = createIdMatcher();
  const system = input.systemInstruction;
  const systemParts = system === undefined ? [] : typeof system === 'string' ? [{ type: 'text' as const, text: system }] : system.parts.flatMap((part) => toPart(part));
  const { tools, webSearch, choice } = toTools(input);
  const generation = input.generationConfig;
  const thinking = toThinking(generation?.thinkingConfig);
  const responseFormat = toResponseFormat(generation);
  return {
    id,
    dialect: 'gemini',
    model,
    messages: [...(systemParts.length ? [{ role: 'system' as const, content: systemParts }] : []), ...input.contents.flatMap((c, i) => toMessages(c, ids, i))],
    stream,
    includeThoughts: generation?.thinkingConfig?.includeThoughts === true,
    ...(generation?.maxOutputTokens !== undefined ? { maxTokens: generation.maxOutputTokens } : {}),
    ...(generation?.stopSequences?.length ? { stopSequences: generation.stopSequences } : {}),
    ...(generation?.temperature !== undefined ? { temperature: generation.temperature } : {}),
    ...(tools.length ? { tools } : {}),
    ...(choice ? { toolChoice: choice } : {}),
    ...(thinking !== undefined ? { thinking } : {}),
    ...(webSearch ? { webSearch } : {}),
    ...(responseFormat ? { responseFormat } : {}),
  };
}

export function toCanonical(body: unknown, model: string, id: string, stream: boolean): CanonicalRequest & GeminiOptions {
  return fromParsed(parseOrThrow(generateContentRequestSchema, body), model, id, stream);
}

export function toCanonicalForCount(body: unknown, model: string, id: string): CanonicalRequest {
  const input = parseOrThrow(countTokensRequestSchema, body);
  if (!input.generateContentRequest && !input.contents) {
    throw new RelayError('invalid_request', 'countTokens needs `contents` or `generateContentRequest`.', { field: 'contents' });
  }
  const request = input.generateContentRequest ?? { contents: input.contents ?? [] };
  return fromParsed(request, model, id, false);
}
