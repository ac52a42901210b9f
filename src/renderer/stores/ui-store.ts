import { useStore, type StoreApi } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { Language } from '../../shared/domain/settings';
import type { ThemePreference } from '../lib/theme';

/**
 * UI preferences: the only state the renderer persists itself (localStorage). Theme and language
 * also live in the relay's settings (so a fresh browser gets them); this copy paints the first
 * frame in the right language and theme before the settings arrive.
 */
export interface UiState {
  theme: ThemePreference;
  language: Language;
  /** Log list: show the detail panel beside the list. */
  logDetailOpen: boolean;
  setTheme(theme: ThemePreference): void;
  setLanguage(language: Language): void;
  setLogDetailOpen(open: boolean): void;
}

export const UI_STORAGE_KEY = 'minimax-relay.ui';

export function createUiStore(storage?: StateStorage): StoreApi<UiState> {
  return createStore<UiState>()(
    persist(
      (set) => ({
        theme: 'system',
        language: 'en',
        logDetailOpen: true,
        setTheme: (theme) => set({ theme }),
        setLanguage: (language) => set({ language }),
        setLogDetailOpen: (logDetailOpen) => set({ logDetailOpen }),
      }),
      {
        name: UI_STORAGE_KEY,
        storage: createJSONStorage(() => storage ?? window.localStorage),
        partialize: ({ theme, language, logDetailOpen }) => ({ theme, language, logDetailOpen }),
      },
    ),
  );
}

let uiStore: StoreApi<UiState> | null = null;
const getUiStore = (): StoreApi<UiState> => (uiStore ??= createUiStore());

export function useUiStore<T>(selector: (state: UiState) => T): T {
  return useStore(getUiStore(), selector);
}
useUiStore.getState = (): UiState => getUiStore().getState();
