/**
 * Aliyun OSS header signature, version 1 (Alibaba Cloud docs, "Include a V1 signature in the
 * Authorization header"): the storage endpoint that `request_policy` names (§3.9) is an OSS bucket,
 * and the web app uploads to it with the temporary STS credentials through the ali-oss SDK, which
 * signs this way. Implemented here rather than pulling in the SDK for one PUT.
 *
 *   Authorization = "OSS " + AccessKeyId + ":" + base64(hmac-sha1(AccessKeySecret,
 *     VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedOSSHeaders CanonicalizedResource))
 *
 * CanonicalizedOSSHeaders: every `x-oss-*` header (the STS `x-oss-security-token` included), names
 * lower-cased, sorted, `name:value\n` each, values trimmed. CanonicalizedResource: `/bucket/object`.
 */
import { createHash, createHmac } from 'node:crypto';

export interface OssStringToSign {
  verb: string;
  contentMd5: string;
  contentType: string;
  date: string;
  /** All request headers; only `x-oss-*` ones are signed. */
  headers: Readonly<Record<string, string>>;
  /** `/<bucket>/<object key>` (sub-resources appended by the caller when used). */
  resource: string;
}

export function canonicalizedOssHeaders(headers: Readonly<Record<string, string>>): string {
  const oss = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!lower.startsWith('x-oss-')) continue;
    const trimmed = value.trim();
    // RFC 2616 §4.2: repeated headers join with commas.
    oss.set(lower, oss.has(lower) ? `${oss.get(lower) ?? ''},${trimmed}` : trimmed);
  }
  return [...oss.keys()]
    .sort()
    .map((name) => `${name}:${oss.get(name) ?? ''}\n`)
    .join('');
}

export function ossStringToSign(input: OssStringToSign): string {
  return [input.verb.toUpperCase(), input.contentMd5, input.contentType, input.date, ''].join('\n') + canonicalizedOssHeaders(input.headers) + input.resource;
}

export function ossSignature(accessKeySecret: string, input: OssStringToSign): string {
  return createHmac('sha1', accessKeySecret).update(ossStringToSign(input), 'utf8').digest('base64');
}

export function ossAuthorization(accessKeyId: string, accessKeySecret: string, input: OssStringToSign): string {
  return `OSS ${accessKeyId}:${ossSignature(accessKeySecret, input)}`;
}

/** The Content-MD5 header: base64 of the binary MD5 digest (not of its hex form). */
export function contentMd5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('base64');
}
