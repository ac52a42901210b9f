import type { THEMES } from '../../shared/domain/settings';

export type ThemePreference = (typeof THEMES)[number];
export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(preference: ThemePreference, prefersDark: boolean): ResolvedTheme {
  if (preference === 'system') return prefersDark ? 'dark' : 'light';
  return preference;
}

export interface ThemeEnv {
  root: { setAttribute(name: string, value: string): void };
  media: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;
}

/**
 * Sets `data-theme` on the root element (the CSS variables switch on it) and, for `system`,
 * follows the OS setting live. Returns a function that stops following.
 */
export function applyTheme(preference: ThemePreference, env: ThemeEnv): () => void {
  const update = (): void => env.root.setAttribute('data-theme', resolveTheme(preference, env.media.matches));
  update();
  if (preference !== 'system') return () => undefined;
  env.media.addEventListener('change', update);
  return () => env.media.removeEventListener('change', update);
}
