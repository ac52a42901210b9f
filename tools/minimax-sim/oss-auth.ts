/**
 * The simulator's own check of an Aliyun OSS V1 header signature (written apart from the relay's
 * signer on purpose, so a bug in one is caught by the other): HMAC-SHA1 over verb, Content-MD5,
 * Content-Type, Date, the sorted `x-oss-*` headers and `/bucket/key`, keyed with the STS secret.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function ossStringToSignFor(method: string, headers: Record<string, string>, resource: string): string {
  const oss = Object.keys(headers)
    .filter((name) => name.startsWith('x-oss-'))
    .sort()
    .map((name) => `${name}:${(headers[name] ?? '').trim()}\n`)
    .join('');
  return `${method}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${headers.date ?? ''}\n${oss}${resource}`;
}

/** True when `Authorization: OSS <id>:<signature>` matches what the secret signs. Headers lower-cased. */
export function isOssSignatureValid(secret: string, method: string, headers: Record<string, string>, resource: string, signature: string): boolean {
  const expected = createHmac('sha1', secret).update(ossStringToSignFor(method, headers, resource)).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function md5Base64(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('base64');
}

/** `OSS <accessKeyId>:<signature>` → its parts. */
export function parseOssAuthorization(header: string | undefined): { accessKeyId: string; signature: string } | null {
  const match = /^OSS ([^:\s]+):(\S+)$/.exec(header ?? '');
  return match ? { accessKeyId: match[1] ?? '', signature: match[2] ?? '' } : null;
}

/** OSS answers errors as XML. */
export function ossErrorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n  <RequestId>sim</RequestId>\n</Error>\n`;
}
