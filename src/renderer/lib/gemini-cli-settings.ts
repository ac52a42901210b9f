/**
 * gemini-cli uses a custom base URL (`GOOGLE_GEMINI_BASE_URL`) only with API-key auth, which it
 * reads from `~/.gemini/settings.json` (`security.auth.selectedType = "gemini-api-key"`); without
 * it, it starts a Google sign-in instead. These build that settings file and a shell snippet that
 * writes it when missing (an existing file is never overwritten: merge the setting by hand).
 */
export const GEMINI_CLI_SETTINGS_PATH = '~/.gemini/settings.json';

export function geminiCliSettings(): { security: { auth: { selectedType: 'gemini-api-key' } } } {
  return { security: { auth: { selectedType: 'gemini-api-key' } } };
}

export function geminiCliSettingsJson(): string {
  return JSON.stringify(geminiCliSettings(), null, 2);
}

/** Shell lines: the settings file (only if absent), the base URL and key, then gemini-cli. */
export function geminiCliShellSnippet(baseUrl: string, key: string, model: string): string {
  return [
    'mkdir -p ~/.gemini',
    `[ -f ${GEMINI_CLI_SETTINGS_PATH} ] || cat > ${GEMINI_CLI_SETTINGS_PATH} <<'JSON'`,
    geminiCliSettingsJson(),
    'JSON',
    `export GOOGLE_GEMINI_BASE_URL=${baseUrl}`,
    `export GEMINI_API_KEY=${key}`,
    `gemini -m ${model}`,
  ].join('\n');
}
