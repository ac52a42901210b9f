/** A checked attachment as the request log shows it before its upload: never the bytes. */
import type { RequestAttachment } from '../../../shared/domain/request-log';
import type { ResolvedAttachment } from '../../attachments/types';

export function toPendingLog(attachment: ResolvedAttachment): RequestAttachment {
  return {
    name: attachment.name,
    mimeType: attachment.mimeType,
    size: attachment.bytes.length,
    source: attachment.source,
    uploadedAt: null,
    uploadMs: null,
    cached: false,
  };
}
