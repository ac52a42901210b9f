/**
 * Which turn's attachments go upstream (a documented choice, README "Images and files"): those of
 * the latest turn — every user and tool message after the last assistant message — because that
 * is what the client is asking about now (Claude Code's screenshot arrives in a tool result, a
 * pasted image in the user message). Earlier turns' attachments were seen by the model when they
 * were new; the flattened text names them without sending them again, as the web app does
 * (MiniMax-Free-API uploads only the last message's files).
 */
import type { CanonicalMessage, ContentPart } from '../relay/canonical';

export type AttachmentPart = Extract<ContentPart, { type: 'image' | 'file' }>;

/** Index of the first message of the latest turn (after the last assistant message). */
export function latestTurnStart(messages: readonly CanonicalMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'assistant') return i + 1;
  }
  return 0;
}

export function isAttachmentPart(part: ContentPart): part is AttachmentPart {
  return part.type === 'image' || part.type === 'file';
}

/** Whether a message's attachments are sent (latest turn, not a system message). */
export function sendsAttachments(messages: readonly CanonicalMessage[], index: number, start = latestTurnStart(messages)): boolean {
  const message = messages[index];
  return index >= start && message !== undefined && message.role !== 'system';
}

/** The attachment parts that are sent, in conversation order (the order of their labels in the text). */
export function latestTurnAttachments(messages: readonly CanonicalMessage[]): AttachmentPart[] {
  const start = latestTurnStart(messages);
  return messages.flatMap((message, index) => (sendsAttachments(messages, index, start) ? message.content.filter(isAttachmentPart) : []));
}
