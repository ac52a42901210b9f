import { describe, expect, it } from 'vitest';
import { applyTheme, resolveTheme } from './theme';

function fakeMedia(matches: boolean) {
  const listeners = new Set<() => void>();
  return {
    matches,
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    change(next: boolean) {
      this.matches = next;
      listeners.forEach((fn) => fn());
    },
    listeners,
  };
}

describe('theme', () => {
  it('resolves system to the OS preference and keeps explicit choices', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('sets data-theme and follows the OS only for system', () => {
    const attrs: Record<string, string> = {};
    const root = { setAttribute: (k: string, v: string) => void (attrs[k] = v) };
    const media = fakeMedia(false);
    const stop = applyTheme('system', { root, media: media as unknown as MediaQueryList });
    expect(attrs['data-theme']).toBe('light');
    media.change(true);
    expect(attrs['data-theme']).toBe('dark');
    stop();
    expect(media.listeners.size).toBe(0);
    applyTheme('light', { root, media: media as unknown as MediaQueryList });
    expect(attrs['data-theme']).toBe('light');
    expect(media.listeners.size).toBe(0);
  });
});
