/**
 * Canonical events → the Anthropic Messages wire format: the SSE event sequence
 * (`message_start`, content blocks, `message_delta`, `message_stop`) or one collected message.
 */
import { estimateTokens } from '../../../relay/chat-runner';
import type { CanonicalEvent, FinishReason, TokenUsage } from '../../../relay/canonical';

export interface MessageMeta {
  id: string;
  model: string;
  /** Prompt estimate for `message_start` (the real count arrives with the usage event). */
  inputTokens: number;
}

export type StopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'stop_sequence';
/** Anthropic requires a signature on thinking blocks; the upstream has none, so a fixed marker stands in. */
export const THINKING_SIGNATURE = 'minimax-relay-unsigned';
/** The upstream has no prompt cache; `cache_control` is accepted and these counters stay zero. */
const NO_CACHE = { cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

export function toStopReason(reason: FinishReason): StopReason {
  switch (reason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
      return 'tool_use';
    case 'stop_sequence':
      return 'stop_sequence';
    default:
      return 'end_turn';
  }
}

/** Our call ids are `call_…`; Anthropic clients expect `toolu_…`. */
export function toToolUseId(id: string): string {
  return id.startsWith('toolu_') ? id : `toolu_${id.replace(/^call_/, '')}`;
}

/** Output as text for a local token estimate, when the stream was cut before its usage event. */
function outputText(event: CanonicalEvent): string {
  if (event.type === 'text' || event.type === 'reasoning') return event.text;
  if (event.type === 'tool-call') return event.call.name + JSON.stringify(event.call.arguments);
  return '';
}

export interface SseEvent {
  name: string;
  data: Record<string, unknown>;
}

type OpenBlock = 'thinking' | 'text' | null;

/** A stateful encoder: one canonical event in, the Anthropic SSE events it causes out. */
export function createMessageEncoder(meta: MessageMeta): { start(): SseEvent[]; encode(event: CanonicalEvent): SseEvent[] } {
  let index = -1;
  let open: OpenBlock = null;
  let usage: TokenUsage | null = null;
  let output = '';

  const close = (out: SseEvent[]): void => {
    if (open === null) return;
    if (open === 'thinking') out.push({ name: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: THINKING_SIGNATURE } } });
    out.push({ name: 'content_block_stop', data: { type: 'content_block_stop', index } });
    open = null;
  };
  const openBlock = (out: SseEvent[], block: Record<string, unknown>): void => {
    close(out);
    index++;
    out.push({ name: 'content_block_start', data: { type: 'content_block_start', index, content_block: block } });
  };

  return {
    start: () => [
      {
        name: 'message_start',
        data: {
          type: 'message_start',
          message: { id: meta.id, type: 'message', role: 'assistant', model: meta.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: meta.inputTokens, output_tokens: 0, ...NO_CACHE } },
        },
      },
    ],
    encode(event) {
      const out: SseEvent[] = [];
      output += outputText(event);
      if (event.type === 'reasoning' && event.text !== '') {
        if (open !== 'thinking') openBlock(out, { type: 'thinking', thinking: '', signature: '' });
        open = 'thinking';
        out.push({ name: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: event.text } } });
      } else if (event.type === 'text' && event.text !== '') {
        if (open !== 'text') openBlock(out, { type: 'text', text: '' });
        open = 'text';
        out.push({ name: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: event.text } } });
      } else if (event.type === 'tool-call') {
        openBlock(out, { type: 'tool_use', id: toToolUseId(event.call.id), name: event.call.name, input: {} });
        out.push({ name: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(event.call.arguments) } } });
        out.push({ name: 'content_block_stop', data: { type: 'content_block_stop', index } });
      } else if (event.type === 'usage') {
        usage = event.usage;
      } else if (event.type === 'finish') {
        close(out);
        out.push({
          name: 'message_delta',
          data: {
            type: 'message_delta',
            delta: { stop_reason: toStopReason(event.reason), stop_sequence: event.stopSequence ?? null },
            usage: { input_tokens: usage?.inputTokens ?? meta.inputTokens, output_tokens: usage?.outputTokens ?? estimateTokens(output) },
          },
        });
        out.push({ name: 'message_stop', data: { type: 'message_stop' } });
      }
      return out;
    },
  };
}

export interface AnthropicMessageBody {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Record<string, unknown>[];
  stop_reason: StopReason;
  stop_sequence: string | null;
  usage: { input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number };
}

/** Collects a whole reply into one Messages response body. */
export async function collectMessage(events: AsyncIterable<CanonicalEvent>, meta: MessageMeta): Promise<AnthropicMessageBody> {
  const content: Record<string, unknown>[] = [];
  let usage: TokenUsage | null = null;
  let stopReason: StopReason = 'end_turn';
  let stopSequence: string | null = null;
  let output = '';
  for await (const event of events) {
    output += outputText(event);
    const last = content.at(-1);
    if (event.type === 'text' && event.text !== '') {
      if (last?.type === 'text') last.text = `${String(last.text)}${event.text}`;
      else content.push({ type: 'text', text: event.text });
    } else if (event.type === 'reasoning' && event.text !== '') {
      if (last?.type === 'thinking') last.thinking = `${String(last.thinking)}${event.text}`;
      else content.push({ type: 'thinking', thinking: event.text, signature: THINKING_SIGNATURE });
    } else if (event.type === 'tool-call') {
      content.push({ type: 'tool_use', id: toToolUseId(event.call.id), name: event.call.name, input: event.call.arguments });
    } else if (event.type === 'usage') {
      usage = event.usage;
    } else if (event.type === 'finish') {
      stopReason = toStopReason(event.reason);
      stopSequence = event.stopSequence ?? null;
    }
  }
  return {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: meta.model,
    content,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    usage: { input_tokens: usage?.inputTokens ?? meta.inputTokens, output_tokens: usage?.outputTokens ?? estimateTokens(output), ...NO_CACHE },
  };
}
