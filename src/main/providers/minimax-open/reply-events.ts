/**
 * Platform chat chunks → canonical events. Reasoning comes from `reasoning_details` /
 * `reasoning_content` (or `<think>` tags when the platform left it inline); tool calls arrive as
 * argument fragments per index and are emitted whole once the reply ends; usage is the platform's
 * own count. The `finish` event waits for the end of the stream because usage follows it.
 */
import type { CanonicalEvent, FinishReason } from '../../relay/canonical';
import { RelayError } from '../../../shared/errors';
import type { ChatChunk, MessageDelta } from './protocol';
import { createThinkSplitter } from './think-splitter';

interface PendingCall {
  id: string;
  name: string;
  args: string;
}

export interface ReplyOptions {
  /** The client asked for reasoning; otherwise it is dropped (the model thinks anyway). */
  reasoning: boolean;
  newCallId: () => string;
}

function toFinishReason(reason: string | null): FinishReason {
  if (reason === 'length') return 'length';
  if (reason === 'tool_calls') return 'tool_calls';
  return 'stop';
}

function parseArguments(raw: string, name: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Falls through to the error below.
  }
  throw new RelayError('upstream_protocol', `The MiniMax Open Platform sent arguments for ${name} that are not a JSON object.`, { field: 'tool_calls.arguments' });
}

export function createReplyEvents(options: ReplyOptions) {
  const splitter = createThinkSplitter();
  const calls = new Map<number, PendingCall>();
  let reasoningSeen = '';
  let finishReason: string | null = null;
  let usage: CanonicalEvent | null = null;

  /** Some gateways repeat the whole reasoning so far in each chunk: only the new tail is emitted. */
  function reasoningDelta(text: string): string {
    const fresh = reasoningSeen && text.startsWith(reasoningSeen) ? text.slice(reasoningSeen.length) : text;
    reasoningSeen = reasoningSeen && text.startsWith(reasoningSeen) ? text : reasoningSeen + fresh;
    return fresh;
  }

  function* fromDelta(delta: MessageDelta): Generator<CanonicalEvent> {
    const reasoning = delta.reasoning_content ?? delta.reasoning_details?.map((detail) => detail.text ?? '').join('') ?? '';
    const fresh = reasoning ? reasoningDelta(reasoning) : '';
    if (fresh && options.reasoning) yield { type: 'reasoning', text: fresh };
    if (delta.content) {
      for (const piece of splitter.push(delta.content)) {
        if (piece.kind === 'text') yield { type: 'text', text: piece.text };
        else if (options.reasoning) yield { type: 'reasoning', text: piece.text };
      }
    }
    for (const call of delta.tool_calls ?? []) {
      const index = call.index ?? 0;
      const pending = calls.get(index) ?? { id: '', name: '', args: '' };
      if (call.id) pending.id = call.id;
      if (call.function?.name) pending.name += call.function.name;
      if (call.function?.arguments) pending.args += call.function.arguments;
      calls.set(index, pending);
    }
  }

  return {
    *push(chunk: ChatChunk): Generator<CanonicalEvent> {
      for (const choice of chunk.choices ?? []) {
        const delta = choice.delta ?? choice.message;
        if (delta) yield* fromDelta(delta);
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
      if (chunk.usage && (chunk.usage.prompt_tokens != null || chunk.usage.completion_tokens != null)) {
        usage = { type: 'usage', usage: { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0, estimated: false } };
      }
    },
    *end(): Generator<CanonicalEvent> {
      for (const piece of splitter.end()) {
        if (piece.kind === 'text') yield { type: 'text', text: piece.text };
        else if (options.reasoning) yield { type: 'reasoning', text: piece.text };
      }
      const ordered = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
      for (const call of ordered) {
        if (!call.name) continue;
        yield { type: 'tool-call', call: { id: call.id || options.newCallId(), name: call.name, arguments: parseArguments(call.args, call.name) } };
      }
      if (usage) yield usage;
      const reason = ordered.length > 0 && finishReason !== 'length' ? 'tool_calls' : toFinishReason(finishReason);
      yield { type: 'finish', reason };
    },
  };
}
