/**
 * Issue: the login window read `_token` from whatever page it showed, so a page it navigated to
 * could plant an attacker-owned token and the user's prompts would go to that account. The window
 * now trusts only the configured agent origins; these checks keep it that way.
 */
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/shared/contract';
import type { AccountSummary } from '../../src/shared/domain/account';
import { defaultSettings } from '../../src/shared/domain/settings';
import { silentLogger } from '../../src/main/logs/types';
import { createLoginController, createLoginOriginPolicy, type LoginSurface } from '../../src/main/oauth';
import { makeJwt } from '../../src/main/oauth/__test__/test-jwt';

const OFFICIAL = createLoginOriginPolicy({ baseUrls: ['https://agent.minimaxi.com', 'https://agent.minimax.io'], override: null });

describe('login window trust', () => {
  it('never captures from a foreign, look-alike, downgraded or opaque origin', () => {
    for (const url of [
      'https://attacker.example/',
      'https://agent.minimaxi.com.attacker.example/',
      'https://attacker.example/?next=https://agent.minimaxi.com',
      'http://agent.minimaxi.com/',
      'https://accounts.google.com/',
      'about:blank',
      'data:text/html,x',
      'blob:https://agent.minimaxi.com/1',
    ]) {
      expect(OFFICIAL.canCapture(url), url).toBe(false);
    }
  });

  it('refuses plain http and sends popups nowhere but the sign-in hosts', () => {
    expect(OFFICIAL.navigation('http://attacker.example/')).toBe('block');
    expect(OFFICIAL.popup('http://accounts.google.com/')).toBe('block');
    expect(OFFICIAL.popup('https://attacker.example/')).toBe('external');
    expect(OFFICIAL.popup('https://accounts.google.com/signin')).toBe('allow');
  });

  it('a token planted by a foreign page is never imported, even after the user logged in elsewhere', async () => {
    const imports: string[] = [];
    let closed: (() => void) | null = null;
    const planted = { token: makeJwt({ user: { id: '666' }, exp: 4_000_000_000 }), userDetail: JSON.stringify({ realUserID: '666' }), url: 'https://attacker.example/' };
    const surface: LoginSurface = {
      load: async () => undefined,
      capture: async () => planted,
      cookies: async () => [{ name: 'sid', value: 'attacker' }],
      onClosed: (listener) => void (closed = listener),
      isClosed: () => false,
      focus: () => undefined,
      dispose: async () => undefined,
    };
    const controller = createLoginController({
      openSurface: () => surface,
      services: {
        accounts: { import: async ({ text }) => (imports.push(text), { results: [], created: 0, updated: 0, failed: 0 } as ImportResult) },
        settings: { get: async () => ({ ...defaultSettings(), apiKeys: [] }) },
      },
      agentBaseUrl: null,
      onProgress: () => undefined,
      logger: silentLogger,
      pollMs: 5,
      timeoutMs: 60_000,
    });
    const pending: Promise<AccountSummary> = controller.login({});
    await new Promise((resolve) => setTimeout(resolve, 100));
    (closed as (() => void) | null)?.();
    await expect(pending).rejects.toMatchObject({ code: 'login_cancelled' });
    expect(imports).toEqual([]);
  });
});
