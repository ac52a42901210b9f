/**
 * Canonical events → OpenAI `chat.completion.chunk` SSE frames, or one collected
 * `chat.completion`. Both read the same event stream (non-streaming collects it).
 */
import type { CanonicalEvent, FinishReason, TokenUsage } from '../../canonical';
import type { SseWriter } from '../../sse-writer';

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

/**
 * Writes chunk frames up to and including `finish` (or the end of the stream); throws what the
 * stream throws. Events after `finish` are the caller's to drain.
 */
export async function writeChunks(
  events: AsyncIterator<CanonicalEvent>,
  sse: SseWriter,
  meta: CompletionMeta,
  options: { includeUsage: boolean },
): Promise<void> {
  const chunk = (delta: Record<string, unknown>, finish: OpenAIFinish | null = null): Record<string, unknown> => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  sse.data(chunk({ role: 'assistant', content: '' }));
  let usage: TokenUsage | null = null;
  let toolIndex = 0;
  for (let next = await events.next(); !next.done; next = await events.next()) {
    if (sse.closed) return;
    const event = next.value;
    if (event.type === 'text') sse.data(chunk({ content: event.text }));
    else if (event.type === 'reasoning') sse.data(chunk({ reasoning_content: event.text }));
    else if (event.type === 'tool-call') {
      const call = { index: toolIndex++, id: event.call.id, type: 'function', function: { name: event.call.name, arguments: JSON.stringify(event.call.arguments) } };
      sse.data(chunk({ tool_calls: [call] }));
    } else if (event.type === 'usage') usage = event.usage;
    else if (event.type === 'finish') {
      sse.data(chunk({}, toFinishReason(event.reason)));
      break;
    }
  }
  if (options.includeUsage && usage) {
    sse.data({ id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices: [], usage: toUsage(usage) });
  }
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
export async function collectCompletion(events: AsyncIterator<CanonicalEvent>, meta: CompletionMeta): Promise<ChatCompletion> {
  let text = '';
  let reasoning = '';
  const toolCalls: NonNullable<ChatCompletion['choices'][number]['message']['tool_calls']> = [];
  let usage: TokenUsage | null = null;
  let finish: OpenAIFinish = 'stop';
  for (let next = await events.next(); !next.done; next = await events.next()) {
    const event = next.value;
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
