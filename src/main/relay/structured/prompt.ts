/**
 * The instruction that tells the model what JSON to write. The MiniMax web upstream has no
 * response-format field, so the format lives in the prompt, and the reply is checked afterwards
 * (check.ts): the prompt makes a valid reply likely, the check makes an invalid one impossible.
 */
import type { CanonicalRequest, ResponseFormat } from '../canonical';

const RULES = [
  'Reply with the JSON value only: no prose before or after it, no Markdown, no code fences, no comments.',
  'Use double-quoted keys and strings, and no trailing commas.',
];

export function buildFormatPrompt(format: ResponseFormat): string {
  if (format.type === 'json') {
    const what = format.objectOnly ? 'one JSON object' : 'one JSON value';
    return ['# Output format', `Your whole reply must be ${what}.`, ...RULES].join('\n');
  }
  const title = format.name ? ` "${format.name}"` : '';
  return [
    '# Output format',
    `Your whole reply must be one JSON value that validates against this JSON Schema${title}:`,
    ...(format.description ? [format.description] : []),
    '<schema>',
    JSON.stringify(format.schema),
    '</schema>',
    'Include every required property, use only the declared properties when additionalProperties is false, and respect every enum and type.',
    ...RULES,
  ].join('\n');
}

/** Appends the instruction as the last system message (the upstream joins all system turns in front). */
export function prepareFormatRequest(request: CanonicalRequest): CanonicalRequest {
  if (!request.responseFormat) return request;
  const text = buildFormatPrompt(request.responseFormat);
  return { ...request, messages: [...request.messages, { role: 'system', content: [{ type: 'text', text }] }] };
}
