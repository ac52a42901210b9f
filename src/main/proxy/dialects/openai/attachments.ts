/** OpenAI `image_url` and `file` parts → canonical image/file parts named the OpenAI way (`messages[0].content[1]`). */
import { RelayError } from '../../../../shared/errors';
import { parseDataUrl } from '../../../attachments/decode';
import type { ContentPart } from '../../../relay/canonical';

export function toImagePart(imageUrl: string | { url: string }, param: string): ContentPart {
  const url = typeof imageUrl === 'string' ? imageUrl : imageUrl.url;
  const inline = parseDataUrl(url);
  if (inline) return { type: 'image', data: inline.base64, ...(inline.mimeType ? { mimeType: inline.mimeType } : {}), param, source: 'data-url' };
  return { type: 'image', url, param, source: 'url' };
}

/** `file_data` is a `data:` URL (what the SDKs send) or bare base64; uploaded file ids are OpenAI's own. */
export function toFilePart(file: { file_data?: string | undefined; filename?: string | undefined }, param: string): ContentPart {
  const data = file.file_data;
  if (!data) {
    const field = `${param}.file.file_data`;
    throw new RelayError('invalid_request', `'${field}' is required: uploaded file ids are not supported.`, { param: field });
  }
  const inline = parseDataUrl(data);
  const name = file.filename ? { name: file.filename } : {};
  return inline
    ? { type: 'file', data: inline.base64, ...(inline.mimeType ? { mimeType: inline.mimeType } : {}), ...name, param, source: 'data-url' }
    : { type: 'file', data, ...name, param, source: 'base64' };
}
