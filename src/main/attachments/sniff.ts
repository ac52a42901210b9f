/**
 * What a buffer really is, from its first bytes. A client's declared MIME type is only a hint: a
 * `.png` that is an HTML page, or an "image" that is a ZIP, is refused before anything is uploaded.
 */
import type { AttachmentKind } from './types';

interface Signature {
  mimeType: string;
  test(bytes: Buffer): boolean;
}

const startsWith = (bytes: Buffer, prefix: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + prefix.length && prefix.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** ISO-BMFF brands of HEIC/HEIF stills (the `ftyp` box at offset 4). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'mif1', 'msf1']);

const SIGNATURES: readonly Signature[] = [
  { mimeType: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mimeType: 'image/gif', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { mimeType: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { mimeType: 'image/bmp', test: (b) => startsWith(b, ascii('BM')) && b.length >= 26 && b.readUInt32LE(2) === b.length },
  { mimeType: 'image/tiff', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { mimeType: 'image/heic', test: (b) => startsWith(b, ascii('ftyp'), 4) && HEIF_BRANDS.has(b.subarray(8, 12).toString('latin1')) },
  { mimeType: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF-')) },
  { mimeType: 'application/zip', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
];

/** The MIME type the bytes' signature shows, or null for formats without one (text) or unknown ones. */
export function sniffMimeType(bytes: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.test(bytes))?.mimeType ?? null;
}

/** Office documents are ZIP containers: trust the declared type only when the bytes are a ZIP. */
const ZIP_DOCUMENTS = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
]);

/** Declared types accepted as plain text when the bytes are valid UTF-8 without NUL bytes. */
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/x-yaml', 'application/yaml', 'application/javascript']);

export const SUPPORTED_IMAGES = 'PNG, JPEG, GIF, WebP, BMP, TIFF or HEIC';
export const SUPPORTED_FILES = `PDF, Office (docx, xlsx, pptx), plain text or an image (${SUPPORTED_IMAGES})`;

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isTextType(mimeType: string): boolean {
  return mimeType.startsWith('text/') || TEXT_TYPES.has(mimeType);
}

export type TypeCheck = { ok: true; mimeType: string; kind: AttachmentKind } | { ok: false; reason: string };

/**
 * Decides what an attachment is. An image part must hold an image; a file part may hold a PDF,
 * an Office document, text, or an image (sent as an image). The result's MIME type is the
 * sniffed one where the format has a signature, so a wrong declaration cannot mislabel an upload.
 */
export function checkAttachmentType(kind: AttachmentKind, declared: string | undefined, bytes: Buffer): TypeCheck {
  const claimed = declared?.split(';')[0]?.trim().toLowerCase() || undefined;
  const sniffed = sniffMimeType(bytes);
  if (sniffed?.startsWith('image/')) return { ok: true, mimeType: sniffed, kind: 'image' };
  if (kind === 'image') return { ok: false, reason: `is not a supported image (${SUPPORTED_IMAGES})` };
  if (sniffed === 'application/pdf') return { ok: true, mimeType: sniffed, kind: 'file' };
  if (sniffed === 'application/zip') {
    return claimed && ZIP_DOCUMENTS.has(claimed)
      ? { ok: true, mimeType: claimed, kind: 'file' }
      : { ok: false, reason: `is an archive, not a supported file (${SUPPORTED_FILES})` };
  }
  if (sniffed === null && (claimed === undefined || isTextType(claimed)) && isText(bytes)) {
    return { ok: true, mimeType: claimed ?? 'text/plain', kind: 'file' };
  }
  return { ok: false, reason: `is not a supported file type (${SUPPORTED_FILES})` };
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/zip': 'zip',
  'application/json': 'json',
  'text/markdown': 'md',
  'text/csv': 'csv',
  'text/html': 'html',
};

/** File extension for a MIME type (`txt` for unlisted text, `bin` otherwise). */
export function extensionFor(mimeType: string): string {
  return EXTENSIONS[mimeType] ?? (isTextType(mimeType) ? 'txt' : 'bin');
}
