/**
 * How images and files appear in the flattened text. The latest turn's attachments are uploaded
 * and numbered in the order they are sent, so the model can tell "image 2" from "image 1"; earlier
 * turns' attachments are named as such and not sent again (attachments/select.ts says why).
 */
import { latestTurnStart, sendsAttachments, type AttachmentPart } from '../../attachments/select';
import type { CanonicalMessage, ContentPart } from '../../relay/canonical';

export type PartLabel = (part: AttachmentPart) => string;

function attachedLabel(part: AttachmentPart, n: number): string {
  const name = part.name ? `: ${part.name}` : '';
  return part.type === 'image' ? `[image ${n}${name}, attached]` : `[file ${n}${name}, attached]`;
}

function earlierLabel(part: AttachmentPart): string {
  const name = part.name ? ` ${part.name}` : '';
  return part.type === 'image' ? `[image${name} from an earlier message, not attached again]` : `[file${name} from an earlier message, not attached again]`;
}

/** One labeller per message index; attached parts are numbered across the whole latest turn. */
export function createAttachmentLabels(messages: readonly CanonicalMessage[]): (messageIndex: number) => PartLabel {
  const start = latestTurnStart(messages);
  const numbers = new Map<ContentPart, number>();
  let next = 0;
  messages.forEach((message, index) => {
    if (!sendsAttachments(messages, index, start)) return;
    for (const part of message.content) if (part.type === 'image' || part.type === 'file') numbers.set(part, ++next);
  });
  return () => (part) => {
    const n = numbers.get(part);
    return n === undefined ? earlierLabel(part) : attachedLabel(part, n);
  };
}
