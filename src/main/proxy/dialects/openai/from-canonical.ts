/**
 * Canonical events → OpenAI `chat.completion.chunk` SSE frames, or one collected
 * `chat.completion`. Both read the same event stream (non-streaming collects it).
 */
import type { CanonicalEvent, FinishReason, TokenUsage } from '../../../relay/canonical';
import type { ChatEncoder, StreamFrame } from '../types';
import { toOpenAIErrorBody } from './errors';

export interface CompletionMeta {
  id: string;
  model: string;
  created: number;
}

type OpenAIFinish = 'stop' | 'length' | 'tool_calls';

export function toFinishReason(reason: FinishReason): OpenAIFinish {
  return reason === 'stop_sequence' ? 'stop' : reason;
}

export function toUsage(usage: TokenUsage): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  return { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
}

/** The streaming encoder: `chat.completion.chunk` frames, an optional usage chunk, then `[DONE]`. */
export function createChunkEncoder(meta: CompletionMeta, options: { includeUsage: boolean }): ChatEncoder {
  const chunk = (delta: Record<string, unknown>, finish: OpenAIFinish | null = null): StreamFrame => ({
    data: { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] },
  });
  let usage: TokenUsage | null = null;
  let toolIndex = 0;
  return {
    start: () => [chunk({ role: 'assistant', content: '' })],
    encode(event) {
      if (event.type === 'text') return [chunk({ content: event.text })];
      if (event.type === 'reasoning') return [chunk({ reasoning_content: event.text })];
      if (event.type === 'tool-call') {
        const call = { index: toolIndex++, id: event.call.id, type: 'function', function: { name: event.call.name, arguments: JSON.stringify(event.call.arguments) } };
        return [chunk({ tool_calls: [call] })];
      }
      if (event.type === 'usage') usage = event.usage;
      if (event.type === 'finish') return [chunk({}, toFinishReason(event.reason))];
      return [];
    },
    end() {
      const usageChunk: StreamFrame[] =
        options.includeUsage && usage ? [{ data: { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices: [], usage: toUsage(usage) } }] : [];
      return [...usageChunk, { data: '[DONE]' }];
    },
    // The error travels as a last frame so the client never mistakes a cut reply for a whole one.
    error: (info, status) => [{ data: toOpenAIErrorBody(info, status) }, { data: '[DONE]' }],
  };
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: 0;
    message: {
      role: 'assistant';
      content: string | null;
      reasoning_content?: string;
      tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
      refusal: null;
    };
    logprobs: null;
    finish_reason: OpenAIFinish;
  }[];
  usage: ReturnType<typeof toUsage> | undefined;
}

/** Reads events up to `finish` into one completion; the caller drains the rest. */
export async function collectCompletion(events: AsyncIterable<CanonicalEvent>, meta: CompletionMeta): Promise<ChatCompletion> {
  let text = '';
  let reasoning = '';
  const toolCalls: NonNullable<ChatCompletion['choices'][number]['message']['tool_calls']> = [];
  let usage: TokenUsage | null = null;
  let finish: OpenAIFinish = 'stop';
  for await (const event of events) {
    if (event.type === 'text') text += event.text;
    else if (event.type === 'reasoning') reasoning += event.text;
    else if (event.type === 'tool-call') toolCalls.push({ id: event.call.id, type: 'function', function: { name: event.call.name, arguments: JSON.stringify(event.call.arguments) } });
    else if (event.type === 'usage') usage = event.usage;
    else if (event.type === 'finish') {
      finish = toFinishReason(event.reason);
      break;
    }
  }
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text === '' && toolCalls.length > 0 ? null : text,
          ...(reasoning ? { reasoning_content: reasoning } : {}),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          refusal: null,
        },
        logprobs: null,
        finish_reason: finish,
      },
    ],
    usage: usage ? toUsage(usage) : undefined,
  };
}
