/** The desktop app boots hardened, and its settings survive a relaunch. */
import { expect, test } from '@playwright/test';
import { callBridge, launchApp, useDesktopSuite } from './electron-app';

test.describe('desktop app', () => {
  const suite = useDesktopSuite();

  test('boots with the relay running and a hardened window', async () => {
    const { app, page } = await launchApp({ binary: suite.binary, dataDir: suite.dataDir, agentUrl: suite.sim.url });
    try {
      await expect(page).toHaveTitle(/MiniMax Relay/);
      const info = await callBridge(page, 'app', 'info');
      expect(info).toMatchObject({ ok: true, value: { host: 'desktop', canLoginWithWindow: true, dataDir: suite.dataDir } });
      const status = await callBridge(page, 'relay', 'status');
      expect(status).toMatchObject({ ok: true, value: { running: true, baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) } });

      const exposed = await page.evaluate(`({
        bridgeKeys: Object.keys(globalThis.bridge).sort(),
        hasRequire: typeof globalThis.require,
        hasProcess: typeof globalThis.process,
        hasIpc: typeof globalThis.ipcRenderer,
        origin: location.origin,
      })`);
      expect(exposed).toEqual({
        bridgeKeys: ['accounts', 'app', 'logs', 'models', 'on', 'relay', 'settings'],
        hasRequire: 'undefined',
        hasProcess: 'undefined',
        hasIpc: 'undefined',
        origin: 'app://relay',
      });
      const urls = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()));
      expect(urls).toHaveLength(1);
      expect(urls[0]).toMatch(/^app:\/\/relay\/index\.html/);
      // Invalid input is refused at the IPC boundary with the contract's error shape.
      await expect(callBridge(page, 'accounts', 'remove', { id: '' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    } finally {
      await app.close();
    }
  });

  test('settings persist across a relaunch', async () => {
    const first = await launchApp({ binary: suite.binary, dataDir: suite.dataDir, agentUrl: suite.sim.url });
    try {
      const updated = await callBridge(first.page, 'settings', 'update', { models: { strict: true }, desktop: { closeToTray: false }, ui: { theme: 'dark' } });
      expect(updated).toMatchObject({ ok: true });
    } finally {
      await first.app.close();
    }
    const second = await launchApp({ binary: suite.binary, dataDir: suite.dataDir, agentUrl: suite.sim.url });
    try {
      const settings = await callBridge(second.page, 'settings', 'get');
      expect(settings).toMatchObject({ ok: true, value: { models: { strict: true }, desktop: { closeToTray: false }, ui: { theme: 'dark' } } });
    } finally {
      await second.app.close();
    }
  });
});
