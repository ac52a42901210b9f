import { describe, expect, it } from 'vitest';
import type { CanonicalMessage } from '../../../relay/canonical';
import { parseCreateRequest, toCanonical } from './to-canonical';

const convert = (body: unknown, history?: CanonicalMessage[]) => toCanonical(parseCreateRequest(body), 'req-1', history);

describe('Responses request → canonical', () => {
  it('puts instructions first and maps developer, user parts and assistant output text', () => {
    const request = convert({
      model: 'm',
      instructions: 'Be brief.',
      input: [
        { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Rules.' }] },
        { role: 'user', content: [{ type: 'input_text', text: 'Look:' }, { type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'auto' }, { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,BBBB' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Seen.', annotations: [] }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'system', content: [{ type: 'text', text: 'Rules.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Look:' }, { type: 'image', data: 'AAAA', mimeType: 'image/png', param: 'input[1].content[1]', source: 'data-url' }, { type: 'file', data: 'BBBB', mimeType: 'application/pdf', name: 'a.pdf', param: 'input[1].content[2]', source: 'data-url' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Seen.' }] },
    ]);
  });

  it('attaches calls to the assistant turn they follow and names their outputs; skips reasoning items', () => {
    const request = convert({
      model: 'm',
      input: [
        { role: 'user', content: 'Weather?' },
        { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'xyz' },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.' }] },
        { type: 'function_call', call_id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        { type: 'custom_tool_call', call_id: 'call_b', name: 'apply_patch', input: '*** Begin Patch' },
        { type: 'function_call_output', call_id: 'call_a', output: '{"temp":4}' },
        { type: 'custom_tool_call_output', call_id: 'call_b', output: [{ type: 'input_text', text: 'done' }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'Checking.' }],
        toolCalls: [
          { id: 'call_a', name: 'get_weather', arguments: { city: 'Oslo' } },
          { id: 'call_b', name: 'apply_patch', arguments: { input: '*** Begin Patch' } },
        ],
      },
      { role: 'tool', content: [{ type: 'text', text: '{"temp":4}' }], toolCallId: 'call_a', toolName: 'get_weather' },
      { role: 'tool', content: [{ type: 'text', text: 'done' }], toolCallId: 'call_b', toolName: 'apply_patch' },
    ]);
  });

  it('reads tools, tool_choice, reasoning, text.format and max_output_tokens', () => {
    const request = convert({
      model: 'm',
      input: 'hi',
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object', properties: {} }, strict: true }, { type: 'web_search' }, { type: 'custom', name: 'apply_patch' }],
      tool_choice: { type: 'function', name: 'f' },
      reasoning: { effort: 'minimal' },
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true } },
      max_output_tokens: 50,
    });
    expect(request).toMatchObject({
      tools: [{ name: 'f', parameters: { type: 'object', properties: {} } }],
      webSearch: true,
      toolChoice: { type: 'tool', name: 'f' },
      thinking: false,
      responseFormat: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true },
      maxTokens: 50,
    });
    expect(convert({ model: 'm', input: 'hi', tools: [{ type: 'web_search', external_web_access: false }] }).webSearch).toBeUndefined();
  });

  it('continues a stored conversation and knows the names of its calls', () => {
    const history: CanonicalMessage[] = [
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      { role: 'assistant', content: [], toolCalls: [{ id: 'call_a', name: 'get_weather', arguments: {} }] },
    ];
    const request = convert({ model: 'm', instructions: 'New rules.', input: [{ type: 'function_call_output', call_id: 'call_a', output: 'sunny' }] }, history);
    expect(request.messages[0]).toEqual({ role: 'system', content: [{ type: 'text', text: 'New rules.' }] });
    expect(request.messages.at(-1)).toMatchObject({ role: 'tool', toolName: 'get_weather' });
  });

  it('refuses bad items naming the field, and an empty input', () => {
    expect(() => convert({ model: 'm', input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '[1]' }] })).toThrow("'input[0].arguments' must be a JSON object");
    expect(() => convert({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-1' }] }] })).toThrow(/image_url' is required/);
    expect(() => convert({ model: 'm', input: [] })).toThrow("'input' must contain at least one item.");
    expect(() => parseCreateRequest({ model: 'm', input: [{ type: 'function_call', name: 'f' }] })).toThrow(/input\[0\]/);
  });
});
