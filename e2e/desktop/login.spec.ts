/** The one-click login window against the simulator's login page. */
import { expect, test } from '@playwright/test';
import { callBridge, launchApp, useDesktopSuite } from './electron-app';

test.describe('desktop login window', () => {
  const suite = useDesktopSuite();

  test('logging in on the MiniMax page adds the account', async () => {
    const { app, page } = await launchApp({ binary: suite.binary, dataDir: suite.dataDir, agentUrl: suite.sim.url });
    try {
      // Started, not awaited: the call resolves only when the login window has done its work.
      await page.evaluate(`globalThis.__login = globalThis.bridge.accounts.login({})`);
      const loginWindow = await app.waitForEvent('window');
      await loginWindow.waitForLoadState();
      expect(loginWindow.url()).toBe(`${suite.sim.url}/`);
      await loginWindow.fill('#name', 'desktop-user');
      await loginWindow.click('#login');

      const result = (await page.evaluate('globalThis.__login')) as { ok: boolean; value?: { id: string; userName: string | null; status: string } };
      expect(result).toMatchObject({ ok: true, value: { status: 'active' } });
      const accounts = await callBridge(page, 'accounts', 'list');
      expect(accounts.ok && accounts.value.map((a) => a.id)).toEqual([result.value?.id]);
      // The login window closed itself after capturing.
      await expect.poll(() => app.windows().length).toBe(1);
      // The site's HttpOnly session cookie moved into the account's own persisted session.
      const jar = await app.evaluate(
        async ({ session }, id) => (await session.fromPartition(`persist:minimax-account-${id}`).cookies.get({})).map((c) => ({ name: c.name, httpOnly: c.httpOnly })),
        result.value?.id ?? '',
      );
      expect(jar).toContainEqual({ name: 'mm_sessionid', httpOnly: true });
    } finally {
      await app.close();
    }
  });

  test('closing the login window cancels the login', async () => {
    const { app, page } = await launchApp({ binary: suite.binary, dataDir: suite.dataDir, agentUrl: suite.sim.url });
    try {
      await page.evaluate(`globalThis.__login = globalThis.bridge.accounts.login({})`);
      const loginWindow = await app.waitForEvent('window');
      await loginWindow.close();
      const result = await page.evaluate('globalThis.__login');
      expect(result).toMatchObject({ ok: false, error: { code: 'login_cancelled' } });
      const accounts = await callBridge(page, 'accounts', 'list');
      expect(accounts).toEqual({ ok: true, value: [] });
    } finally {
      await app.close();
    }
  });
});
