/**
 * CanonicalRequest → the platform's OpenAI-compatible chat body. Tools travel natively (no prompt
 * emulation), images as `image_url` parts, and `reasoning_split` asks the platform to return the
 * model's thinking in its own field instead of `<think>` tags inside the text.
 */
import type { CanonicalMessage, CanonicalRequest, ContentPart, ToolChoice } from '../../relay/canonical';
import { OPEN_MODELS } from './protocol';

type WirePart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

const CAPABILITY_SUFFIX = /-(think-search|think|search)$/i;

/** The platform model for a catalog id (`MiniMax-M2.7-Think` → `MiniMax-M2.7`). */
export function toUpstreamModel(catalogId: string): string {
  const base = catalogId.replace(CAPABILITY_SUFFIX, '');
  return OPEN_MODELS.find((model) => model.toLowerCase() === base.toLowerCase()) ?? base;
}

function toWirePart(part: ContentPart): WirePart | null {
  if (part.type === 'text') return { type: 'text', text: part.text };
  if (part.type === 'image') {
    const url = part.url ?? (part.data ? `data:${part.mimeType ?? 'image/png'};base64,${part.data}` : null);
    return url ? { type: 'image_url', image_url: { url } } : null;
  }
  // Files have no field on the chat endpoint: their name stays visible so the model knows one was sent.
  return { type: 'text', text: `[file${part.name ? `: ${part.name}` : ''}]` };
}

/** Plain text stays a string (what every model accepts); images need the parts form. */
function toWireContent(parts: readonly ContentPart[]): string | WirePart[] {
  const wire = parts.map(toWirePart).filter((part): part is WirePart => part !== null);
  if (wire.every((part) => part.type === 'text')) return wire.map((part) => (part as { text: string }).text).join('');
  return wire;
}

function textOf(parts: readonly ContentPart[]): string {
  return parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function toWireMessage(message: CanonicalMessage): Record<string, unknown> {
  if (message.role === 'tool') {
    return { role: 'tool', tool_call_id: message.toolCallId ?? '', content: textOf(message.content) };
  }
  if (message.role === 'assistant' && message.toolCalls?.length) {
    return {
      role: 'assistant',
      content: textOf(message.content),
      tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } })),
    };
  }
  return { role: message.role, content: message.role === 'user' ? toWireContent(message.content) : textOf(message.content) };
}

function toWireToolChoice(choice: ToolChoice): unknown {
  if (choice.type === 'tool') return { type: 'function', function: { name: choice.name } };
  return choice.type;
}

/** The platform accepts temperature in (0, 1]. */
function clampTemperature(value: number): number {
  return Math.min(1, Math.max(0.01, value));
}

export function toChatBody(request: CanonicalRequest, model: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: toUpstreamModel(model),
    messages: request.messages.map(toWireMessage),
    stream: true,
    stream_options: { include_usage: true },
    reasoning_split: true,
  };
  // The platform marks `max_tokens` deprecated in favour of the newer name.
  if (request.maxTokens !== undefined) body.max_completion_tokens = request.maxTokens;
  if (request.temperature !== undefined) body.temperature = clampTemperature(request.temperature);
  if (request.tools?.length && request.toolChoice?.type !== 'none') {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters },
    }));
    if (request.toolChoice) body.tool_choice = toWireToolChoice(request.toolChoice);
  }
  return body;
}
