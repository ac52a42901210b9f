/**
 * Responses API `input_image` and `input_file` parts → canonical image/file parts named the way
 * the API names them (`input[0].content[1]`), so a refused part is pointed out to the client and
 * the log records where the bytes came from.
 */
import { RelayError } from '../../../../shared/errors';
import { parseDataUrl } from '../../../attachments/decode';
import type { ContentPart } from '../../../relay/canonical';

/** `image_url` is a `data:` URL or an http(s) URL; uploaded file ids are OpenAI's own. */
export function toImagePart(part: { image_url?: string | null }, param: string): ContentPart {
  const url = part.image_url;
  if (!url) throw new RelayError('invalid_request', `'${param}.image_url' is required: uploaded file ids are not supported.`, { param: `${param}.image_url` });
  const inline = parseDataUrl(url);
  if (inline) return { type: 'image', data: inline.base64, ...(inline.mimeType ? { mimeType: inline.mimeType } : {}), param, source: 'data-url' };
  return { type: 'image', url, param, source: 'url' };
}

/** `file_data` is a `data:` URL (what the SDK sends) or bare base64; `file_url` is fetched like an image URL. */
export function toFilePart(part: { file_data?: string | null; file_url?: string | null; filename?: string | null }, param: string): ContentPart {
  const name = part.filename ? { name: part.filename } : {};
  if (part.file_data) {
    const inline = parseDataUrl(part.file_data);
    return inline
      ? { type: 'file', data: inline.base64, ...(inline.mimeType ? { mimeType: inline.mimeType } : {}), ...name, param, source: 'data-url' }
      : { type: 'file', data: part.file_data, ...name, param, source: 'base64' };
  }
  if (part.file_url) return { type: 'file', url: part.file_url, ...name, param, source: 'url' };
  throw new RelayError('invalid_request', `'${param}.file_data' is required: uploaded file ids are not supported.`, { param: `${param}.file_data` });
}
