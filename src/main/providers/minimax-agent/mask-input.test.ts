import { describe, expect, it } from 'vitest';
import { maskCredentialInput } from './mask-input';
import { minimaxAgentModule } from './module';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
const NOW = Date.UTC(2026, 0, 1);
const token = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ user: { id: '111' }, exp: NOW / 1000 + 3600 })}.c2lnbmF0dXJl`;

describe('maskCredentialInput', () => {
  it('shows a few characters from each end of a long entry, never the middle', () => {
    const secret = 'abcdSECRETSECRETSECRETwxyz';
    expect(maskCredentialInput(secret)).toBe('abcd…wxyz');
  });

  it('masks the user id and the token of a realUserID+token entry separately', () => {
    expect(maskCredentialInput('450234567894+notajwtbutlongenough')).toBe('450…894+nota…ough');
  });

  it('reveals nothing of a short entry', () => {
    expect(maskCredentialInput('hunter2')).toBe('•••••••');
  });

  it('names a JSON object line by its token, not by its braces', () => {
    expect(maskCredentialInput('{"realUserID":"450234567894","token":"zzzzMIDDLEPARTyyyy"}')).toBe('450…894+zzzz…yyyy');
  });
});

describe('minimax-agent parseImport', () => {
  it('names a line that fails to parse by its masked input, like the valid lines', () => {
    const bad = 'this-is-not-a-token-at-all-9876';
    const entries = minimaxAgentModule.parseImport(`${token}\n${bad}`, { now: NOW, region: 'intl' });
    expect(entries).toHaveLength(2);
    const [valid, invalid] = entries;
    expect(valid?.ok).toBe(true);
    expect(invalid).toMatchObject({ ok: false, masked: 'this…9876', error: { code: 'invalid_credential' } });
    for (const entry of entries) {
      expect(entry.masked).not.toMatch(/^entry \d/);
      expect(entry.masked).not.toContain('not-a-token');
    }
  });

  it('gives a masked name to the error of an empty paste', () => {
    const [entry] = minimaxAgentModule.parseImport('   ', { now: NOW, region: 'cn' });
    expect(entry).toMatchObject({ ok: false, masked: '—' });
  });
});
