import { describe, expect, it } from 'vitest';
import { createReplyTracker } from './deltas';
import type { ChatDetail, ChatMessage } from './schemas';

function ai(id: number, content: string, thinking = '', extra: Partial<ChatMessage> = {}): ChatMessage {
  return { msg_id: id, msg_type: 2, msg_content: content, extra_info: { thinking_content: thinking }, ...extra };
}
const user: ChatMessage = { msg_id: 1, msg_type: 1, msg_content: 'user:hi\nassistant:' };
function detail(messages: ChatMessage[], status = 1): ChatDetail {
  return { chat: { chat_status: status }, messages };
}

function run(snapshots: ChatDetail[]) {
  const tracker = createReplyTracker();
  let text = '';
  let reasoning = '';
  let done = false;
  for (const snapshot of snapshots) {
    const delta = tracker.update(snapshot);
    text += delta.text;
    reasoning += delta.reasoning;
    done = delta.done;
  }
  return { text, reasoning, done, length: tracker.textLength };
}

describe('reply tracker', () => {
  it('emits cumulative growth of thinking and text as deltas, done only on status 2', () => {
    const tracker = createReplyTracker();
    expect(tracker.update(detail([user]))).toEqual({ reasoning: '', text: '', done: false });
    expect(tracker.update(detail([user, ai(2, '', 'Think')]))).toEqual({ reasoning: 'Think', text: '', done: false });
    expect(tracker.update(detail([user, ai(2, 'Hel', 'Thinking.')]))).toEqual({ reasoning: 'ing.', text: 'Hel', done: false });
    expect(tracker.update(detail([user, ai(2, 'Hello', 'Thinking.')]))).toEqual({ reasoning: '', text: 'lo', done: false });
    expect(tracker.update(detail([user, ai(2, 'Hello', 'Thinking.')], 2))).toEqual({ reasoning: '', text: '', done: true });
    expect(tracker.textLength).toBe(5);
  });

  it('skips agent steps that carry tool_call and follows the last AI message', () => {
    const out = run([
      detail([user, ai(2, '')]),
      detail([user, ai(2, ''), ai(3, 'searching', '', { tool_call: { tool_call_name: 'Web Search' } })]),
      detail([user, ai(2, ''), ai(3, 'searching', '', { tool_call: { tool_call_name: 'Web Search' } }), ai(4, 'Answer')], 2),
    ]);
    expect(out).toMatchObject({ text: 'Answer', done: true });
  });

  it('does not repeat text when a new msg_id restarts shorter, and resumes past what was sent', () => {
    const out = run([
      detail([user, ai(2, 'Hello wor')]),
      detail([user, ai(5, 'Hel')]),
      detail([user, ai(5, 'Hello')]),
      detail([user, ai(5, 'Hello world!')], 2),
    ]);
    expect(out.text).toBe('Hello world!');
  });

  it('handles shorter text under the same msg_id the same way', () => {
    expect(run([detail([user, ai(2, 'abcdef')]), detail([user, ai(2, 'abc')]), detail([user, ai(2, 'abcdefgh')])]).text).toBe(
      'abcdefgh',
    );
  });

  it('starts a new paragraph when a new message does not continue the old one', () => {
    const out = run([detail([user, ai(2, 'Draft one')]), detail([user, ai(3, 'Final')]), detail([user, ai(3, 'Final answer')])]);
    expect(out.text).toBe('Draft one\n\nFinal answer');
  });

  it('tolerates missing and null fields', () => {
    const out = run([
      { chat: { chat_status: 1 }, messages: null },
      detail([{ msg_id: 2, msg_type: 2, msg_content: null, extra_info: null }]),
      detail([{ msg_id: 2, msg_type: 2, msg_content: 'x' }], 2),
    ]);
    expect(out).toMatchObject({ text: 'x', reasoning: '', done: true });
  });
});
