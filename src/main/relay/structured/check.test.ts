import { describe, expect, it } from 'vitest';
import { createFormatChecker } from './check';
import { buildFormatPrompt } from './prompt';

const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { city: { type: 'string' }, temp: { type: 'number' } }, required: ['city'], additionalProperties: false };
const format = { type: 'json_schema', schema, name: 'weather' } as const;

describe('format check', () => {
  const compileErrors: string[] = [];
  const checker = createFormatChecker((message) => compileErrors.push(message));

  it('accepts plain, fenced and prose-wrapped JSON and re-serialises it', () => {
    expect(checker.check(format, '{"city":"Oslo","temp":3}')).toEqual({ ok: true, json: '{"city":"Oslo","temp":3}' });
    expect(checker.check(format, '```json\n{ "city": "Oslo" }\n```')).toEqual({ ok: true, json: '{"city":"Oslo"}' });
    expect(checker.check(format, 'Here you go: {"city": "Oslo",} Enjoy!')).toEqual({ ok: true, json: '{"city":"Oslo"}' });
  });

  it('names every schema problem, up to five', () => {
    const result = checker.check(format, '{"temp":"warm","wind":4}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain("(root) must have required property 'city'");
    expect(result.problems).toContain('/temp must be number');
    expect(result.problems).toContain("(root) must NOT have additional properties ('wind')");
  });

  it('refuses prose, and a non-object in json_object mode', () => {
    expect(checker.check({ type: 'json', objectOnly: true }, 'It is sunny.')).toEqual({ ok: false, problems: ['the reply is not JSON'] });
    expect(checker.check({ type: 'json', objectOnly: true }, '[1,2]')).toEqual({ ok: false, problems: ['the reply is JSON but not an object'] });
    expect(checker.check({ type: 'json', objectOnly: false }, '[1,2]')).toEqual({ ok: true, json: '[1,2]' });
  });

  it('checks only JSON-ness when the schema does not compile, and says so once', () => {
    const broken = { type: 'json_schema', schema: { type: 'object', properties: { a: { $ref: '#/nowhere' } } } } as const;
    expect(checker.check(broken, '{"a":1}')).toEqual({ ok: true, json: '{"a":1}' });
    expect(checker.check(broken, 'nope').ok).toBe(false);
    expect(compileErrors).toHaveLength(1);
  });

  it('puts the schema and its name in the prompt', () => {
    const prompt = buildFormatPrompt(format);
    expect(prompt).toContain('"weather"');
    expect(prompt).toContain(JSON.stringify(schema));
    expect(buildFormatPrompt({ type: 'json', objectOnly: true })).toContain('one JSON object');
  });
});
