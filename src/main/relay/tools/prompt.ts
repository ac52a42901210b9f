/**
 * The instruction block that declares a request's tools to the model. It mirrors MiniMax-M2's
 * chat template (tools as one JSON object per line inside `<tools>`) and asks for the model's
 * trained call syntax, which is what it emits most reliably.
 */
import type { CanonicalRequest, CanonicalTool, ToolChoice } from '../canonical';
import { assertToolJsonBounded } from './schema';

export function hasActiveTools(request: CanonicalRequest): request is CanonicalRequest & { tools: CanonicalTool[] } {
  return (request.tools?.length ?? 0) > 0 && request.toolChoice?.type !== 'none';
}

export function buildToolPrompt(tools: readonly CanonicalTool[], choice: ToolChoice | undefined): string {
  const declarations = tools
    .map((tool) => JSON.stringify({ name: tool.name, description: tool.description ?? '', parameters: tool.parameters }))
    .join('\n');
  return [
    '# Tools',
    'You may call one or more tools. They are declared in JSON Schema:',
    '<tools>',
    declarations,
    '</tools>',
    '',
    'To call tools, output exactly this format (several <invoke> may go in one block):',
    '<minimax:tool_call>',
    '<invoke name="TOOL_NAME">',
    '<parameter name="PARAMETER_NAME">VALUE</parameter>',
    '</invoke>',
    '</minimax:tool_call>',
    'Write strings as plain text and numbers, booleans, objects and arrays as JSON. Use only declared tools and parameters, include every required parameter, then stop and wait for the results.',
    choiceRule(choice),
  ].join('\n');
}

function choiceRule(choice: ToolChoice | undefined): string {
  switch (choice?.type) {
    case 'required':
      return 'You must call at least one tool in this reply.';
    case 'tool':
      return `You must call the tool "${choice.name}" in this reply.`;
    default:
      return 'Call a tool when it helps answer; otherwise reply normally.';
  }
}

/** Adds the block as a system message after the conversation's leading system messages. */
export function prepareToolRequest(request: CanonicalRequest): CanonicalRequest {
  // Checked even when the tools stay unused: the estimate and the upstream text still serialize them.
  assertToolJsonBounded(request);
  if (!hasActiveTools(request)) return request;
  const text = buildToolPrompt(request.tools, request.toolChoice);
  const firstNonSystem = request.messages.findIndex((m) => m.role !== 'system');
  const at = firstNonSystem < 0 ? request.messages.length : firstNonSystem;
  const messages = [...request.messages];
  messages.splice(at, 0, { role: 'system', content: [{ type: 'text', text }] });
  return { ...request, messages };
}
