/**
 * The Python `google-genai` SDK sends many fields in snake_case, and Google's API accepts both
 * spellings. The fixture (test/fixtures/clients/python-genai-afc.json) is not a capture: PyPI is
 * not reachable where this was written, so it was built from the SDK's wire format (its
 * `FunctionDeclaration(parameters_json_schema=dict)`, automatic function calling's second request
 * with `function_call`/`function_response`, `system_instruction`, `thinking_config`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeGeminiKeys } from './normalize-keys';
import { toCanonical } from './to-canonical';

const fixture = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/clients/python-genai-afc.json', import.meta.url), 'utf8')) as { body: unknown };

describe('python google-genai requests', () => {
  const request = toCanonical(fixture.body, 'gemini-2.5-flash', 'id', false);

  it('keeps the function schemas (JSON Schema as sent, Gemini Schema converted)', () => {
    expect(request.tools?.map((tool) => tool.name)).toEqual(['get_current_temperature', 'book_taxi']);
    expect(request.tools?.[0]?.parameters).toEqual({
      properties: { location: { title: 'Location', type: 'string' }, unit_system: { default: 'metric', title: 'Unit System', type: 'string' } },
      required: ['location'],
      title: 'get_current_temperature',
      type: 'object',
    });
    // Keywords normalised, property names kept as the client named them.
    expect(request.tools?.[1]?.parameters).toEqual({
      type: 'object',
      properties: { pickup_address: { type: 'string', description: 'Where to start.' }, passenger_count: { type: ['integer', 'null'] } },
      required: ['pickup_address'],
    });
  });

  it('reads the system instruction, the call, its response and the generation config', () => {
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(request.messages[2]?.toolCalls?.[0]).toMatchObject({ name: 'get_current_temperature', arguments: { location: 'London', unit_system: 'metric' } });
    expect(request.messages[3]).toMatchObject({ toolName: 'get_current_temperature', toolCallId: request.messages[2]?.toolCalls?.[0]?.id });
    expect(JSON.parse((request.messages[3]?.content[0] as { text: string }).text)).toEqual({ result: { temperature_c: 9, sky_condition: 'rain' } });
    expect(request).toMatchObject({ maxTokens: 2048, stopSequences: ['<END>'], thinking: true, includeThoughts: true, toolChoice: { type: 'auto' } });
  });

  it('normalises keys without touching client data, and lets camelCase win over snake_case', () => {
    expect(normalizeGeminiKeys({ generation_config: { response_mime_type: 'application/json', response_json_schema: { properties: { a_b: {} } } } })).toEqual({
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema: { properties: { a_b: {} } } },
    });
    expect(normalizeGeminiKeys({ systemInstruction: 'camel', system_instruction: 'snake' })).toEqual({ systemInstruction: 'camel' });
    expect(normalizeGeminiKeys({ parts: [{ inline_data: { mime_type: 'image/png', data: 'AA' } }] })).toEqual({ parts: [{ inlineData: { mimeType: 'image/png', data: 'AA' } }] });
  });
});
