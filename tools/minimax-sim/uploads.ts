/**
 * The upload trio (§3.9) and the stand-in for the Aliyun OSS bucket it writes to. request_policy
 * issues temporary STS credentials scoped to the account and one directory; the storage endpoint
 * accepts a PUT only with those credentials, a valid V1 signature, a fresh Date and a matching
 * Content-MD5 (answering OSS's XML errors otherwise); policy_callback registers an object only for
 * the account that uploaded it; send_msg accepts only file ids (or URLs) of that same account.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CODES, v1Error, v1Ok } from './envelope';
import type { SimResponse } from './http-util';
import { isOssSignatureValid, md5Base64, ossErrorXml, parseOssAuthorization } from './oss-auth';
import type { RouteContext, SimState } from './state';
import type { SimUpload } from './types';

export const OSS_PREFIX = '/__oss/';
export const BUCKET = 'minimax-sim';
const STS_LIFETIME_MS = 3600_000;
/** OSS refuses a Date more than 15 minutes away from its clock (RequestTimeTooSkewed). */
const MAX_SKEW_MS = 15 * 60_000;

interface StsGrant {
  secret: string;
  token: string;
  realUserId: string;
  dir: string;
  expiresAt: number;
}

interface StoredObject {
  bytes: Buffer;
  realUserId: string;
  mimeType: string;
}

export interface UploadStore {
  grants: Map<string, StsGrant>;
  objects: Map<string, StoredObject>;
  /** Registered files by file id (as a string) and by their URL. */
  files: Map<string, SimUpload>;
  clear(): void;
}

export function createUploadStore(): UploadStore {
  const store: UploadStore = {
    grants: new Map(),
    objects: new Map(),
    files: new Map(),
    clear() {
      store.grants.clear();
      store.objects.clear();
      store.files.clear();
    },
  };
  return store;
}

/** Object key of a PUT to `/__oss/<bucket>/<dir>/<name>`, with the bucket. */
export function ossKeyFromPath(path: string): string {
  return decodeURIComponent(path.slice(OSS_PREFIX.length)).replace(/\/{2,}/g, '/');
}

