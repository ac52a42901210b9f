import { describe, expect, it } from 'vitest';
import { geminiCliSettings, geminiCliSettingsJson, geminiCliShellSnippet } from './gemini-cli-settings';

describe('gemini-cli settings', () => {
  it('selects API-key auth, which gemini-cli needs to use GOOGLE_GEMINI_BASE_URL', () => {
    expect(geminiCliSettings().security.auth.selectedType).toBe('gemini-api-key');
    expect(JSON.parse(geminiCliSettingsJson())).toEqual({ security: { auth: { selectedType: 'gemini-api-key' } } });
  });

  it('writes the settings file only when it is missing, then sets the base URL and key', () => {
    const code = geminiCliShellSnippet('http://127.0.0.1:9123', 'sk-abc', 'MiniMax-M2.7');
    const lines = code.split('\n');
    expect(lines[1]).toBe("[ -f ~/.gemini/settings.json ] || cat > ~/.gemini/settings.json <<'JSON'");
    const json = lines.slice(2, lines.indexOf('JSON')).join('\n');
    expect(JSON.parse(json)).toEqual(geminiCliSettings());
    expect(code).toContain('\nexport GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:9123\nexport GEMINI_API_KEY=sk-abc\ngemini -m MiniMax-M2.7');
  });
});
