import { describe, expect, it } from 'vitest';
import type { CanonicalRequest, ToolChoice } from '../canonical';
import { prepareToolRequest } from './prompt';

const weather = { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

function request(toolChoice?: ToolChoice, tools = [weather]): CanonicalRequest {
  return {
    id: 'r1',
    dialect: 'openai',
    model: 'MiniMax-M2',
    stream: false,
    tools,
    toolChoice,
    messages: [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
    ],
  };
}

function instruction(req: CanonicalRequest): string {
  const added = req.messages[1];
  expect(added?.role).toBe('system');
  const part = added?.content[0];
  return part?.type === 'text' ? part.text : '';
}

describe('prepareToolRequest', () => {
  it('adds one system block after the client system prompt declaring tools one per line', () => {
    const prepared = prepareToolRequest(request({ type: 'auto' }));
    expect(prepared.messages).toHaveLength(3);
    expect(prepared.messages[0]?.content).toEqual([{ type: 'text', text: 'Be brief.' }]);
    const text = instruction(prepared);
    expect(text).toContain(`<tools>\n${JSON.stringify({ name: 'get_weather', description: 'Weather for a city', parameters: weather.parameters })}\n</tools>`);
    expect(text).toContain('<minimax:tool_call>\n<invoke name="TOOL_NAME">');
    expect(text).toContain('Call a tool when it helps');
    expect(prepared.tools).toEqual([weather]);
  });

  it('states the tool choice', () => {
    expect(instruction(prepareToolRequest(request({ type: 'required' })))).toContain('must call at least one tool');
    expect(instruction(prepareToolRequest(request({ type: 'tool', name: 'get_weather' })))).toContain('must call the tool "get_weather"');
  });

  it('adds nothing for tool choice none or without tools', () => {
    const none = request({ type: 'none' });
    expect(prepareToolRequest(none)).toBe(none);
    const noTools = request(undefined, []);
    expect(prepareToolRequest(noTools)).toBe(noTools);
  });

  it('puts the block first when there is no system prompt', () => {
    const req = request();
    req.messages = req.messages.slice(1);
    expect(prepareToolRequest(req).messages[0]?.role).toBe('system');
  });
});
