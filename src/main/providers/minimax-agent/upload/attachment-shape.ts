/**
 * How send_msg references an uploaded file. Two shapes are known and neither is confirmed
 * (protocol reference §3.3, §8.9): MiniMax-Free-API's `{file_type, file_id, file_name}` (file_type
 * 2 = image, 6 = other, §3.9) and a newer-looking third-party `{file:{file_name,file_url},
 * attachment_type:1}`. Each request profile names its shape (`send.attachmentShape`), so one
 * upload is referenced the way whichever profile sends it expects.
 */
import type { AttachmentKind } from '../../../attachments/types';

export const ATTACHMENT_SHAPES = ['file-id', 'file-url'] as const;
export type AttachmentShape = (typeof ATTACHMENT_SHAPES)[number];

/** An upload the upstream knows, as policy_callback answered it. */
export interface UploadedFile {
  fileId: number | string;
  /** `<uuid>.<ext>`, the object's name in the bucket. */
  fileName: string;
  /** Where the object lives (`ossPath`, or the URL it was PUT to). */
  fileUrl: string;
  kind: AttachmentKind;
}

const FILE_TYPE_IMAGE = 2;
const FILE_TYPE_OTHER = 6;

export function toSendAttachment(file: UploadedFile, shape: AttachmentShape): Record<string, unknown> {
  if (shape === 'file-url') return { file: { file_name: file.fileName, file_url: file.fileUrl }, attachment_type: 1 };
  return { file_type: file.kind === 'image' ? FILE_TYPE_IMAGE : FILE_TYPE_OTHER, file_id: file.fileId, file_name: file.fileName };
}
