import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../../relay/canonical';
import { THINKING_SIGNATURE, collectMessage, createMessageEncoder } from './from-canonical';

const meta = { id: 'msg_1', model: 'MiniMax-M2', inputTokens: 12 };

const events: CanonicalEvent[] = [
  { type: 'upstream', chatId: '1' },
  { type: 'reasoning', text: 'Think' },
  { type: 'reasoning', text: 'ing' },
  { type: 'text', text: 'Hello' },
  { type: 'text', text: ' there' },
  { type: 'tool-call', call: { id: 'call_abc', name: 'Read', arguments: { file_path: 'a' } } },
  { type: 'usage', usage: { inputTokens: 10, outputTokens: 20, estimated: true } },
  { type: 'finish', reason: 'tool_calls' },
];

async function* from(list: CanonicalEvent[]): AsyncGenerator<CanonicalEvent> {
  yield* list;
}

describe('anthropic event encoder', () => {
  it('emits the exact Messages event sequence', () => {
    const encoder = createMessageEncoder(meta);
    const frames = [...encoder.start(), ...events.flatMap((e) => encoder.encode(e))];
    expect(frames.map((f) => (f.name === 'content_block_delta' ? `delta:${(f.data.delta as { type: string }).type}` : f.name))).toEqual([
      'message_start',
      'content_block_start',
      'delta:thinking_delta',
      'delta:thinking_delta',
      'delta:signature_delta',
      'content_block_stop',
      'content_block_start',
      'delta:text_delta',
      'delta:text_delta',
      'content_block_stop',
      'content_block_start',
      'delta:input_json_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(frames[0]?.data).toMatchObject({ message: { id: 'msg_1', role: 'assistant', content: [], stop_reason: null, usage: { input_tokens: 12 } } });
    expect(frames[10]?.data).toEqual({ type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_abc', name: 'Read', input: {} } });
    expect(frames[11]?.data).toMatchObject({ index: 2, delta: { partial_json: '{"file_path":"a"}' } });
    expect(frames[13]?.data).toEqual({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 10, output_tokens: 20 } });
  });

  it('maps finish reasons to stop reasons and reports the stop sequence', () => {
    const stopReason = (event: CanonicalEvent): unknown => createMessageEncoder(meta).encode(event)[0]?.data.delta;
    expect(stopReason({ type: 'finish', reason: 'stop' })).toEqual({ stop_reason: 'end_turn', stop_sequence: null });
    expect(stopReason({ type: 'finish', reason: 'length' })).toEqual({ stop_reason: 'max_tokens', stop_sequence: null });
    expect(stopReason({ type: 'finish', reason: 'stop_sequence', stopSequence: 'END' })).toEqual({ stop_reason: 'stop_sequence', stop_sequence: 'END' });
  });
});

describe('anthropic collectMessage', () => {
  it('collects thinking, text and tool_use blocks with usage', async () => {
    expect(await collectMessage(from(events), meta)).toEqual({
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'MiniMax-M2',
      content: [
        { type: 'thinking', thinking: 'Thinking', signature: THINKING_SIGNATURE },
        { type: 'text', text: 'Hello there' },
        { type: 'tool_use', id: 'toolu_abc', name: 'Read', input: { file_path: 'a' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  });
});
