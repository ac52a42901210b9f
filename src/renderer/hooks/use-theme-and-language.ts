import { useEffect } from 'react';
import { applyTheme } from '../lib/theme';
import { useUiStore } from '../stores/ui-store';

/**
 * Paints the stored theme (following the system's `prefers-color-scheme` for `system`) and sets the
 * document language. Used above the sign-in gate, so the sign-in screen follows the theme as well.
 */
export function useThemeAndLanguage(): void {
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  useEffect(() => applyTheme(theme, { root: document.documentElement, media: window.matchMedia('(prefers-color-scheme: dark)') }), [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
