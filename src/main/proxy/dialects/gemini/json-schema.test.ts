import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './json-schema';

describe('toJsonSchema', () => {
  it('lowercases OpenAPI types, rewrites nullable and enum format, recursing into properties and items', () => {
    expect(
      toJsonSchema({
        type: 'OBJECT',
        properties: {
          path: { type: 'STRING', description: 'File' },
          mode: { type: 'STRING', format: 'enum', enum: ['a', 'b'] },
          count: { type: 'INTEGER', nullable: true },
          tags: { type: 'ARRAY', items: { type: 'STRING' } },
          any: { anyOf: [{ type: 'NUMBER' }, { type: 'BOOLEAN' }] },
        },
        required: ['path'],
        propertyOrdering: ['path'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        path: { type: 'string', description: 'File' },
        mode: { type: 'string', enum: ['a', 'b'] },
        count: { type: ['integer', 'null'] },
        tags: { type: 'array', items: { type: 'string' } },
        any: { anyOf: [{ type: 'number' }, { type: 'boolean' }] },
      },
      required: ['path'],
    });
  });

  it('keeps property names that look like keywords', () => {
    expect(toJsonSchema({ type: 'OBJECT', properties: { type: { type: 'STRING' }, nullable: { type: 'BOOLEAN' } } })).toEqual({
      type: 'object',
      properties: { type: { type: 'string' }, nullable: { type: 'boolean' } },
    });
  });
});
