import { describe, expect, it } from 'vitest';
import { toCanonical } from './to-canonical';

const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
const base = { model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] };

describe('Anthropic output format', () => {
  it('maps output_config.format and the beta output_format to a JSON-schema response format', () => {
    expect(toCanonical({ ...base, output_config: { format: { type: 'json_schema', schema } } }, 'a').responseFormat).toEqual({ type: 'json_schema', schema, strict: true });
    expect(toCanonical({ ...base, output_format: { type: 'json_schema', schema } }, 'b').responseFormat).toEqual({ type: 'json_schema', schema, strict: true });
    expect(toCanonical({ ...base, output_config: { effort: 'high' } }, 'c').responseFormat).toBeUndefined();
  });

  it('refuses a format that is not json_schema, naming the field', () => {
    expect(() => toCanonical({ ...base, output_config: { format: { type: 'xml' } } }, 'd')).toThrow(/output_config\.format/);
  });
});
