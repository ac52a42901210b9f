import { LANGUAGES, THEMES, type Language } from '../../../shared/domain/settings';
import { SelectField } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import type { ThemePreference } from '../../lib/theme';
import { useSettingsStore } from '../../stores/settings-store';
import { useUiStore } from '../../stores/ui-store';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Applies at once (local preference) and saves to the relay, so a fresh browser gets it too. */
export function AppearanceSection() {
  const t = useT();
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  const setTheme = (value: ThemePreference): void => {
    useUiStore.getState().setTheme(value);
    void useSettingsStore.getState().update({ ui: { theme: value } });
  };
  const setLanguage = (value: Language): void => {
    useUiStore.getState().setLanguage(value);
    void useSettingsStore.getState().update({ ui: { language: value } });
  };
  return (
    <section className="card" aria-label={t('set.appearance')}>
      <h3>{t('set.appearance')}</h3>
      <div className="grid cols-2">
        <SelectField label={t('set.theme')} value={theme} onChange={setTheme} options={THEMES.map((v) => ({ value: v, label: t(`set.theme.${v}`) }))} />
        <SelectField label={t('set.language')} value={language} onChange={setLanguage} options={LANGUAGES.map((v) => ({ value: v, label: LANGUAGE_NAMES[v] }))} />
      </div>
    </section>
  );
}
