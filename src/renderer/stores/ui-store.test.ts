import { describe, expect, it } from 'vitest';
import { createUiStore, UI_STORAGE_KEY } from './ui-store';

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

describe('ui store', () => {
  it('persists only UI preferences and restores them in a new store', () => {
    const storage = memoryStorage();
    const first = createUiStore(storage);
    first.getState().setLanguage('zh-CN');
    first.getState().setTheme('dark');
    const saved = JSON.parse(storage.map.get(UI_STORAGE_KEY) ?? '{}') as { state: Record<string, unknown> };
    expect(Object.keys(saved.state).sort()).toEqual(['language', 'logDetailOpen', 'theme']);
    const second = createUiStore(storage);
    expect(second.getState().language).toBe('zh-CN');
    expect(second.getState().theme).toBe('dark');
  });
});
