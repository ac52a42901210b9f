/**
 * Step 2 of the upload trio (§3.9): PUT the bytes to the storage bucket with the temporary STS
 * credentials, signed as ali-oss signs (oss-signature.ts). The endpoint `request_policy` returns
 * is a bare region endpoint (`oss-cn-…aliyuncs.com`, bucket goes in front as a virtual host) or a
 * URL with a path (a bucket-style endpoint, the simulator), which is used as given.
 */
import { RelayError } from '../../../../shared/errors';
import type { FetchFn } from '../request';
import { REQUEST_TIMEOUT_MS } from '../protocol';
import { contentMd5, ossAuthorization } from './oss-signature';

export interface StoragePolicy {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  bucketName: string;
  dir: string;
  endpoint: string;
}

export interface ObjectTarget {
  url: string;
  /** CanonicalizedResource of the signature: `/<bucket>/<key>`. */
  resource: string;
}

const encodeKey = (key: string): string => key.split('/').map(encodeURIComponent).join('/');

export function objectTarget(endpoint: string, bucket: string, key: string): ObjectTarget {
  const base = new URL(/^https?:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`);
  const resource = `/${bucket}/${key}`;
  const path = base.pathname.replace(/\/+$/, '');
  if (path !== '') return { url: `${base.origin}${path}/${encodeKey(key)}`, resource };
  const host = base.host.startsWith(`${bucket}.`) ? base.host : `${bucket}.${base.host}`;
  return { url: `${base.protocol}//${host}/${encodeKey(key)}`, resource };
}

/** `<Code>…</Code>` of an OSS XML error body, if any. */
function ossErrorCode(body: string): string | null {
  return /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? null;
}

export interface PutObjectInput {
  policy: StoragePolicy;
  key: string;
  bytes: Buffer;
  mimeType: string;
  nowMs: number;
  signal?: AbortSignal;
}

export function buildPutHeaders(input: PutObjectInput, target: ObjectTarget): Record<string, string> {
  const signed: Record<string, string> = {
    'Content-Type': input.mimeType,
    'Content-MD5': contentMd5(input.bytes),
    Date: new Date(input.nowMs).toUTCString(),
    'x-oss-security-token': input.policy.securityToken,
  };
  const authorization = ossAuthorization(input.policy.accessKeyId, input.policy.accessKeySecret, {
    verb: 'PUT',
    contentMd5: signed['Content-MD5'] ?? '',
    contentType: input.mimeType,
    date: signed.Date ?? '',
    headers: signed,
    resource: target.resource,
  });
  return { ...signed, Authorization: authorization };
}

/** Uploads one object; returns the URL it now lives at. Failures are `upload_failed` at step `storage_put`. */
export async function putObject(fetch: FetchFn, input: PutObjectInput): Promise<string> {
  const target = objectTarget(input.policy.endpoint, input.policy.bucketName, input.key);
  const headers = buildPutHeaders(input, target);
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS * 4);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  let status: number;
  let body: string;
  try {
    const response = await fetch(target.url, { method: 'PUT', headers, body: new Uint8Array(input.bytes), signal });
    status = response.status;
    body = await response.text();
  } catch (error) {
    if (input.signal?.aborted) throw error;
    const reason = timeout.aborted ? 'timed out' : error instanceof Error ? error.message : String(error);
    throw new RelayError('upload_failed', `Uploading to MiniMax's file storage (storage_put) failed: ${reason}.`, { step: 'storage_put', reason });
  }
  if (status !== 200) {
    const ossCode = ossErrorCode(body);
    throw new RelayError('upload_failed', `MiniMax's file storage refused the upload (storage_put: HTTP ${status}${ossCode ? `, ${ossCode}` : ''}).`, {
      step: 'storage_put',
      httpStatus: status,
      ossCode,
    });
  }
  return target.url;
}
