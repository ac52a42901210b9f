/**
 * Emulates `stop` sequences and `max_tokens`, which the MiniMax web upstream does not take: the
 * reply text is cut at the first stop sequence (reason `stop_sequence`) or when its estimated
 * token count passes the limit (reason `length`), and the upstream is then left (the consumer's
 * `return()` stops its polling). Only text counts; reasoning is not cut. Applying it twice is
 * harmless: a cut reply holds no stop sequence and fits the limit.
 */
import type { CanonicalEvent, CanonicalRequest } from '../canonical';
import { estimateRaw, prefixWithinTokens } from '../chat-runner/token-estimate';
import { partialMarkerStart } from './scanner';

type Limits = Pick<CanonicalRequest, 'maxTokens' | 'stopSequences'>;

export async function* limitOutput(events: AsyncIterable<CanonicalEvent>, limits: Limits): AsyncGenerator<CanonicalEvent> {
  const stops = (limits.stopSequences ?? []).filter((s) => s !== '');
  const maxTokens = limits.maxTokens;
  if (stops.length === 0 && maxTokens === undefined) {
    yield* events;
    return;
  }
  let held = '';
  let used = 0;
  let toolCalls = false;

  let emitted = '';
  /** Text allowed out under the token limit; `cut` when the limit was reached inside it. */
  const fit = (text: string): { text: string; cut: boolean } => {
    if (maxTokens === undefined || text === '') return { text, cut: false };
    // Runs of one kind merge across chunk borders, so price the new text after a window of what went out.
    const tail = windowOf(emitted);
    const base = estimateRaw(tail);
    const added = estimateRaw(tail + text) - base;
    if (used + added <= maxTokens) {
      used += added;
      emitted += text;
      return { text, cut: false };
    }
    const room = Math.max(0, maxTokens - used);
    used = maxTokens;
    const end = Math.max(0, prefixWithinTokens(tail + text, base + room) - tail.length);
    // A space belongs to the word after it, which did not fit.
    return { text: trimEndSpaces(text.slice(0, end)), cut: true };
  };

  for await (const event of events) {
    if (event.type === 'tool-call') toolCalls = true;
    if (event.type !== 'text') {
      if (event.type === 'finish' || event.type === 'usage') {
        const rest = fit(held);
        held = '';
        if (rest.text !== '') yield { type: 'text', text: rest.text };
        if (rest.cut) return yield { type: 'finish', reason: 'length' };
      }
      yield event;
      continue;
    }
    held += event.text;
    const stop = firstStop(held, stops);
    const ready = stop ? held.slice(0, stop.index) : held.slice(0, keepFrom(held, stops));
    held = stop ? '' : held.slice(ready.length);
    const out = fit(ready);
    if (out.text !== '') yield { type: 'text', text: out.text };
    if (out.cut) return yield { type: 'finish', reason: 'length' };
    if (stop) return yield toolCalls ? { type: 'finish', reason: 'tool_calls' } : { type: 'finish', reason: 'stop_sequence', stopSequence: stop.sequence };
  }
  if (held !== '') {
    const rest = fit(held);
    if (rest.text !== '') yield { type: 'text', text: rest.text };
  }
}

function firstStop(text: string, stops: readonly string[]): { index: number; sequence: string } | null {
  let best: { index: number; sequence: string } | null = null;
  for (const sequence of stops) {
    const index = text.indexOf(sequence);
    if (index >= 0 && (best === null || index < best.index)) best = { index, sequence };
  }
  return best;
}

function keepFrom(text: string, stops: readonly string[]): number {
  let cut = stops.length > 0 ? partialMarkerStart(text, stops) : text.length;
  const code = text.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

const TOKEN_WINDOW = 64;

function windowOf(text: string): string {
  let start = Math.max(0, text.length - TOKEN_WINDOW);
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start++;
  return text.slice(start);
}

function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}
