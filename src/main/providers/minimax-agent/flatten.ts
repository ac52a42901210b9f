/**
 * The upstream takes one `text` per chat (§5 of the protocol reference), so the whole canonical
 * conversation is flattened into it. Rules (Chat2API's, extended where it loses information):
 * - the conversation's leading system turns are joined into one leading `system:<text>` block;
 *   a system turn later in the conversation (Claude Code's mid-conversation reminders) stays at
 *   its place as a `system:` line, so what it says applies from there on;
 * - other turns become `<role>:<text>` lines in order (`user`, `assistant`, `tool`);
 * - array content keeps every part: text parts joined with a newline, an image or file as a label
 *   (attachment-labels.ts: the latest turn's are numbered and uploaded, earlier ones named as not
 *   attached again; Chat2API drops array content entirely);
 * - an assistant's earlier tool calls are written in the model's native MiniMax-M2 syntax
 *   (`<minimax:tool_call><invoke name=..><parameter name=..>`), so the model sees its own format;
 * - a tool result is a `<tool_result id=".." name="..">` block tied to the call it answers;
 * - the text ends with an `assistant:` cue line, also for a single message, so the model always
 *   answers as the assistant rather than continuing the user's line.
 */
import type { CanonicalMessage, CanonicalToolCall, ContentPart } from '../../relay/canonical';
import { createAttachmentLabels, type PartLabel } from './attachment-labels';

export function flattenConversation(messages: readonly CanonicalMessage[]): string {
  const leading = messages.findIndex((message) => message.role !== 'system');
  const head = leading < 0 ? messages : messages.slice(0, leading);
  const system = head.map((message) => partsToText(message.content)).filter((text) => text !== '');
  const lines: string[] = [];
  if (system.length > 0) lines.push(`system:${system.join('\n\n')}`);
  const labels = createAttachmentLabels(messages);
  messages.forEach((message, index) => {
    if (index < head.length) return;
    const body = messageBody(message, labels(index));
    if (message.role === 'system' && body === '') return;
    lines.push(`${message.role}:${body}`);
  });
  lines.push('assistant:');
  return lines.join('\n');
}

function messageBody(message: CanonicalMessage, label: PartLabel): string {
  const text = partsToText(message.content, label);
  if (message.role === 'tool') return toolResultBlock(message, text);
  if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
    const calls = toolCallBlock(message.toolCalls);
    return text === '' ? calls : `${text}\n${calls}`;
  }
  return text;
}

export function partsToText(parts: readonly ContentPart[], label: PartLabel = createAttachmentLabels([])(0)): string {
  return parts
    .map((part) => (part.type === 'text' ? part.text : label(part)))
    .filter((text) => text !== '')
    .join('\n');
}

/** The MiniMax-M2 tool-call syntax; strings stay raw, other values are JSON (as the model emits them). */
export function toolCallBlock(calls: readonly CanonicalToolCall[]): string {
  const invokes = calls.map((call) => {
    const params = Object.entries(call.arguments).map(([name, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return `<parameter name="${escapeAttribute(name)}">${text}</parameter>`;
    });
    return [`<invoke name="${escapeAttribute(call.name)}">`, ...params, '</invoke>'].join('\n');
  });
  return ['<minimax:tool_call>', ...invokes, '</minimax:tool_call>'].join('\n');
}

function toolResultBlock(message: CanonicalMessage, text: string): string {
  const attributes = [
    `id="${escapeAttribute(message.toolCallId ?? '')}"`,
    `name="${escapeAttribute(message.toolName ?? '')}"`,
    ...(message.isError ? ['error="true"'] : []),
  ].join(' ');
  return `<tool_result ${attributes}>\n${text}\n</tool_result>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
