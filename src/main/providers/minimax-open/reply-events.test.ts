import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../relay/canonical';
import { createReplyEvents } from './reply-events';
import { createThinkSplitter } from './think-splitter';
import type { ChatChunk } from './protocol';

function run(chunks: ChatChunk[], reasoning = true): CanonicalEvent[] {
  const reply = createReplyEvents({ reasoning, newCallId: () => 'call_generated' });
  return [...chunks.flatMap((chunk) => [...reply.push(chunk)]), ...reply.end()];
}

const delta = (d: Record<string, unknown>, finish: string | null = null): ChatChunk => ({ choices: [{ delta: d, finish_reason: finish }] }) as ChatChunk;

describe('think splitter', () => {
  it('splits <think> tags cut anywhere across chunks', () => {
    const text = '<think>\nplan it\n</think>\n\nThe answer.';
    for (let cut = 1; cut < text.length; cut++) {
      const splitter = createThinkSplitter();
      const pieces = [...splitter.push(text.slice(0, cut)), ...splitter.push(text.slice(cut)), ...splitter.end()];
      const reasoning = pieces.filter((p) => p.kind === 'reasoning').map((p) => p.text).join('');
      const answer = pieces.filter((p) => p.kind === 'text').map((p) => p.text).join('');
      expect([reasoning, answer]).toEqual(['\nplan it\n', 'The answer.']);
    }
  });

  it('keeps a lone < that never becomes a tag', () => {
    const splitter = createThinkSplitter();
    expect([...splitter.push('a <'), ...splitter.push('b'), ...splitter.end()].map((p) => p.text).join('')).toBe('a <b');
  });
});

describe('reply events', () => {
  it('emits reasoning from reasoning_details, text, then usage and finish at the end', () => {
    const events = run([
      delta({ reasoning_details: [{ text: 'Think ' }] }),
      delta({ reasoning_details: [{ text: 'more.' }] }),
      delta({ content: 'Hi' }, 'stop'),
      { choices: [], usage: { prompt_tokens: 7, completion_tokens: 3 } } as ChatChunk,
    ]);
    expect(events).toEqual([
      { type: 'reasoning', text: 'Think ' },
      { type: 'reasoning', text: 'more.' },
      { type: 'text', text: 'Hi' },
      { type: 'usage', usage: { inputTokens: 7, outputTokens: 3, estimated: false } },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('emits only the new tail when a gateway repeats the whole reasoning so far', () => {
    const events = run([delta({ reasoning_content: 'abc' }), delta({ reasoning_content: 'abcdef' })]);
    expect(events.filter((e) => e.type === 'reasoning')).toEqual([
      { type: 'reasoning', text: 'abc' },
      { type: 'reasoning', text: 'def' },
    ]);
  });

  it('drops reasoning when the client did not ask for it', () => {
    const events = run([delta({ content: '<think>x</think>Answer' }), delta({ reasoning_content: 'y' })], false);
    expect(events).toEqual([{ type: 'text', text: 'Answer' }, { type: 'finish', reason: 'stop' }]);
  });

  it('joins tool-call argument fragments per index and generates a missing id', () => {
    const events = run([
      delta({ tool_calls: [{ index: 1, id: 'call_b', function: { name: 'b', arguments: '{"x"' } }] }),
      delta({ tool_calls: [{ index: 0, function: { name: 'a', arguments: '{}' } }] }),
      delta({ tool_calls: [{ index: 1, function: { arguments: ':1}' } }] }, 'tool_calls'),
    ]);
    expect(events).toEqual([
      { type: 'tool-call', call: { id: 'call_generated', name: 'a', arguments: {} } },
      { type: 'tool-call', call: { id: 'call_b', name: 'b', arguments: { x: 1 } } },
      { type: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('fails the reply with upstream_protocol when arguments are not a JSON object', () => {
    expect(() => run([delta({ tool_calls: [{ index: 0, function: { name: 'a', arguments: '[1' } }] })])).toThrow(/not a JSON object/);
  });

  it('ignores fields it does not know', () => {
    const events = run([{ choices: [{ delta: { content: 'ok', audio: { id: 1 } }, finish_reason: 'length', logprobs: null }], service_tier: 'x' } as unknown as ChatChunk]);
    expect(events).toEqual([{ type: 'text', text: 'ok' }, { type: 'finish', reason: 'length' }]);
  });
});
