import { describe, expect, it } from 'vitest';
import { CREDENTIAL_SNIPPET } from './credential-snippet';

describe('CREDENTIAL_SNIPPET', () => {
  it('copies the token, the realUserID and the cookies of the page as one JSON object', () => {
    const storage: Record<string, string> = { _token: 'eyJ.token.sig', user_detail_agent: JSON.stringify({ realUserID: 450234567894, userName: 'a' }) };
    let copied = '';
    const run = new Function('localStorage', 'document', 'copy', CREDENTIAL_SNIPPET);
    run({ getItem: (key: string) => storage[key] ?? null }, { cookie: 'sid=abc; lang=en' }, (text: string) => (copied = text));
    expect(JSON.parse(copied)).toEqual({ realUserID: '450234567894', token: 'eyJ.token.sig', cookie: 'sid=abc; lang=en' });
  });

  it('falls back to the user id when realUserID is missing, and is one line', () => {
    let copied = '';
    const run = new Function('localStorage', 'document', 'copy', CREDENTIAL_SNIPPET);
    run({ getItem: (key: string) => (key === 'user_detail_agent' ? '{"id":"77"}' : 'tok') }, { cookie: '' }, (text: string) => (copied = text));
    expect(JSON.parse(copied)).toMatchObject({ realUserID: '77', token: 'tok' });
    expect(CREDENTIAL_SNIPPET).not.toContain('\n');
  });
});
