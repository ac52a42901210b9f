import { describe, expect, it } from 'vitest';
import { toResponseFormat } from './response-format';

describe('Gemini response format', () => {
  it('reads JSON mode, responseSchema (OpenAPI subset) and responseJsonSchema in both spellings', () => {
    expect(toResponseFormat({ responseMimeType: 'application/json' })).toEqual({ type: 'json', objectOnly: false });
    expect(toResponseFormat({ response_mime_type: 'application/json', response_schema: { type: 'OBJECT', properties: { n: { type: 'INTEGER', nullable: true } } } })).toEqual({
      type: 'json_schema',
      schema: { type: 'object', properties: { n: { type: ['integer', 'null'] } } },
    });
    const plain = { type: 'array', items: { type: 'string' } };
    expect(toResponseFormat({ responseMimeType: 'application/json', responseJsonSchema: plain })).toEqual({ type: 'json_schema', schema: plain });
    expect(toResponseFormat({ response_json_schema: plain })).toEqual({ type: 'json_schema', schema: plain });
  });

  it('normalises the upper-case types gemini-cli sends in responseJsonSchema', () => {
    const schema = { type: 'OBJECT', properties: { score: { type: 'INTEGER', description: 'd' } }, required: ['score'] };
    expect(toResponseFormat({ responseMimeType: 'application/json', responseJsonSchema: schema })).toEqual({
      type: 'json_schema',
      schema: { type: 'object', properties: { score: { type: 'integer', description: 'd' } }, required: ['score'] },
    });
  });

  it('leaves plain text alone', () => {
    expect(toResponseFormat(undefined)).toBeUndefined();
    expect(toResponseFormat({ responseMimeType: 'text/plain', temperature: 1 })).toBeUndefined();
  });
});
