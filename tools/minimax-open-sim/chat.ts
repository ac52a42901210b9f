/**
 * `/v1/chat/completions` as the platform answers it: native tool calls (argument fragments in the
 * stream), reasoning in `reasoning_details` when `reasoning_split` is set (inline `<think>` tags
 * otherwise), usage in the last chunk.
 */
import { randomUUID } from 'node:crypto';
import type { OpenScriptedReply } from './types';

interface WireMessage {
  role?: string;
  content?: unknown;
}

interface WireTool {
  function?: { name?: string; parameters?: { properties?: Record<string, { type?: string }>; required?: string[] } };
}

export interface ChatBody {
  model?: string;
  messages?: WireMessage[];
  tools?: WireTool[];
  stream?: boolean;
  reasoning_split?: boolean;
}

export interface PlannedReply {
  text: string;
  reasoning: string;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
  return '';
}

/** Arguments that satisfy the tool's required properties, so clients can run the call. */
function sampleArguments(tool: WireTool): Record<string, unknown> {
  const params = tool.function?.parameters;
  const args: Record<string, unknown> = {};
  for (const name of params?.required ?? []) {
    const type = params?.properties?.[name]?.type;
    args[name] = type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : 'Paris';
  }
  return args;
}

export function planReply(body: ChatBody, scripted: OpenScriptedReply | undefined): PlannedReply {
  const messages = body.messages ?? [];
  const last = messages[messages.length - 1];
  const callId = (): string => `call_function_${randomUUID().slice(0, 8)}`;
  if (scripted) {
    return {
      text: scripted.text ?? '',
      reasoning: scripted.reasoning ?? '',
      toolCalls: (scripted.toolCalls ?? []).map((call) => ({ id: callId(), name: call.name, arguments: JSON.stringify(call.arguments) })),
    };
  }
  const firstTool = body.tools?.[0];
  if (firstTool?.function?.name && last?.role === 'user') {
    return { text: '', reasoning: 'The user needs a tool.', toolCalls: [{ id: callId(), name: firstTool.function.name, arguments: JSON.stringify(sampleArguments(firstTool)) }] };
  }
  if (last?.role === 'tool') return { text: `The tool returned: ${textOf(last.content)}`, reasoning: 'Summarise the tool result.', toolCalls: [] };
  return { text: `Hello from the MiniMax Open Platform simulator. You said: ${textOf(last?.content)}`, reasoning: 'The user greets me; answer politely.', toolCalls: [] };
}

function usageOf(body: ChatBody, reply: PlannedReply): Record<string, number> {
  const prompt = Math.max(1, Math.ceil(JSON.stringify(body.messages ?? []).length / 4));
  const completion = Math.max(1, Math.ceil((reply.text.length + reply.reasoning.length + JSON.stringify(reply.toolCalls).length) / 4));
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Three pieces, as the platform usually sends a short reply, or pieces of `pieceChars`. */
function splitText(text: string, pieceChars?: number): string[] {
  if (pieceChars && pieceChars > 0) return Array.from({ length: Math.ceil(text.length / pieceChars) }, (_, i) => text.slice(i * pieceChars, (i + 1) * pieceChars));
  if (text.length < 3) return text ? [text] : [];
  const a = Math.floor(text.length / 3);
  return [text.slice(0, a), text.slice(a, 2 * a), text.slice(2 * a)];
}

/** The stream's `data:` payloads in order (without `[DONE]`). */
export function streamChunks(body: ChatBody, reply: PlannedReply, textChunkChars?: number): unknown[] {
  const id = `chatcmpl-sim-${randomUUID().slice(0, 8)}`;
  const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model ?? 'MiniMax-M2.7' };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): unknown => ({
    ...base,
    choices: [{ index: 0, delta: { role: 'assistant', ...delta }, finish_reason: finish }],
    input_sensitive: false,
  });
  const chunks: unknown[] = [];
  if (body.reasoning_split) {
    for (const piece of splitText(reply.reasoning)) chunks.push(chunk({ reasoning_details: [{ type: 'reasoning.text', id: 'reasoning-text-1', format: 'MiniMax-response-v1', index: 0, text: piece }] }));
  } else if (reply.reasoning) {
    chunks.push(chunk({ content: `<think>\n${reply.reasoning}\n</think>\n\n` }));
  }
  for (const piece of splitText(reply.text, textChunkChars)) chunks.push(chunk({ content: piece }));
  reply.toolCalls.forEach((call, index) => {
    const half = Math.floor(call.arguments.length / 2);
    chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments.slice(0, half) } }] }));
    chunks.push(chunk({ tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] }));
  });
  chunks.push(chunk({}, reply.toolCalls.length > 0 ? 'tool_calls' : 'stop'));
  chunks.push({ ...base, choices: [], usage: usageOf(body, reply) });
  return chunks;
}

export function completion(body: ChatBody, reply: PlannedReply): unknown {
  const content = body.reasoning_split || !reply.reasoning ? reply.text : `<think>\n${reply.reasoning}\n</think>\n\n${reply.text}`;
  return {
    id: `chatcmpl-sim-${randomUUID().slice(0, 8)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? 'MiniMax-M2.7',
    choices: [
      {
        index: 0,
        finish_reason: reply.toolCalls.length > 0 ? 'tool_calls' : 'stop',
        message: {
          role: 'assistant',
          content,
          ...(body.reasoning_split && reply.reasoning ? { reasoning_details: [{ type: 'reasoning.text', index: 0, text: reply.reasoning }] } : {}),
          ...(reply.toolCalls.length > 0
            ? { tool_calls: reply.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) }
            : {}),
        },
      },
    ],
    usage: usageOf(body, reply),
    base_resp: { status_code: 0, status_msg: '' },
  };
}
