import { describe, expect, it } from 'vitest';
import { applyNextFrame, echoReply, isExhausted, planTurn, type SimMessage, type Turn } from './generation';

const defaults = { tickMs: 10, charsPerTick: 4 };

/** Runs the whole plan, returning the AI messages visible after each frame. */
function run(turn: Turn): SimMessage[][] {
  const messages: SimMessage[] = [];
  let id = 0;
  const states: SimMessage[][] = [];
  while (!isExhausted(turn)) {
    applyNextFrame(messages, turn, () => ++id, 0);
    states.push(messages.map((m) => ({ ...m })));
  }
  return states;
}

describe('planTurn / applyNextFrame', () => {
  it('opens an empty AI message, grows thinking first, then cumulative text', () => {
    const states = run(planTurn({ text: 'abcdefghij', thinking: 'xyz' }, defaults));
    expect(states[0]).toEqual([expect.objectContaining({ msgType: 2, content: '', thinking: '' })]);
    const seen = states.map((s) => [s[0]?.thinking, s[0]?.content]);
    expect(seen).toEqual([['', ''], ['xyz', ''], ['xyz', 'abcd'], ['xyz', 'abcdefgh'], ['xyz', 'abcdefghij']]);
  });

  it('splits by explicit chunks, even inside a surrogate pair', () => {
    const emoji = '😀';
    const chunks = ['Hi ', emoji.slice(0, 1), `${emoji.slice(1)}!`];
    const states = run(planTurn({ text: 'ignored', chunks }, defaults));
    expect(states.slice(1).map((s) => s[0]?.content)).toEqual(['Hi ', `Hi ${emoji.slice(0, 1)}`, `Hi ${emoji}!`]);
  });

  it('emits agent steps as separate tool messages before the final message', () => {
    const states = run(planTurn({ text: 'done', agentSteps: [{ toolCallName: 'Web Search', content: 'searching' }] }, defaults));
    const last = states[states.length - 1] ?? [];
    expect(last).toHaveLength(2);
    expect(last[0]).toMatchObject({ toolCallName: 'Web Search', content: 'searching' });
    expect(last[1]).toMatchObject({ content: 'done' });
    expect(last[1]?.msgId).not.toBe(last[0]?.msgId);
  });

  it('shrinkOnce replaces the message with a new id and shorter text, then completes', () => {
    const states = run(planTurn({ text: 'abcdefghijklmnop', shrinkOnce: true }, defaults));
    const ids = new Set(states.map((s) => s[0]?.msgId));
    expect(ids.size).toBe(2);
    const lengths = states.map((s) => s[0]?.content.length ?? 0);
    expect(lengths.some((n, i) => i > 0 && n < (lengths[i - 1] ?? 0))).toBe(true);
    expect(states[states.length - 1]?.[0]?.content).toBe('abcdefghijklmnop');
    expect(states[states.length - 1]).toHaveLength(1);
  });

  it('uses per-reply timing overrides and flags neverFinish', () => {
    const turn = planTurn({ text: 'abcdef', tickMs: 7, charsPerTick: 3, neverFinish: true }, defaults);
    expect(turn.tickMs).toBe(7);
    expect(turn.neverFinish).toBe(true);
    expect(turn.frames).toHaveLength(3);
  });
});

describe('echoReply', () => {
  it('is deterministic and derived from the last prompt line', () => {
    const reply = echoReply('system:be brief\nuser:What is 2+2?\nassistant:');
    expect(reply.text.startsWith('Echo: What is 2+2?')).toBe(true);
    expect(reply.text.length).toBeGreaterThan(200);
    expect(echoReply('user:What is 2+2?\nassistant:')).toEqual(echoReply('user:What is 2+2?\nassistant:'));
  });
});
