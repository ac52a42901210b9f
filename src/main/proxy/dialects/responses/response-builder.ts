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
import type { CanonicalEvent, TokenUsage } from '../../../relay/canonical';
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

/** What the builder has seen; the functions below move it forward and emit the matching events. */
interface BuildState {
  emit: Emit;
  output: ResponseOutputItem[];
  /** The message or reasoning item still receiving deltas. */
  open: ResponseMessageItem | ResponseReasoningItem | null;
  usage: TokenUsage | null;
  cutByLength: boolean;
  reasoningChars: number;
  outputChars: number;
}

function closeOpen(state: BuildState): void {
  const item = state.open;
  if (!item) return;
  state.open = null;
  const output_index = state.output.indexOf(item);
  if (item.type === 'message') {
    item.status = state.cutByLength ? 'incomplete' : 'completed';
    const part = item.content[0];
    if (part) {
      state.emit('response.output_text.done', { item_id: item.id, output_index, content_index: 0, text: part.text, logprobs: [] });
      state.emit('response.content_part.done', { item_id: item.id, output_index, content_index: 0, part });
    }
  } else {
    item.status = 'completed';
    const part = item.summary[0];
    if (part) {
      state.emit('response.reasoning_summary_text.done', { item_id: item.id, output_index, summary_index: 0, text: part.text });
      state.emit('response.reasoning_summary_part.done', { item_id: item.id, output_index, summary_index: 0, part });
    }
  }
  state.emit('response.output_item.done', { output_index, item });
}

function addText(state: BuildState, delta: string): void {
  let item = state.open;
  if (item?.type !== 'message') {
    closeOpen(state);
    item = { type: 'message', id: newItemId('msg'), status: 'in_progress', role: 'assistant', content: [] };
    state.output.push(item);
    state.open = item;
    const output_index = state.output.length - 1;
    state.emit('response.output_item.added', { output_index, item: { ...item, content: [] } });
    item.content.push({ type: 'output_text', text: '', annotations: [], logprobs: [] });
    state.emit('response.content_part.added', { item_id: item.id, output_index, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
  }
  const part = item.content[0];
  if (!part) return;
  part.text += delta;
  state.outputChars += delta.length;
  state.emit('response.output_text.delta', { item_id: item.id, output_index: state.output.indexOf(item), content_index: 0, delta, logprobs: [] });
}

function addReasoning(state: BuildState, delta: string): void {
  let item = state.open;
  if (item?.type !== 'reasoning') {
    closeOpen(state);
    item = { type: 'reasoning', id: newItemId('rs'), summary: [], status: 'in_progress' };
    state.output.push(item);
    state.open = item;
    const output_index = state.output.length - 1;
    state.emit('response.output_item.added', { output_index, item: { ...item, summary: [] } });
    item.summary.push({ type: 'summary_text', text: '' });
    state.emit('response.reasoning_summary_part.added', { item_id: item.id, output_index, summary_index: 0, part: { type: 'summary_text', text: '' } });
  }
  const part = item.summary[0];
  if (!part) return;
  part.text += delta;
  state.reasoningChars += delta.length;
  state.outputChars += delta.length;
  state.emit('response.reasoning_summary_text.delta', { item_id: item.id, output_index: state.output.indexOf(item), summary_index: 0, delta });
}

/** A recovered call is complete when it arrives, so its item opens and closes at once. */
function addToolCall(state: BuildState, call: { id: string; name: string; arguments: Record<string, unknown> }): void {
  closeOpen(state);
  const args = JSON.stringify(call.arguments);
  const item: ResponseFunctionCallItem = { type: 'function_call', id: newItemId('fc'), call_id: call.id, name: call.name, arguments: '', status: 'in_progress' };
  state.output.push(item);
  const output_index = state.output.length - 1;
  state.emit('response.output_item.added', { output_index, item: { ...item } });
  item.arguments = args;
  state.outputChars += args.length;
  state.emit('response.function_call_arguments.delta', { item_id: item.id, output_index, delta: args });
  state.emit('response.function_call_arguments.done', { item_id: item.id, output_index, name: item.name, arguments: args });
  item.status = 'completed';
  state.emit('response.output_item.done', { output_index, item });
}

function toSnapshot(meta: ResponseMeta, state: BuildState, status: ResponseStatus, error?: ErrorInfo): ResponseObject {
  const outputText = state.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => part.text) : [])).join('');
  return {
    id: meta.id,
    object: 'response',
    created_at: meta.createdAt,
    status,
    error: error ? { code: error.code, message: error.message } : null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    ...echo(meta.request),
    output: structuredClone(state.output),
    output_text: outputText,
    usage: state.usage ? toUsage(state.usage, state.reasoningChars, state.outputChars) : null,
  };
}

export function createResponseBuilder(meta: ResponseMeta, emit: Emit = () => {}): ResponseBuilder {
  const state: BuildState = { emit, output: [], open: null, usage: null, cutByLength: false, reasoningChars: 0, outputChars: 0 };
  return {
    push(event) {
      if (event.type === 'text') addText(state, event.text);
      else if (event.type === 'reasoning') addReasoning(state, event.text);
      else if (event.type === 'tool-call') addToolCall(state, event.call);
      else if (event.type === 'usage') state.usage = event.usage;
      else if (event.type === 'finish') state.cutByLength = event.reason === 'length';
    },
    finish() {
      closeOpen(state);
      return toSnapshot(meta, state, state.cutByLength ? 'incomplete' : 'completed');
    },
    snapshot: (status, error) => toSnapshot(meta, state, status, error),
  };
}
