import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { startSimulator, type Simulator } from '../tools/minimax-sim/index';
import { callApi, ensureRendererBuilt, makeDataDir, removeDir, startRelay, type RelayProcess } from './support/relay';
import { screenshotPages } from './support/screenshots';

let sim: Simulator;
const relays: RelayProcess[] = [];
const dirs: string[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function launch(dataDir: string, port: number | null = 0): Promise<RelayProcess> {
  const relay = await startRelay({ simUrl: sim.url, dataDir, port });
  relays.push(relay);
  return relay;
}

test.beforeAll(async () => {
  ensureRendererBuilt();
  sim = await startSimulator({ tickMs: 20, charsPerTick: 80 });
});

test.afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop()));
  await sim?.close();
  dirs.forEach(removeDir);
});

test('a changed port and language persist across a restart', async ({ page, browser }) => {
  const dataDir = makeDataDir();
  dirs.push(dataDir);
  const first = await launch(dataDir);
  const port = await freePort();
  await page.goto(first.uiLink);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
  const server = page.getByRole('region', { name: '服务' });
  await server.getByLabel('端口').fill(String(port));
  await server.getByRole('button', { name: '保存' }).click();
  await expect(server.getByRole('link', { name: '在新地址打开界面' })).toHaveAttribute('href', new RegExp(`:${port}/ui/#token=`));
  await first.stop();

  // No --port flag: the relay must come back on the stored port.
  const second = await launch(dataDir, null);
  expect(new URL(second.baseUrl).port).toBe(String(port));
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(second.uiLink);
  await again.getByRole('link', { name: '设置' }).click();
  await expect(again.getByRole('region', { name: '服务' }).getByLabel('端口')).toHaveValue(String(port));
  await expect(again.getByLabel('语言')).toHaveValue('zh-CN');
  await screenshotPages(again, 'settings-zh');
  await fresh.close();
});

test('a backup restores accounts and aliases into an empty data dir', async ({ page }) => {
  const sourceDir = makeDataDir();
  const targetDir = makeDataDir();
  dirs.push(sourceDir, targetDir);
  const source = await launch(sourceDir);
  const account = sim.admin.createAccount({ name: 'backed-up' });
  await callApi(source, 'accounts/import', { text: account.credential });
  await callApi(source, 'models/addMapping', { pattern: 'claude-*', target: 'MiniMax-M2.5', accountId: null });

  await page.goto(source.uiLink);
  await page.getByRole('link', { name: 'Settings' }).click();
  const backup = page.getByRole('region', { name: 'Backup and restore' });
  await backup.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  const downloading = page.waitForEvent('download');
  await backup.getByRole('button', { name: 'Download backup' }).click();
  const file = await (await downloading).path();
  await source.stop();

  const target = await launch(targetDir);
  await page.goto(target.uiLink);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByText('No accounts yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  const restore = page.getByRole('region', { name: 'Backup and restore' });
  await restore.getByLabel('Backup file').setInputFiles(file);
  await restore.getByLabel('Passphrase (Restore)').fill('wrong passphrase');
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('[data-error-code="bad_passphrase"]')).toBeVisible();
  await restore.getByLabel('Passphrase (Restore)').fill('correct horse battery');
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(restore.getByTestId('restore-summary')).toContainText('Restored 1 accounts, 1 aliases');
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.locator('li.account').filter({ hasText: 'backed-up' })).toBeVisible();
  await page.getByRole('link', { name: 'Models' }).click();
  await expect(page.locator('tr[data-pattern="claude-*"]')).toBeVisible();
  await screenshotPages(page, 'settings');
});
