import { randomUUID } from 'node:crypto';
import { CODES, v1Error, v1Ok } from './envelope';
import type { SimResponse } from './http-util';
import type { RouteContext } from './state';

/** Stand-in for the Aliyun OSS bucket the upload trio writes to (§3.9). */
export const OSS_PREFIX = '/__oss/';
export const BUCKET = 'minimax-sim';

export interface UploadStore {
  put(key: string, bytes: Buffer): void;
  get(key: string): Buffer | undefined;
  clear(): void;
}

export function createUploadStore(): UploadStore {
  const objects = new Map<string, Buffer>();
  return {
    put: (key, bytes) => void objects.set(key, bytes),
    get: (key) => objects.get(key),
    clear: () => objects.clear(),
  };
}

/** Object key of a PUT to `/__oss/<bucket>/<dir>/<name>`. */
export function ossKeyFromPath(path: string): string {
  return decodeURIComponent(path.slice(OSS_PREFIX.length)).replace(/\/{2,}/g, '/');
}

export function handleRequestPolicy(ctx: RouteContext): SimResponse {
  const day = new Date(ctx.state.now()).toISOString().slice(0, 10).replace(/-/g, '');
  return v1Ok({
    accessKeyId: `STS.sim${ctx.account.realUserId}`,
    accessKeySecret: randomUUID().replace(/-/g, ''),
    securityToken: `sim-sts-${randomUUID()}`,
    bucketName: BUCKET,
    dir: `agent/${ctx.account.realUserId}/${day}`,
    endpoint: `${ctx.state.baseUrl}${OSS_PREFIX}${BUCKET}`,
    expiration: new Date(ctx.state.now() + 3600_000).toISOString(),
  });
}

export function handlePolicyCallback(ctx: RouteContext): SimResponse {
  const b = typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as Record<string, unknown>) : {};
  if (typeof b.fileName !== 'string' || typeof b.dir !== 'string') return v1Error(CODES.invalidParams, 'invalid params: fileName/dir');
  const bucket = typeof b.bucketName === 'string' ? b.bucketName : BUCKET;
  const key = `${bucket}/${b.dir}/${b.fileName}`.replace(/\/{2,}/g, '/');
  if (!ctx.state.uploads.get(key)) return v1Error(CODES.fileNotUploaded, 'file not uploaded');
  return v1Ok({ fileID: ctx.state.chats.newId(), ossPath: `${ctx.state.baseUrl}${OSS_PREFIX}${key}` });
}
