/** A client request through the desktop app's relay is answered and shows up in the logs. */
import { expect, test } from '@playwright/test';
import { callBridge, launchApp, useDesktopSuite } from './electron-app';

test.describe('desktop relay', () => {
  const suite = useDesktopSuite();

  test('a chat completion is answered and logged', async () => {
    const account = suite.sim.admin.createAccount({ name: 'proxy-user' });
    const { app, page } = await launchApp({ binary: suite.binary, dataDir: suite.dataDir, agentUrl: suite.sim.url });
    try {
      const imported = await callBridge(page, 'accounts', 'import', { text: account.credential });
      expect(imported).toMatchObject({ ok: true, value: { created: 1, failed: 0 } });
      const status = await callBridge(page, 'relay', 'status');
      if (!status.ok || !status.value.baseUrl) throw new Error(`relay not running: ${JSON.stringify(status)}`);

      const res = await fetch(`${status.value.baseUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'Say hello from the desktop test' }] }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { choices: { message: { content: string } }[] };
      expect(body.choices[0]?.message.content.length).toBeGreaterThan(0);

      await expect
        .poll(async () => {
          const logs = await callBridge(page, 'logs', 'query', { limit: 10 });
          return logs.ok ? logs.value.map((entry) => [entry.status, entry.clientModel]) : [];
        })
        .toEqual([['success', 'MiniMax-M2.7']]);
    } finally {
      await app.close();
    }
  });
});
