/**
 * Canonical events → Responses API output items. One builder serves both paths: streaming passes
 * `emit` and gets the event sequence (`output_item.added`, `content_part.added`,
 * `output_text.delta`, … `output_item.done`), non-streaming only reads the final object. An item
 * stays open while events of its kind arrive and is closed (its `.done` events) when another kind
 * starts or the reply finishes.
 */
import { randomUUID } from 'node:crypto';
import type {
  ResponseFunctionCallItem,
  ResponseMessageItem,
  ResponseObject,
  ResponseOutputItem,
  ResponseReasoningItem,
  ResponseStatus,
  ResponseUsage,
} from '../../../../shared/api/responses';
import type { ErrorInfo } from '../../../../shared/errors';
import type { CanonicalEvent, TokenUsage } from '../../canonical';
import type { CreateResponseRequest } from './schema';

export type Emit = (type: string, data: Record<string, unknown>) => void;

export interface ResponseMeta {
  id: string;
  createdAt: number;
  request: CreateResponseRequest;
}

export function newItemId(prefix: 'msg' | 'rs' | 'fc'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

function toUsage(usage: TokenUsage, reasoningChars: number, outputChars: number): ResponseUsage {
  // The upstream reports no reasoning split: apportion output tokens by the characters of each part.
  const share = outputChars > 0 ? reasoningChars / outputChars : 0;
  const reasoning = Math.round(usage.outputTokens * share);
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** The request's own settings, echoed in every response object as the API does. */
function echo(request: CreateResponseRequest): Omit<ResponseObject, 'id' | 'object' | 'created_at' | 'status' | 'error' | 'incomplete_details' | 'output' | 'output_text' | 'usage'> {
  return {
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: request.model,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: request.reasoning?.summary ?? null },
    store: request.store ?? true,
    temperature: request.temperature ?? null,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? null,
    truncation: 'disabled',
    metadata: request.metadata ?? {},
  };
}

export interface ResponseBuilder {
  push(event: CanonicalEvent): void;
  /** Closes the open item and returns the final object (`completed`, or `incomplete` when cut by max_output_tokens). */
  finish(): ResponseObject;
  /** The object as it stands, with `status`. */
  snapshot(status: ResponseStatus, error?: ErrorInfo): ResponseObject;
}

export function createResponseBuilder(meta: ResponseMeta, emit: Emit = () => {}): ResponseBuilder {
  const output: ResponseOutputItem[] = [];
  let open: ResponseMessageItem | ResponseReasoningItem | null = null;
  let usage: TokenUsage | null = null;
  let cutByLength = false;
  let reasoningChars = 0;
  let outputChars = 0;

  const indexOf = (item: ResponseOutputItem): number => output.indexOf(item);

  function closeOpen(): void {
    if (!open) return;
    const item = open;
    open = null;
    const output_index = indexOf(item);
    if (item.type === 'message') {
      const part = item.content[0];
      if (!cutByLength) item.status = 'completed';
      else item.status = 'incomplete';
      if (part) {
        emit('response.output_text.done', { item_id: item.id, output_index, content_index: 0, text: part.text, logprobs: [] });
        emit('response.content_part.done', { item_id: item.id, output_index, content_index: 0, part });
      }
    } else {
      item.status = 'completed';
      const part = item.summary[0];
      if (part) {
        emit('response.reasoning_summary_text.done', { item_id: item.id, output_index, summary_index: 0, text: part.text });
        emit('response.reasoning_summary_part.done', { item_id: item.id, output_index, summary_index: 0, part });
      }
    }
    emit('response.output_item.done', { output_index, item });
  }

  function text(delta: string): void {
    if (open?.type !== 'message') {
      closeOpen();
      const item: ResponseMessageItem = { type: 'message', id: newItemId('msg'), status: 'in_progress', role: 'assistant', content: [] };
      output.push(item);
      open = item;
      emit('response.output_item.added', { output_index: indexOf(item), item: { ...item, content: [] } });
      const part = { type: 'output_text' as const, text: '', annotations: [] as never[], logprobs: [] as never[] };
      item.content.push(part);
      emit('response.content_part.added', { item_id: item.id, output_index: indexOf(item), content_index: 0, part: { ...part } });
    }
    const item = open;
    const part = item.content[0];
    if (!part) return;
    part.text += delta;
    outputChars += delta.length;
    emit('response.output_text.delta', { item_id: item.id, output_index: indexOf(item), content_index: 0, delta, logprobs: [] });
  }

  function reasoning(delta: string): void {
    if (open?.type !== 'reasoning') {
      closeOpen();
      const item: ResponseReasoningItem = { type: 'reasoning', id: newItemId('rs'), summary: [], status: 'in_progress' };
      output.push(item);
      open = item;
      emit('response.output_item.added', { output_index: indexOf(item), item: { ...item, summary: [] } });
      const part = { type: 'summary_text' as const, text: '' };
      item.summary.push(part);
      emit('response.reasoning_summary_part.added', { item_id: item.id, output_index: indexOf(item), summary_index: 0, part: { ...part } });
    }
    const item = open;
    const part = item.summary[0];
    if (!part) return;
    part.text += delta;
    reasoningChars += delta.length;
    outputChars += delta.length;
    emit('response.reasoning_summary_text.delta', { item_id: item.id, output_index: indexOf(item), summary_index: 0, delta });
  }

  function toolCall(call: { id: string; name: string; arguments: Record<string, unknown> }): void {
    closeOpen();
    const args = JSON.stringify(call.arguments);
    const item: ResponseFunctionCallItem = { type: 'function_call', id: newItemId('fc'), call_id: call.id, name: call.name, arguments: '', status: 'in_progress' };
    output.push(item);
    const output_index = indexOf(item);
    emit('response.output_item.added', { output_index, item: { ...item } });
    item.arguments = args;
    outputChars += args.length;
    emit('response.function_call_arguments.delta', { item_id: item.id, output_index, delta: args });
    emit('response.function_call_arguments.done', { item_id: item.id, output_index, name: item.name, arguments: args });
    item.status = 'completed';
    emit('response.output_item.done', { output_index, item });
  }

  function snapshot(status: ResponseStatus, error?: ErrorInfo): ResponseObject {
    const outputText = output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => part.text) : [])).join('');
    return {
      id: meta.id,
      object: 'response',
      created_at: meta.createdAt,
      status,
      error: error ? { code: error.code, message: error.message } : null,
      incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
      ...echo(meta.request),
      output: structuredClone(output),
      output_text: outputText,
      usage: usage ? toUsage(usage, reasoningChars, outputChars) : null,
    };
  }

  return {
    push(event) {
      if (event.type === 'text') text(event.text);
      else if (event.type === 'reasoning') reasoning(event.text);
      else if (event.type === 'tool-call') toolCall(event.call);
      else if (event.type === 'usage') usage = event.usage;
      else if (event.type === 'finish') cutByLength = event.reason === 'length';
    },
    finish() {
      closeOpen();
      return snapshot(cutByLength ? 'incomplete' : 'completed');
    },
    snapshot,
  };
}
