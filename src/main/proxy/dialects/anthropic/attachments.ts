/** Anthropic `image` and `document` blocks (base64, url, text) → canonical parts named the Anthropic way (`messages.0.content.1`). */
import { parseDataUrl } from '../../../attachments/decode';
import type { ContentPart } from '../../../relay/canonical';
import type { AnthropicContentBlock } from './schema';

type MediaBlock = Extract<AnthropicContentBlock, { type: 'image' | 'document' }>;

export function toMediaPart(block: MediaBlock, param: string | undefined): ContentPart {
  const source = block.source;
  const type = block.type === 'image' ? 'image' : 'file';
  const name = block.type === 'document' && typeof block.title === 'string' && block.title ? { name: block.title } : {};
  // A source the relay cannot fetch (a Files API id…) is named in the text, never dropped silently.
  if (source.type === 'other') return { type: 'file', name: name.name ?? `${block.type} (${source.kind} source)` };
  // A document given as plain text or content blocks is just text for the model; nothing to upload.
  if (source.type === 'text') return { type: 'text', text: source.data };
  if (source.type === 'content') {
    const text = typeof source.content === 'string' ? source.content : source.content.map((part) => part.text ?? '').filter(Boolean).join('\n');
    return { type: 'text', text };
  }
  const origin = param ? { param } : {};
  if (source.type === 'base64') return { type, data: source.data, mimeType: source.media_type, ...name, ...origin, source: 'base64' };
  const inline = parseDataUrl(source.url);
  if (inline) return { type, data: inline.base64, ...(inline.mimeType ? { mimeType: inline.mimeType } : {}), ...name, ...origin, source: 'data-url' };
  return { type, url: source.url, ...name, ...origin, source: 'url' };
}
