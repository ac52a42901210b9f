/** The conversation a stored response continues with (`previous_response_id`). */
import type { ResponseObject } from '../../../../shared/api/responses';
import type { CanonicalMessage, CanonicalToolCall } from '../../../relay/canonical';

/** The assistant turn a response's output amounts to (reasoning stays out, as the upstream cannot take it back). */
function outputTurn(response: ResponseObject): CanonicalMessage | null {
  const text = response.output.flatMap((item) => (item.type === 'message' ? item.content.map((part) => part.text) : [])).join('');
  const toolCalls: CanonicalToolCall[] = response.output.flatMap((item) => {
    if (item.type !== 'function_call') return [];
    const args: unknown = JSON.parse(item.arguments);
    return [{ id: item.call_id, name: item.name, arguments: args as Record<string, unknown> }];
  });
  if (!text && toolCalls.length === 0) return null;
  return { role: 'assistant', content: text ? [{ type: 'text', text }] : [], ...(toolCalls.length ? { toolCalls } : {}) };
}

/**
 * `messages`: the request's canonical conversation; its leading `instructions` turn is dropped,
 * since OpenAI does not carry instructions over to the next response.
 */
export function storedConversation(messages: readonly CanonicalMessage[], hadInstructions: boolean, response: ResponseObject): CanonicalMessage[] {
  const turn = outputTurn(response);
  return [...(hadInstructions ? messages.slice(1) : messages), ...(turn ? [turn] : [])];
}
