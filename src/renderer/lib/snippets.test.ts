import { describe, expect, it } from 'vitest';
import { buildSnippets } from './snippets';

describe('buildSnippets', () => {
  it('fills every snippet with the real base URL and the key', () => {
    const snippets = buildSnippets('http://127.0.0.1:9123', 'sk-abc', 'MiniMax-M2.7');
    expect(snippets.map((s) => s.id)).toEqual(['cherry', 'claude-code', 'gemini-cli', 'gemini-cli-settings', 'openai-sdk', 'anthropic-sdk', 'curl']);
    // The settings file holds no address or key (those are environment variables).
    for (const s of snippets.filter((snippet) => snippet.id !== 'gemini-cli-settings')) {
      expect(s.code, s.id).toContain('127.0.0.1:9123');
      expect(s.code, s.id).toContain('sk-abc');
    }
    expect(snippets.find((s) => s.id === 'openai-sdk')?.code).toContain('base_url="http://127.0.0.1:9123/v1"');
    expect(snippets.find((s) => s.id === 'claude-code')?.code).toContain('ANTHROPIC_BASE_URL=http://127.0.0.1:9123\n');
    expect(snippets.find((s) => s.id === 'gemini-cli')?.code).toContain('"selectedType": "gemini-api-key"');
    expect(snippets.find((s) => s.id === 'gemini-cli-settings')?.code).toContain('"selectedType": "gemini-api-key"');
    for (const name of ['ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL']) {
      expect(snippets.find((s) => s.id === 'claude-code')?.code, name).toMatch(new RegExp(`export ${name}=\\S+\\n`));
    }
  });
});
