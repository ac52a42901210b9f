import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../../relay/canonical';
import { collectResponse, createChunkEncoder } from './from-canonical';

const meta = { responseId: 'r1', model: 'MiniMax-M2', includeThoughts: true, promptTokens: 7 };
const events: CanonicalEvent[] = [
  { type: 'reasoning', text: 'thinking hard' },
  { type: 'text', text: 'Hel' },
  { type: 'text', text: 'lo' },
  { type: 'tool-call', call: { id: 'call_1', name: 'ls', arguments: { dir: '/' } } },
  { type: 'usage', usage: { inputTokens: 10, outputTokens: 30, estimated: true } },
  { type: 'finish', reason: 'tool_calls' },
];

async function* from(list: CanonicalEvent[]): AsyncGenerator<CanonicalEvent> {
  yield* list;
}

describe('gemini responses', () => {
  it('streams one chunk per event and a final chunk with finishReason and usage', () => {
    const encode = createChunkEncoder(meta);
    const chunks = events.map(encode).filter((c) => c !== null);
    expect(chunks.map((c) => c.candidates[0]?.content.parts)).toEqual([[{ text: 'thinking hard', thought: true }], [{ text: 'Hel' }], [{ text: 'lo' }], [{ functionCall: { id: 'call_1', name: 'ls', args: { dir: '/' } } }], undefined]);
    const last = chunks.at(-1);
    expect(last?.candidates[0]?.finishReason).toBe('STOP');
    expect(last?.usageMetadata).toMatchObject({ promptTokenCount: 10, totalTokenCount: 40 });
    const usage = last?.usageMetadata;
    expect((usage?.thoughtsTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0)).toBe(30);
    expect(usage?.thoughtsTokenCount).toBeGreaterThan(0);
  });

  it('leaves thoughts out unless includeThoughts, and reports MAX_TOKENS', async () => {
    const response = await collectResponse(from([...events.slice(0, 3), { type: 'finish', reason: 'length' }]), { ...meta, includeThoughts: false });
    expect(response.candidates[0]).toEqual({ content: { role: 'model', parts: [{ text: 'Hello' }] }, finishReason: 'MAX_TOKENS', index: 0 });
    expect(response.usageMetadata?.promptTokenCount).toBe(7);
  });

  it('collects merged parts', async () => {
    const response = await collectResponse(from(events), meta);
    expect(response.candidates[0]?.content.parts).toEqual([{ text: 'thinking hard', thought: true }, { text: 'Hello' }, { functionCall: { id: 'call_1', name: 'ls', args: { dir: '/' } } }]);
  });
});
