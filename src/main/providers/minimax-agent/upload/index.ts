/**
 * Uploads a request's attachments as one account, through that account's upload cache, and says
 * what happened for the request log. Called right before send_msg.
 */
import type { RequestAttachment } from '../../../../shared/domain/request-log';
import { RelayError, isRelayError } from '../../../../shared/errors';
import type { ResolvedAttachment } from '../../../attachments/types';
import type { CallIdentity } from '../request';
import type { UploadedFile } from './attachment-shape';
import type { UploadCache } from './upload-cache';
import { uploadFile, type UploadFileDeps } from './upload-file';

export { ATTACHMENT_SHAPES, toSendAttachment } from './attachment-shape';
export type { AttachmentShape, UploadedFile } from './attachment-shape';
export { createUploadCache } from './upload-cache';
export type { UploadCache } from './upload-cache';

export interface AttachmentUploaderDeps extends UploadFileDeps {
  cache: UploadCache;
}

export interface UploadedAttachments {
  /** What the upstream knows of each upload, in request order; the request profile shapes them for send_msg. */
  files: UploadedFile[];
  log: RequestAttachment[];
}

/** The failure names the part too, so the client and the log know which image did not go up. */
function withPart(error: unknown, attachment: ResolvedAttachment): unknown {
  if (!isRelayError(error) || error.code !== 'upload_failed') return error;
  return new RelayError(error.code, `${error.message} (${attachment.param}, ${attachment.name})`, { ...error.detail, param: attachment.param }, { cause: error });
}

export async function uploadAttachments(
  deps: AttachmentUploaderDeps,
  accountId: string,
  identity: CallIdentity,
  attachments: readonly ResolvedAttachment[],
  signal?: AbortSignal,
): Promise<UploadedAttachments> {
  const results = await Promise.all(
    attachments.map(async (attachment) => {
      const started = deps.now();
      try {
        const { entry, hit } = await deps.cache.getOrUpload(accountId, attachment.sha256, async () => ({
          file: await uploadFile(deps, identity, attachment, signal),
          uploadedAt: deps.now(),
        }));
        const log: RequestAttachment = {
          name: attachment.name,
          mimeType: attachment.mimeType,
          size: attachment.bytes.length,
          source: attachment.source,
          uploadedAt: entry.uploadedAt,
          uploadMs: hit ? 0 : deps.now() - started,
          cached: hit,
        };
        // A cached upload of the same bytes may have been an image or a file; this request's kind wins.
        return { file: { ...entry.file, kind: attachment.kind }, log };
      } catch (error) {
        throw withPart(error, attachment);
      }
    }),
  );
  return { files: results.map((r) => r.file), log: results.map((r) => r.log) };
}
