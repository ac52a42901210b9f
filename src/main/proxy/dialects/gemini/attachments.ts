/**
 * Gemini `inlineData` / `fileData` parts → canonical parts named the Gemini way
 * (`contents[0].parts[1]`). Google's JSON parsing takes the proto's snake_case names too
 * (`inline_data`/`mime_type`, `file_data`/`file_uri`), and REST clients do send them.
 */
import { parseDataUrl } from '../../../attachments/decode';
import type { ContentPart } from '../../../relay/canonical';
import type { GeminiPart } from './schema';

interface Inline {
  mimeType: string;
  data: string;
}
interface FileRef {
  mimeType?: string | undefined;
  fileUri: string;
}

function inlineOf(part: GeminiPart): Inline | null {
  if (part.inlineData) return part.inlineData;
  if (part.inline_data) return { mimeType: part.inline_data.mime_type, data: part.inline_data.data };
  return null;
}

function fileOf(part: GeminiPart): FileRef | null {
  if (part.fileData) return part.fileData;
  if (part.file_data) return { mimeType: part.file_data.mime_type, fileUri: part.file_data.file_uri };
  return null;
}

const kindOf = (mimeType: string | undefined): 'image' | 'file' => (mimeType?.startsWith('image/') ? 'image' : 'file');

/** The part's image or file, or null when it carries none. */
export function toMediaPart(part: GeminiPart, param: string | undefined): ContentPart | null {
  const origin = param ? { param } : {};
  const inline = inlineOf(part);
  if (inline) return { type: kindOf(inline.mimeType), data: inline.data, mimeType: inline.mimeType, ...origin, source: 'base64' };
  const file = fileOf(part);
  if (!file) return null;
  const mime = file.mimeType ? { mimeType: file.mimeType } : {};
  const data = parseDataUrl(file.fileUri);
  if (data) return { type: kindOf(file.mimeType ?? data.mimeType), data: data.base64, ...(data.mimeType ? { mimeType: data.mimeType } : {}), ...mime, ...origin, source: 'data-url' };
  return { type: kindOf(file.mimeType), url: file.fileUri, ...mime, ...origin, source: 'url' };
}
