/** The one-click login window against the simulator's login page. */
import { expect, test } from '@playwright/test';
import { startSimulator, type Simulator } from '../../tools/minimax-sim';
import { buildAppOnce, callBridge, createDataDir, findElectronBinary, launchApp } from './electron-app';

const found = findElectronBinary();

test.describe('desktop login window', () => {
  test.skip(!('binary' in found), `Electron binary not available: ${'reason' in found ? found.reason : ''}`);
  const binary = 'binary' in found ? found.binary : '';
  let sim: Simulator;
  let data: ReturnType<typeof createDataDir>;

  test.beforeAll(async () => {
    buildAppOnce();
    sim = await startSimulator();
  });
  test.afterAll(async () => {
    await sim?.close();
  });
  test.beforeEach(() => {
    data = createDataDir();
  });
  test.afterEach(() => {
    data.remove();
  });

  test('logging in on the MiniMax page adds the account', async () => {
    const { app, page } = await launchApp({ binary, dataDir: data.dir, agentUrl: sim.url });
    try {
      // Started, not awaited: the call resolves only when the login window has done its work.
      await page.evaluate(`globalThis.__login = globalThis.bridge.accounts.login({})`);
      const loginWindow = await app.waitForEvent('window');
      await loginWindow.waitForLoadState();
      expect(loginWindow.url()).toBe(`${sim.url}/`);
      await loginWindow.fill('#name', 'desktop-user');
      await loginWindow.click('#login');

      const result = (await page.evaluate('globalThis.__login')) as { ok: boolean; value?: { id: string; userName: string | null; status: string } };
      expect(result).toMatchObject({ ok: true, value: { status: 'active' } });
      const accounts = await callBridge(page, 'accounts', 'list');
      expect(accounts.ok && accounts.value.map((a) => a.id)).toEqual([result.value?.id]);
      // The login window closed itself after capturing.
      await expect.poll(() => app.windows().length).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('closing the login window cancels the login', async () => {
    const { app, page } = await launchApp({ binary, dataDir: data.dir, agentUrl: sim.url });
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
