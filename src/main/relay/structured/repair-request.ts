/**
 * The one follow-up request that asks the model to fix a reply that failed the format check: the
 * same conversation (with the format instruction), the rejected reply, and what was wrong with it.
 * Tools are left out: the model is asked for JSON, not for another call.
 */
import type { CanonicalRequest } from '../canonical';

/** How much of the rejected reply goes back to the model (a runaway reply must not double the prompt). */
const MAX_ECHOED_CHARS = 16_000;

export function buildRepairRequest(prepared: CanonicalRequest, rejected: string, problems: readonly string[]): CanonicalRequest {
  const echoed = rejected.length > MAX_ECHOED_CHARS ? `${rejected.slice(0, MAX_ECHOED_CHARS)}…` : rejected;
  const instruction = [
    'Your previous reply does not satisfy the required output format:',
    ...problems.map((problem) => `- ${problem}`),
    'Reply again with only the corrected JSON value, nothing else.',
  ].join('\n');
  const { tools: _tools, toolChoice: _choice, ...rest } = prepared;
  return {
    ...rest,
    id: `${prepared.id}-repair`,
    messages: [...prepared.messages, { role: 'assistant', content: [{ type: 'text', text: echoed }] }, { role: 'user', content: [{ type: 'text', text: instruction }] }],
  };
}
