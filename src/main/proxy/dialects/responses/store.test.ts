import { describe, expect, it } from 'vitest';
import type { ResponseObject } from '../../../../shared/api/responses';
import { createResponseStore } from './store';

function entry(id: string, text = 'x'): { response: ResponseObject; conversation: [] } {
  return { response: { id, output_text: text } as ResponseObject, conversation: [] };
}

describe('response store', () => {
  it('keeps responses until they expire', () => {
    let time = 0;
    const store = createResponseStore({ now: () => time, ttlMs: 1_000 });
    store.put(entry('resp_a'));
    time = 999;
    expect(store.get('resp_a')?.response.id).toBe('resp_a');
    time = 1_000;
    expect(store.get('resp_a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('drops the oldest beyond the count or size bound, and refuses one entry above the size bound', () => {
    const store = createResponseStore({ maxEntries: 2, maxChars: 400 });
    store.put(entry('resp_1'));
    store.put(entry('resp_2'));
    store.put(entry('resp_3'));
    expect([store.get('resp_1'), store.get('resp_2')?.response.id, store.get('resp_3')?.response.id]).toEqual([undefined, 'resp_2', 'resp_3']);
    store.put(entry('resp_big', 'y'.repeat(500)));
    expect(store.get('resp_big')).toBeUndefined();
    store.put(entry('resp_4', 'z'.repeat(300)));
    expect(store.get('resp_4')).toBeDefined();
    expect(store.get('resp_2')).toBeUndefined();
  });

  it('deletes by id once', () => {
    const store = createResponseStore();
    store.put(entry('resp_a'));
    expect(store.delete('resp_a')).toBe(true);
    expect(store.delete('resp_a')).toBe(false);
  });
});
