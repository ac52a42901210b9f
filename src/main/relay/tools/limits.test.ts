import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../canonical';
import { limitOutput } from './limits';

async function collect(chunks: string[], limits: { maxTokens?: number; stopSequences?: string[] }): Promise<{ events: CanonicalEvent[]; pulled: number }> {
  let pulled = 0;
  async function* source(): AsyncGenerator<CanonicalEvent> {
    for (const text of chunks) {
      pulled++;
      yield { type: 'text', text };
    }
    yield { type: 'usage', usage: { inputTokens: 1, outputTokens: 9, estimated: false } };
    yield { type: 'finish', reason: 'stop' };
  }
  const events: CanonicalEvent[] = [];
  for await (const event of limitOutput(source(), limits)) events.push(event);
  return { events, pulled };
}

const textOf = (events: CanonicalEvent[]): string => events.map((e) => (e.type === 'text' ? e.text : '')).join('');

describe('limitOutput', () => {
  it('cuts at the first stop sequence even when it is split across events, and stops reading', async () => {
    const { events, pulled } = await collect(['Hello EN', 'D here', ' more', ' and more'], { stopSequences: ['END', 'here'] });
    expect(textOf(events)).toBe('Hello ');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop_sequence', stopSequence: 'END' });
    expect(pulled).toBe(2);
  });

  it('cuts when the text passes max tokens', async () => {
    const { events } = await collect(['one two three four five six seven eight'], { maxTokens: 3 });
    expect(textOf(events)).toBe('one two three');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'length' });
  });

  it('passes a reply that fits through unchanged, including usage and finish', async () => {
    const { events } = await collect(['a b', ' c'], { maxTokens: 100, stopSequences: ['zzz'] });
    expect(textOf(events)).toBe('a b c');
    expect(events.slice(-2).map((e) => e.type)).toEqual(['usage', 'finish']);
  });

  it('keeps tool_calls as the reason when calls came before the stop sequence', async () => {
    async function* source(): AsyncGenerator<CanonicalEvent> {
      yield { type: 'tool-call', call: { id: 'c1', name: 'f', arguments: {} } };
      yield { type: 'text', text: 'after END more' };
      yield { type: 'finish', reason: 'tool_calls' };
    }
    const events: CanonicalEvent[] = [];
    for await (const event of limitOutput(source(), { stopSequences: ['END'] })) events.push(event);
    expect(textOf(events)).toBe('after ');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls' });
  });

  it('releases a held partial stop sequence at the end', async () => {
    const { events } = await collect(['abc EN'], { stopSequences: ['END'] });
    expect(textOf(events)).toBe('abc EN');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });
});
