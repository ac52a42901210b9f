/**
 * Turns the latest turn's image and file parts into checked bytes before any account is taken:
 * inline data is decoded, remote URLs are fetched through the SSRF guard, every part is checked
 * for its real type and size, and the request's count and total are capped. A refusal is the
 * dialect's 400 naming the part, so a client learns which image was wrong and why.
 */
import { createHash } from 'node:crypto';
import { RelayError } from '../../shared/errors';
import type { CanonicalMessage } from '../relay/canonical';
import type { AddressPolicy, ResolveAll } from './address-guard';
import { decodeBase64, decodedLength, parseDataUrl } from './decode';
import { RemoteFetchError, fetchRemoteFile } from './remote-fetch';
import { latestTurnAttachments, type AttachmentPart } from './select';
import { checkAttachmentType, extensionFor } from './sniff';
import type { AttachmentLimits, AttachmentSource, ResolvedAttachment } from './types';

export interface AttachmentResolverDeps {
  /** DNS for remote URLs (tests answer with their own addresses). */
  resolveAll?: ResolveAll;
  /** Which addresses count as private (tests treat one loopback address as public). */
  addressPolicy?: AddressPolicy;
}

export interface AttachmentResolver {
  resolve(messages: readonly CanonicalMessage[], limits: AttachmentLimits, signal?: AbortSignal): Promise<ResolvedAttachment[]>;
}

interface Loaded {
  bytes: Buffer;
  source: AttachmentSource;
  declaredType: string | undefined;
  /** A name the bytes came with (the remote URL's last path segment). */
  foundName?: string;
}

function paramOf(part: AttachmentPart, index: number): string {
  return part.param ?? `attachments[${index}]`;
}

function refuse(param: string, reason: string, detailReason: string): RelayError {
  return new RelayError('invalid_request', `'${param}' ${reason}.`, { param, reason: detailReason });
}

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function decodeInline(base64: string, param: string, limits: AttachmentLimits): Buffer {
  if (decodedLength(base64) > limits.maxBytes) throw refuse(param, `is larger than the ${megabytes(limits.maxBytes)} limit per attachment`, 'too_large');
  const bytes = decodeBase64(base64);
  if (!bytes) throw refuse(param, 'does not hold valid base64 data', 'bad_data');
  return bytes;
}

function nameFromUrl(url: URL): string | undefined {
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  return /\.[a-z0-9]{1,5}$/i.test(last) ? last : undefined;
}

async function load(part: AttachmentPart, param: string, limits: AttachmentLimits, deps: AttachmentResolverDeps, signal?: AbortSignal): Promise<Loaded> {
  const inline = part.data !== undefined ? { base64: part.data } : part.url !== undefined ? parseDataUrl(part.url) : null;
  if (inline) {
    const source: AttachmentSource = part.source ?? (part.data !== undefined ? 'base64' : 'data-url');
    return { bytes: decodeInline(inline.base64, param, limits), source, declaredType: part.mimeType ?? inline.mimeType };
  }
  if (part.url === undefined) throw refuse(param, 'has neither data nor a URL', 'bad_data');
  try {
    const remote = await fetchRemoteFile(part.url, {
      maxBytes: limits.maxBytes,
      timeoutMs: limits.fetchTimeoutMs,
      allowPrivateAddresses: limits.allowPrivateAddresses,
      ...(signal ? { signal } : {}),
      ...(deps.resolveAll ? { resolveAll: deps.resolveAll } : {}),
      ...(deps.addressPolicy ? { addressPolicy: deps.addressPolicy } : {}),
    });
    const foundName = nameFromUrl(remote.url);
    return { bytes: remote.bytes, source: 'url', declaredType: part.mimeType ?? remote.contentType, ...(foundName ? { foundName } : {}) };
  } catch (error) {
    if (error instanceof RemoteFetchError) throw refuse(param, `(remote URL) ${error.message}`, error.reason);
    throw error;
  }
}

/** A file name safe to send: no path, no control characters, bounded length, with an extension. */
function toFileName(given: string | undefined, fallback: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  const base = (given ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120) ?? '';
  if (base === '') return `${fallback}.${extension}`;
  return /\.[a-z0-9]{1,5}$/i.test(base) ? base : `${base}.${extension}`;
}

async function resolveOne(part: AttachmentPart, index: number, limits: AttachmentLimits, deps: AttachmentResolverDeps, signal?: AbortSignal): Promise<ResolvedAttachment> {
  const param = paramOf(part, index);
  const loaded = await load(part, param, limits, deps, signal);
  if (loaded.bytes.length > limits.maxBytes) throw refuse(param, `is larger than the ${megabytes(limits.maxBytes)} limit per attachment`, 'too_large');
  const type = checkAttachmentType(part.type, loaded.declaredType, loaded.bytes);
  if (!type.ok) throw refuse(param, type.reason, 'unsupported_type');
  const name = toFileName(part.name ?? loaded.foundName, `${type.kind}-${index + 1}`, extensionFor(type.mimeType));
  const sha256 = createHash('sha256').update(loaded.bytes).digest('hex');
  return { kind: type.kind, param, source: loaded.source, mimeType: type.mimeType, name, bytes: loaded.bytes, sha256 };
}

export function createAttachmentResolver(deps: AttachmentResolverDeps = {}): AttachmentResolver {
  return {
    async resolve(messages, limits, signal) {
      const parts = latestTurnAttachments(messages);
      if (parts.length > limits.maxCount) {
        const over = parts[limits.maxCount] as AttachmentPart;
        throw refuse(paramOf(over, limits.maxCount), `is one attachment too many: at most ${limits.maxCount} images and files are sent with one message`, 'too_many');
      }
      // The first refusal stops the other downloads: the request fails anyway.
      const stop = new AbortController();
      const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
      let resolved: ResolvedAttachment[];
      try {
        resolved = await Promise.all(parts.map((part, index) => resolveOne(part, index, limits, deps, combined)));
      } finally {
        stop.abort();
      }
      let total = 0;
      for (const attachment of resolved) {
        total += attachment.bytes.length;
        if (total > limits.maxTotalBytes) {
          throw refuse(attachment.param, `brings the message's attachments over the ${megabytes(limits.maxTotalBytes)} limit per request`, 'too_large');
        }
      }
      return resolved;
    },
  };
}
