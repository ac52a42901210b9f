import { describe, expect, it } from 'vitest';
import { toCanonical } from './to-canonical';

const base = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] };

describe('OpenAI → canonical', () => {
  it('maps roles, content parts, tool calls and tool results', () => {
    const req = toCanonical(
      {
        model: 'gpt-4o',
        messages: [
          { role: 'developer', content: 'rules' },
          { role: 'system', content: [{ type: 'text', text: 'more rules' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'look' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
              { type: 'image_url', image_url: { url: 'https://x.example/cat.jpg' } },
              { type: 'file', file: { file_data: 'data:application/pdf;base64,BBBB', filename: 'a.pdf' } },
            ],
          },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
        ],
      },
      'req-1',
    );
    expect(req.messages.map((m) => m.role)).toEqual(['system', 'system', 'user', 'assistant', 'tool']);
    expect(req.messages[2]?.content).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image', data: 'AAAA', mimeType: 'image/png', param: 'messages[2].content[1]', source: 'data-url' },
      { type: 'image', url: 'https://x.example/cat.jpg', param: 'messages[2].content[2]', source: 'url' },
      { type: 'file', data: 'BBBB', mimeType: 'application/pdf', name: 'a.pdf', param: 'messages[2].content[3]', source: 'data-url' },
    ]);
    expect(req.messages[3]?.toolCalls).toEqual([{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }]);
    expect(req.messages[4]).toMatchObject({ toolCallId: 'call_1', toolName: 'get_weather', content: [{ type: 'text', text: '18°C' }] });
  });

  it('maps tools, tool_choice, limits, stop, reasoning_effort and web search', () => {
    const req = toCanonical(
      {
        ...base,
        stream: true,
        stream_options: { include_usage: true },
        tools: [{ type: 'function', function: { name: 'f', description: 'd', parameters: { type: 'object' } } }, { type: 'function', function: { name: 'g' } }],
        tool_choice: { type: 'function', function: { name: 'f' } },
        max_tokens: 10,
        max_completion_tokens: 20,
        stop: 'END',
        temperature: 0.5,
        reasoning_effort: 'high',
        web_search_options: {},
      },
      'r',
    );
    expect(req).toMatchObject({
      stream: true, includeUsage: true, maxTokens: 20, stopSequences: ['END'], temperature: 0.5, thinking: true, webSearch: true,
      toolChoice: { type: 'tool', name: 'f' },
    });
    expect(req.tools?.[1]).toEqual({ name: 'g', description: undefined, parameters: { type: 'object', properties: {} } });
    expect(toCanonical({ ...base, reasoning_effort: 'minimal' }, 'r').thinking).toBe(false);
    expect(toCanonical({ ...base, tool_choice: 'required' }, 'r').toolChoice).toEqual({ type: 'required' });
    expect(toCanonical(base, 'r')).not.toHaveProperty('thinking');
  });

  it.each([
    [{ model: 'm', messages: [{ role: 'user', content: 5 }] }, 'messages[0].content'],
    [{ model: 'm', messages: [] }, 'messages'],
    [{ model: 3, messages: base.messages }, 'model'],
    [{ ...base, temperature: 'warm' }, 'temperature'],
    [{ ...base, max_tokens: -1 }, 'max_tokens'],
    [{ ...base, stream: 'yes' }, 'stream'],
    [{ ...base, tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name'],
    [{ ...base, reasoning_effort: 'extreme' }, 'reasoning_effort'],
    [{ model: 'm', messages: [{ role: 'wizard', content: 'x' }] }, 'messages[0].role'],
  ])('refuses wrong types with invalid_request naming the field (%#)', (body, param) => {
    expect(() => toCanonical(body, 'r')).toThrow(expect.objectContaining({ code: 'invalid_request', detail: { param } }));
  });

  it('refuses tool call arguments that are not a JSON object', () => {
    const body = { model: 'm', messages: [{ role: 'assistant', content: '', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1' } }] }] };
    expect(() => toCanonical(body, 'r')).toThrow(expect.objectContaining({ code: 'invalid_request', detail: { param: 'messages[0].tool_calls[0].function.arguments' } }));
  });

  it('refuses a body that is not an object', () => {
    expect(() => toCanonical([1, 2], 'r')).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => toCanonical(undefined, 'r')).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});
