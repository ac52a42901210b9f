import { describe, expect, it } from 'vitest';
import type { CanonicalRequest } from '../canonical';
import { prepareToolRequest } from './prompt';
import { MAX_TOOL_JSON_DEPTH, nestsDeeperThan } from './schema';

function nestedSchema(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

function request(parameters: Record<string, unknown>, toolChoice: CanonicalRequest['toolChoice'] = { type: 'auto' }): CanonicalRequest {
  return { id: 'r', dialect: 'openai', model: 'm', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [{ name: 'f', parameters }], toolChoice };
}

describe('nestsDeeperThan', () => {
  it('measures objects and arrays without recursion, at any depth', () => {
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 2)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(nestedSchema(50_000), MAX_TOOL_JSON_DEPTH)).toBe(true);
  });
});

describe('tool schema depth', () => {
  it('refuses a 5,000-level schema with invalid_request on field tools, even with tool choice none', () => {
    for (const choice of [{ type: 'auto' }, { type: 'none' }] as const) {
      expect(() => prepareToolRequest(request(nestedSchema(5_000), choice))).toThrow(expect.objectContaining({ code: 'invalid_request', detail: { field: 'tools' } }));
    }
  });

  it('accepts a schema nested as deep as real ones go', () => {
    expect(prepareToolRequest(request(nestedSchema(20))).messages).toHaveLength(2);
  });

  it('refuses earlier tool-call arguments nested past the limit', () => {
    let args: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) args = { a: args };
    const input = request({ type: 'object' });
    input.messages.push({ role: 'assistant', content: [], toolCalls: [{ id: 'c', name: 'f', arguments: args }] });
    expect(() => prepareToolRequest(input)).toThrow(expect.objectContaining({ code: 'invalid_request', detail: { field: 'messages' } }));
  });
});