export function handleRequestPolicy(ctx: RouteContext): SimResponse {
  const day = new Date(ctx.state.now()).toISOString().slice(0, 10).replace(/-/g, '');
  const accessKeyId = `STS.${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const grant: StsGrant = {
    secret: randomUUID().replace(/-/g, ''),
    token: `CAIS${randomUUID().replace(/-/g, '')}`,
    realUserId: ctx.account.realUserId,
    dir: `agent/${ctx.account.realUserId}/${day}`,
    expiresAt: ctx.state.now() + STS_LIFETIME_MS,
  };
  ctx.state.uploads.grants.set(accessKeyId, grant);
  return v1Ok({
    accessKeyId,
    accessKeySecret: grant.secret,
    securityToken: grant.token,
    bucketName: BUCKET,
    dir: grant.dir,
    endpoint: `${ctx.state.baseUrl}${OSS_PREFIX}${BUCKET}`,
    expiration: new Date(grant.expiresAt).toISOString(),
  });
}

const ossError = (status: number, code: string, message: string): SimResponse => ({ status, body: ossErrorXml(code, message), contentType: 'application/xml' });

/** Why a PUT is refused (OSS's own error codes), or null when it is authorised. */
function refusePut(state: SimState, path: string, headers: Record<string, string>, bytes: Buffer): SimResponse | null {
  const auth = parseOssAuthorization(headers.authorization);
  if (!auth) return ossError(403, 'AccessDenied', 'Anonymous access is forbidden for this operation.');
  const grant = state.uploads.grants.get(auth.accessKeyId);
  if (!grant) return ossError(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.');
  if (headers['x-oss-security-token'] !== grant.token) return ossError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.');
  if (state.now() > grant.expiresAt) return ossError(403, 'SecurityTokenExpired', 'The security token you provided has expired.');
  const date = Date.parse(headers.date ?? '');
  if (Number.isNaN(date) || Math.abs(state.now() - date) > MAX_SKEW_MS) return ossError(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
  const key = ossKeyFromPath(path);
  if (!key.startsWith(`${BUCKET}/${grant.dir}/`)) return ossError(403, 'AccessDenied', 'The STS policy does not allow writing outside its directory.');
  if (!isOssSignatureValid(grant.secret, 'PUT', headers, `/${key}`, auth.signature)) {
    return ossError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  if (headers['content-md5'] !== undefined && headers['content-md5'] !== md5Base64(bytes)) return ossError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
  return null;
}

/** PUT `/__oss/<bucket>/<key>`: headers lower-cased. */
export function handleOssPut(state: SimState, path: string, headers: Record<string, string>, bytes: Buffer): SimResponse {
  const refused = refusePut(state, path, headers, bytes);
  if (refused) return refused;
  const grant = state.uploads.grants.get(parseOssAuthorization(headers.authorization)?.accessKeyId ?? '') as StsGrant;
  if (state.faults.take('oss_put', grant.realUserId)) return ossError(500, 'InternalError', 'We encountered an internal error. Please try again.');
  state.uploads.objects.set(ossKeyFromPath(path), { bytes, realUserId: grant.realUserId, mimeType: headers['content-type'] ?? 'application/octet-stream' });
  return { status: 200, body: '', contentType: 'text/plain', headers: { etag: `"${md5Base64(bytes)}"` } };
}

export function handlePolicyCallback(ctx: RouteContext): SimResponse {
  const b = typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as Record<string, unknown>) : {};
  if (typeof b.fileName !== 'string' || typeof b.dir !== 'string') return v1Error(CODES.invalidParams, 'invalid params: fileName/dir');
  const bucket = typeof b.bucketName === 'string' ? b.bucketName : BUCKET;
  const key = `${bucket}/${b.dir}/${b.fileName}`.replace(/\/{2,}/g, '/');
  const object = ctx.state.uploads.objects.get(key);
  // Another account's object is as good as missing: ids are per account.
  if (!object || object.realUserId !== ctx.account.realUserId) return v1Error(CODES.fileNotUploaded, 'file not uploaded');
  if (b.size !== undefined && String(b.size) !== String(object.bytes.length)) return v1Error(CODES.invalidParams, 'invalid params: size');
  const fileId = ctx.state.chats.newId();
  const ossPath = `${ctx.state.baseUrl}${OSS_PREFIX}${key}`;
  ctx.state.uploads.files.set(String(fileId), {
    fileId,
    key,
    ossPath,
    realUserId: ctx.account.realUserId,
    mimeType: typeof b.mimeType === 'string' ? b.mimeType : object.mimeType,
    size: object.bytes.length,
    sha256: createHash('sha256').update(object.bytes).digest('hex'),
    originFileName: typeof b.originFileName === 'string' ? b.originFileName : b.fileName,
  });
  return v1Ok({ fileID: fileId, ossPath });
}

/** The file a send_msg attachment names, in either known shape (§3.3, §8.9), if this account uploaded it. */
function attachmentFile(state: SimState, realUserId: string, attachment: unknown): SimUpload | undefined {
  if (typeof attachment !== 'object' || attachment === null) return undefined;
  const a = attachment as { file_id?: unknown; file?: { file_url?: unknown } };
  const found =
    a.file_id !== undefined
      ? state.uploads.files.get(String(a.file_id))
      : [...state.uploads.files.values()].find((file) => file.ossPath === a.file?.file_url);
  return found?.realUserId === realUserId ? found : undefined;
}

/** Index of the first send_msg attachment this account did not upload, or -1. */
export function unknownAttachment(state: SimState, realUserId: string, attachments: readonly unknown[]): number {
  return attachments.findIndex((attachment) => !attachmentFile(state, realUserId, attachment));
}
