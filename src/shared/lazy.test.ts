import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazy } from './lazy';

describe('lazy', () => {
  it('builds nothing until first use, then once', () => {
    let builds = 0;
    const schema = lazy(() => {
      builds += 1;
      return z.object({ a: z.number() });
    });
    expect(builds).toBe(0);
    expect(schema.safeParse({ a: 1 }).success).toBe(true);
    expect(schema.safeParse({ a: 'x' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('stands in for a schema inside other schemas, and for a plain object of schemas when spread', () => {
    const inner = lazy(() => z.looseObject({ type: z.literal('text'), text: z.string() }));
    const fields = lazy(() => ({ parts: z.array(inner), note: z.string().optional() }));
    const outer = lazy(() => z.object({ ...fields, id: z.string() }));
    expect(Object.keys(fields)).toEqual(['parts', 'note']);
    expect('parts' in fields).toBe(true);
    expect(outer.parse({ id: '1', parts: [{ type: 'text', text: 'hi', extra: true }] })).toEqual({ id: '1', parts: [{ type: 'text', text: 'hi', extra: true }] });
    expect(outer.safeParse({ id: '1', parts: [{ type: 'image' }] }).success).toBe(false);
    expect(inner instanceof z.ZodObject).toBe(true);
    expect(z.union([inner, z.string()]).safeParse('plain').success).toBe(true);
    expect(z.discriminatedUnion('type', [inner, z.object({ type: z.literal('image') })]).safeParse({ type: 'image' }).success).toBe(true);
  });
});
