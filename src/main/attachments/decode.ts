/** Inline attachment data: `data:` URLs and bare base64, size-checked before anything is decoded. */

export interface InlineData {
  base64: string;
  /** The `data:` URL's MIME type, when the data came as one. */
  mimeType?: string;
}

/** Splits a base64 `data:` URL; null for anything else (non-base64 data URLs included). */
export function parseDataUrl(url: string): InlineData | null {
  const match = /^data:([^;,]*)((?:;[^;,]*)*?);base64,(.*)$/is.exec(url);
  if (!match) return null;
  const mimeType = match[1]?.trim().toLowerCase();
  return { base64: match[3] ?? '', ...(mimeType ? { mimeType } : {}) };
}

/** Bytes a base64 text decodes to (whitespace ignored), without decoding it. */
export function decodedLength(base64: string): number {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** Decodes standard or URL-safe base64; null when the text is not base64 at all. */
export function decodeBase64(base64: string): Buffer | null {
  const clean = base64.replace(/\s+/g, '');
  if (clean.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  return Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
}
