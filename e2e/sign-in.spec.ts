import { expect, test, type Page } from '@playwright/test';
import { startEnv, type E2eEnv } from './support/relay';
import { shot } from './support/screenshots';

let env: E2eEnv;

test.beforeAll(async () => {
  env = await startEnv();
});

test.afterAll(async () => {
  await env?.close();
});

/** Counts the management calls the relay refused (each one is a failed attempt on its limiter). */
function countRefused(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() === 401) seen.count += 1;
  });
  return seen;
}

test('without a token the UI asks for one and shows no page data, in English and Chinese', async ({ page }) => {
  const refused = countRefused(page);
  await page.goto(`${env.relay.baseUrl}/ui/`);
  await expect(page.getByRole('heading', { name: 'Sign in to MiniMax Relay' })).toBeVisible();
  await expect(page.getByText('npm run serve -- --new-admin-token')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText(/Stopped|0 requests/)).toHaveCount(0);
  await shot(page, 'sign-in-en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '登录 MiniMax Relay' })).toBeVisible();
  await shot(page, 'sign-in-zh-cn');
  expect(refused.count).toBe(0);
});

test('a wrong token costs one refused call; the right one pasted opens the app and is kept for the tab', async ({ page }) => {
  const refused = countRefused(page);
  await page.goto(`${env.relay.baseUrl}/ui/#token=not-the-token`);
  await expect(page.getByRole('alert')).toContainText('did not accept this token');
  expect(refused.count).toBe(1);
  await page.getByLabel('Admin token').fill(env.relay.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Accounts' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Accounts' })).toBeVisible();
  expect(refused.count).toBe(1);
});

test('after the relay goes away the page says the connection is lost and offers a reload', async ({ page }) => {
  const own = await startEnv();
  try {
    await page.goto(own.relay.uiLink);
    await expect(page.getByRole('link', { name: 'Accounts' })).toBeVisible();
    await own.relay.stop();
    const banner = page.locator('.connection-lost');
    await expect(banner).toContainText('Connection to the relay lost');
    await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
    await shot(page, 'connection-lost-en');
  } finally {
    await own.close();
  }
});

test.describe('with the system in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the sign-in screen is dark, in English and Chinese, and light again when the system turns light', async ({ page }) => {
    await page.goto(`${env.relay.baseUrl}/ui/`);
    await expect(page.getByRole('heading', { name: 'Sign in to MiniMax Relay' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const background = (): Promise<string> => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    // --bg of the dark theme (#12151b).
    expect(await background()).toBe('rgb(18, 21, 27)');
    await shot(page, 'sign-in-en-dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '登录 MiniMax Relay' })).toBeVisible();
    expect(await background()).toBe('rgb(18, 21, 27)');
    await shot(page, 'sign-in-zh-cn-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    // --bg of the light theme (#f5f6f8).
    expect(await background()).toBe('rgb(245, 246, 248)');
  });
});
