import { describe, expect, it } from 'vitest';
import { listInputItems, toInputItems } from './input-items';

describe('input items', () => {
  it('gives text input and items without ids an id, keeping ids clients sent', () => {
    const [text] = toInputItems('hi');
    expect(text).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] });
    expect(text?.id).toMatch(/^msg_/);
    const items = toInputItems([{ role: 'user', content: 'a' }, { type: 'function_call_output', call_id: 'c', output: 'x', id: 'fco_mine' }]);
    expect(items.map((item) => item.id)).toEqual([expect.stringMatching(/^msg_/), 'fco_mine']);
  });

  it('pages newest first by default, after an id, within the limit', () => {
    const items = ['a', 'b', 'c'].map((id) => ({ id, type: 'message' }));
    expect(listInputItems(items, {}).data.map((item) => item.id)).toEqual(['c', 'b', 'a']);
    expect(listInputItems(items, { order: 'asc', limit: '2' })).toMatchObject({ first_id: 'a', last_id: 'b', has_more: true });
    expect(listInputItems(items, { order: 'asc', after: 'b' }).data.map((item) => item.id)).toEqual(['c']);
    expect(() => listInputItems(items, { limit: '0' })).toThrow(/limit/);
    expect(() => listInputItems(items, { order: 'up' })).toThrow(/order/);
  });
});
