/**
 * The upload trio for one attachment (§3.9): `request_policy` (temporary STS credentials and where
 * to put the object) → PUT to storage → `policy_callback` (the upstream registers the object and
 * answers its file id). Every failure names its step; an expired token stays
 * `upstream_auth_expired` so the pool marks the account and fails over.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RelayError, isRelayError } from '../../../../shared/errors';
import type { ResolvedAttachment } from '../../../attachments/types';
import { extensionFor } from '../../../attachments/sniff';
import { PATHS } from '../protocol';
import type { AgentHttp, CallIdentity, FetchFn } from '../request';
import type { UploadedFile } from './attachment-shape';
import { putObject, type StoragePolicy } from './oss-put';

export type UploadStep = 'request_policy' | 'storage_put' | 'policy_callback';

const policySchema = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  securityToken: z.string().min(1),
  bucketName: z.string().min(1),
  dir: z.string(),
  endpoint: z.string().min(1),
});

const callbackSchema = z.object({
  fileID: z.union([z.number().int().safe(), z.string().min(1)]),
  ossPath: z.string().nullish(),
});

export interface UploadFileDeps {
  http: AgentHttp;
  fetch: FetchFn;
  now: () => number;
  newId?: () => string;
}

/** Wraps a signed call's failure as `upload_failed` at its step, except those the pool must see as they are. */
async function atStep<T>(step: UploadStep, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isRelayError(error) || error.code === 'upstream_auth_expired' || error.code === 'aborted' || error.code === 'upload_failed') throw error;
    const label = step === 'request_policy' ? 'asking for upload credentials (request_policy)' : 'registering the upload (policy_callback)';
    throw new RelayError('upload_failed', `MiniMax failed while ${label}: ${error.message}`, { ...error.detail, step, cause: error.code }, { cause: error });
  }
}

export async function uploadFile(deps: UploadFileDeps, identity: CallIdentity, attachment: ResolvedAttachment, signal?: AbortSignal): Promise<UploadedFile> {
  const policy: StoragePolicy = await atStep('request_policy', () =>
    deps.http.call(identity, { method: 'GET', path: PATHS.requestPolicy, envelope: 'statusInfo', schema: policySchema, ...(signal ? { signal } : {}) }),
  );
  // The web app names objects `<uuid>.<ext>`; the client's own name travels as originFileName.
  const fileName = `${(deps.newId ?? randomUUID)()}.${extensionFor(attachment.mimeType)}`;
  const key = `${policy.dir.replace(/^\/+|\/+$/g, '')}/${fileName}`.replace(/^\//, '');
  const putUrl = await putObject(deps.fetch, { policy, key, bytes: attachment.bytes, mimeType: attachment.mimeType, nowMs: deps.now(), ...(signal ? { signal } : {}) });
  const body = {
    fileName,
    originFileName: attachment.name,
    dir: policy.dir,
    endpoint: policy.endpoint,
    bucketName: policy.bucketName,
    size: String(attachment.bytes.length),
    mimeType: attachment.mimeType,
  };
  const registered = await atStep('policy_callback', () =>
    deps.http.call(identity, { method: 'POST', path: PATHS.policyCallback, body, envelope: 'statusInfo', schema: callbackSchema, ...(signal ? { signal } : {}) }),
  );
  return { fileId: registered.fileID, fileName, fileUrl: registered.ossPath ?? putUrl, kind: attachment.kind };
}
