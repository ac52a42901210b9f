/**
 * Turns successive get_chat_detail snapshots into deltas (§4.1 of the protocol reference). The
 * reply is the LAST `msg_type 2` message without `tool_call` (agent tool steps are skipped, as
 * minimax-wrapper does); its `msg_content` and `extra_info.thinking_content` are cumulative.
 *
 * Each stream (text, reasoning) keeps what the client already has. When the upstream shows a
 * shorter string that is a prefix of it — the message restarted, possibly under a new msg_id —
 * nothing is re-sent and output resumes once it grows past that point. A string that does not
 * continue what was sent (a genuinely different new message) starts a new paragraph rather than
 * garbling or dropping it: the client cannot take back text it already received.
 */
import { CHAT_STATUS_DONE, MSG_TYPE_AI } from './protocol';
import type { ChatDetail, ChatMessage } from './schemas';

export interface ReplyDelta {
  reasoning: string;
  text: string;
  done: boolean;
}

export interface ReplyTracker {
  update(detail: ChatDetail): ReplyDelta;
  /** Total text characters delivered so far. */
  readonly textLength: number;
}

interface Stream {
  shown: string;
  take(value: string): string;
}

function createStream(): Stream {
  const stream: Stream = {
    shown: '',
    take(value) {
      const shown = stream.shown;
      if (value.startsWith(shown)) {
        stream.shown = value;
        return value.slice(shown.length);
      }
      if (shown.startsWith(value)) return '';
      stream.shown = value;
      return shown === '' ? value : `\n\n${value}`;
    },
  };
  return stream;
}

export function pickReplyMessage(messages: readonly ChatMessage[]): ChatMessage | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message && message.msg_type === MSG_TYPE_AI && (message.tool_call === undefined || message.tool_call === null)) {
      return message;
    }
  }
  return undefined;
}

export function createReplyTracker(): ReplyTracker {
  const text = createStream();
  const reasoning = createStream();
  // Cursors follow what the client has rather than resetting per msg_id: a new msg_id that
  // repeats the old text must not repeat it to the client.
  let textLength = 0;
  return {
    update(detail) {
      const message = pickReplyMessage(detail.messages ?? []);
      const delta: ReplyDelta = { reasoning: '', text: '', done: detail.chat.chat_status === CHAT_STATUS_DONE };
      if (!message) return delta;
      delta.reasoning = reasoning.take(message.extra_info?.thinking_content ?? '');
      delta.text = text.take(message.msg_content ?? '');
      textLength += delta.text.length;
      return delta;
    },
    get textLength() {
      return textLength;
    },
  };
}
