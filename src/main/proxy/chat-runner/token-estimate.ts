/**
 * Local token counts for when the upstream reports none (the MiniMax web protocol never does).
 * gpt-tokenizer's o200k vocabulary is not MiniMax's, so the numbers are estimates and are marked
 * as such; they are close enough for budgets and stats.
 */
import { countTokens } from 'gpt-tokenizer';
import type { CanonicalMessage, CanonicalRequest } from '../canonical';

function messageText(message: CanonicalMessage): string {
  const parts = message.content.map((part) => {
    if (part.type === 'text') return part.text;
    if (part.type === 'image') return '[image]';
    return `[file${part.name ? ` ${part.name}` : ''}]`;
  });
  for (const call of message.toolCalls ?? []) parts.push(`${call.name} ${JSON.stringify(call.arguments)}`);
  return parts.join('\n');
}

/** The prompt as one text, close to what the upstream receives (roles as line prefixes). */
export function flattenForEstimate(request: CanonicalRequest): string {
  const lines = request.messages.map((message) => `${message.role}:${messageText(message)}`);
  for (const tool of request.tools ?? []) lines.push(`tool ${tool.name}: ${tool.description ?? ''} ${JSON.stringify(tool.parameters)}`);
  return lines.join('\n');
}

export function estimateTokens(text: string): number {
  if (text === '') return 0;
  return countTokens(text);
}

export function estimatePromptTokens(request: CanonicalRequest): number {
  return estimateTokens(flattenForEstimate(request));
}
