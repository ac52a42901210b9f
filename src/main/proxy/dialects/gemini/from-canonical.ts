/**
 * Canonical events → GenerateContentResponse objects: one per event while streaming (SSE frames
 * or elements of a JSON array), or one collected response.
 */
import { estimateTokens } from '../../../relay/chat-runner';
import type { CanonicalEvent, FinishReason, TokenUsage } from '../../../relay/canonical';

export interface ResponseMeta {
  responseId: string;
  model: string;
  includeThoughts: boolean;
  /** Prompt estimate, used when the stream carries no usage. */
  promptTokens: number;
}

export type GeminiResponsePart = Record<string, unknown>;

export interface GenerateContentResponse {
  /** `parts` is never an empty array: clients such as gemini-cli reject `parts: []`. */
  candidates: { content: { role: 'model'; parts?: GeminiResponsePart[] }; finishReason?: 'STOP' | 'MAX_TOKENS'; index: 0 }[];
  usageMetadata?: { promptTokenCount: number; candidatesTokenCount: number; totalTokenCount: number; thoughtsTokenCount?: number };
  modelVersion: string;
  responseId: string;
}

export function toFinishReason(reason: FinishReason): 'STOP' | 'MAX_TOKENS' {
  return reason === 'length' ? 'MAX_TOKENS' : 'STOP';
}

function toPart(event: CanonicalEvent, meta: ResponseMeta): GeminiResponsePart | null {
  if (event.type === 'text' && event.text !== '') return { text: event.text };
  if (event.type === 'reasoning' && event.text !== '' && meta.includeThoughts) return { text: event.text, thought: true };
  if (event.type === 'tool-call') return { functionCall: { id: event.call.id, name: event.call.name, args: event.call.arguments } };
  return null;
}

/** Tracks usage across a reply; thoughts are counted locally (the upstream reports no split). */
function createUsageTally(meta: ResponseMeta): { see(event: CanonicalEvent): void; metadata(): NonNullable<GenerateContentResponse['usageMetadata']> } {
  let usage: TokenUsage | null = null;
  let thoughts = '';
  let answer = '';
  return {
    see(event) {
      if (event.type === 'usage') usage = event.usage;
      if (event.type === 'reasoning') thoughts += event.text;
      if (event.type === 'text') answer += event.text;
      if (event.type === 'tool-call') answer += event.call.name + JSON.stringify(event.call.arguments);
    },
    metadata() {
      const prompt = usage?.inputTokens ?? meta.promptTokens;
      // Without a usage event (the relay cut the reply) the output is counted locally.
      const output = usage?.outputTokens ?? estimateTokens(thoughts) + estimateTokens(answer);
      const thoughtTokens = thoughts === '' ? 0 : Math.min(output, estimateTokens(thoughts));
      return {
        promptTokenCount: prompt,
        candidatesTokenCount: output - thoughtTokens,
        totalTokenCount: prompt + output,
        ...(thoughtTokens > 0 ? { thoughtsTokenCount: thoughtTokens } : {}),
      };
    },
  };
}

/** A stateful encoder: one canonical event in, at most one response chunk out. */
export function createChunkEncoder(meta: ResponseMeta): (event: CanonicalEvent) => GenerateContentResponse | null {
  const tally = createUsageTally(meta);
  const response = (parts: GeminiResponsePart[], extra: { finishReason?: 'STOP' | 'MAX_TOKENS' } = {}): GenerateContentResponse => ({
    // Google's last chunk carries a non-empty `parts` or none at all.
    candidates: [{ content: { role: 'model', ...(parts.length > 0 ? { parts } : {}) }, ...extra, index: 0 }],
    modelVersion: meta.model,
    responseId: meta.responseId,
  });
  return (event) => {
    tally.see(event);
    if (event.type === 'finish') return { ...response([], { finishReason: toFinishReason(event.reason) }), usageMetadata: tally.metadata() };
    const part = toPart(event, meta);
    return part ? response([part]) : null;
  };
}

/** Collects a whole reply into one response; adjacent text (and thought) parts are merged. */
export async function collectResponse(events: AsyncIterable<CanonicalEvent>, meta: ResponseMeta): Promise<GenerateContentResponse> {
  const tally = createUsageTally(meta);
  const parts: GeminiResponsePart[] = [];
  let finishReason: 'STOP' | 'MAX_TOKENS' = 'STOP';
  for await (const event of events) {
    tally.see(event);
    if (event.type === 'finish') finishReason = toFinishReason(event.reason);
    const part = toPart(event, meta);
    if (!part) continue;
    const last = parts.at(-1);
    if (last && typeof part.text === 'string' && typeof last.text === 'string' && last.thought === part.thought) last.text = last.text + part.text;
    else parts.push(part);
  }
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason, index: 0 }],
    usageMetadata: tally.metadata(),
    modelVersion: meta.model,
    responseId: meta.responseId,
  };
}
