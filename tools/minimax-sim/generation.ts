import type { ScriptedReply } from './types';

/**
 * A reply is planned as a list of frames, one applied per tick, so that clients polling at any
 * interval see the partial states the real service shows (protocol doc §4.1): no AI message,
 * then an empty one, thinking growing, then cumulative text.
 */

export interface SimMessage {
  msgId: number;
  msgType: 1 | 2;
  content: string;
  thinking: string;
  timestamp: number;
  toolCallName?: string;
}

export type Frame =
  | { kind: 'tool'; toolCallName: string; content: string }
  | { kind: 'open' }
  | { kind: 'grow'; thinkingLen: number; textLen: number }
  | { kind: 'replace'; thinkingLen: number; textLen: number };

export interface Turn {
  frames: Frame[];
  next: number;
  text: string;
  thinking: string;
  tickMs: number;
  neverFinish: boolean;
  /** The final AI message, once the 'open' frame ran. */
  current: SimMessage | null;
}

function steps(length: number, size: number): number[] {
  const out: number[] = [];
  for (let n = size; n < length; n += size) out.push(n);
  if (length > 0) out.push(length);
  return out;
}

function prefixSums(chunks: string[]): number[] {
  let total = 0;
  return chunks.map((c) => (total += c.length));
}

export function planTurn(reply: ScriptedReply, defaults: { tickMs: number; charsPerTick: number }): Turn {
  const charsPerTick = Math.max(1, reply.charsPerTick ?? defaults.charsPerTick);
  const text = reply.chunks ? reply.chunks.join('') : reply.text;
  const thinking = reply.thinking ?? '';
  const frames: Frame[] = (reply.agentSteps ?? []).map((s) => ({ kind: 'tool', toolCallName: s.toolCallName, content: s.content ?? '' }));
  frames.push({ kind: 'open' });
  for (const n of steps(thinking.length, charsPerTick)) frames.push({ kind: 'grow', thinkingLen: n, textLen: 0 });
  const textSteps = reply.chunks ? prefixSums(reply.chunks) : steps(text.length, charsPerTick);
  let shrinkPending = reply.shrinkOnce === true;
  for (const n of textSteps) {
    frames.push({ kind: 'grow', thinkingLen: thinking.length, textLen: n });
    if (shrinkPending && n * 2 >= text.length) {
      shrinkPending = false;
      frames.push({ kind: 'replace', thinkingLen: thinking.length, textLen: Math.floor(n / 2) });
    }
  }
  return { frames, next: 0, text, thinking, tickMs: Math.max(1, reply.tickMs ?? defaults.tickMs), neverFinish: reply.neverFinish === true, current: null };
}

/** Applies the next frame to the chat's messages; returns false when the plan is exhausted. */
export function applyNextFrame(messages: SimMessage[], turn: Turn, newId: () => number, now: number): boolean {
  const frame = turn.frames[turn.next];
  if (!frame) return false;
  turn.next += 1;
  switch (frame.kind) {
    case 'tool':
      messages.push({ msgId: newId(), msgType: 2, content: frame.content, thinking: '', timestamp: now, toolCallName: frame.toolCallName });
      break;
    case 'open':
      turn.current = { msgId: newId(), msgType: 2, content: '', thinking: '', timestamp: now };
      messages.push(turn.current);
      break;
    case 'grow':
      if (turn.current) {
        turn.current.thinking = turn.thinking.slice(0, frame.thinkingLen);
        turn.current.content = turn.text.slice(0, frame.textLen);
      }
      break;
    case 'replace': {
      const replaced = turn.current;
      const fresh: SimMessage = { msgId: newId(), msgType: 2, content: turn.text.slice(0, frame.textLen), thinking: turn.thinking.slice(0, frame.thinkingLen), timestamp: now };
      const at = replaced ? messages.indexOf(replaced) : -1;
      if (at >= 0) messages.splice(at, 1, fresh);
      else messages.push(fresh);
      turn.current = fresh;
      break;
    }
  }
  return true;
}

export function isExhausted(turn: Turn): boolean {
  return turn.next >= turn.frames.length;
}

/** Built-in reply when nothing is scripted: deterministic and long enough to see streaming. */
export function echoReply(prompt: string): ScriptedReply {
  const lines = prompt.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== 'assistant:');
  const last = (lines[lines.length - 1] ?? '').replace(/^(user|system|assistant):/, '').trim();
  const filler =
    ' This answer comes from the MiniMax Agent simulator. It grows a few characters per step so that' +
    ' streaming clients can show partial text, reasoning and completion exactly as they would with the' +
    ' real service. Nothing here was produced by a language model.';
  return { text: `Echo: ${last}.${filler}`, thinking: `The user wrote: ${last.slice(0, 80)}` };
}
