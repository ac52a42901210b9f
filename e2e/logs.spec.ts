import { expect, test } from '@playwright/test';
import OpenAI from 'openai';
import { callApi, startEnv, type E2eEnv } from './support/relay';
import { screenshotPages } from './support/screenshots';

let env: E2eEnv;

test.beforeAll(async () => {
  env = await startEnv();
  const account = env.sim.admin.createAccount({ name: 'logger' });
  await callApi(env.relay, 'accounts/import', { text: account.credential });
});

test.afterAll(async () => {
  await env?.close();
});

function client(): OpenAI {
  return new OpenAI({ baseURL: `${env.relay.baseUrl}/v1`, apiKey: 'unused-on-loopback' });
}

test('a request made with the OpenAI SDK appears in the live log with its attempts', async ({ page }) => {
  await page.goto(env.relay.uiLink);
  await page.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByTestId('log-count')).toContainText('of 0 requests');

  const reply = await client().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello to the log view' }] });
  expect(reply.choices[0]?.message.content).toBeTruthy();

  // Pushed over the event stream: no reload, and quickly.
  const row = page.locator('[role="option"]').filter({ hasText: 'gpt-4o' });
  await expect(row).toHaveCount(1, { timeout: 1_000 });
  await expect(row.locator('.badge')).toHaveText('success');
  await row.click();
  const detail = page.getByTestId('log-detail');
  await expect(detail).toContainText('gpt-4o');
  await expect(detail.locator('.attempt')).toHaveCount(1);
  await expect(detail.locator('.attempt')).toContainText('logger');
  await expect(detail.locator('.attempt')).toContainText('Why:');
  await expect(detail).toContainText('Time to first token');
});

test('filters the log by model, status and text', async ({ page }) => {
  await client().chat.completions.create({ model: 'claude-3-haiku', messages: [{ role: 'user', content: 'second' }] });
  await page.goto(env.relay.uiLink);
  await page.goto(page.url().replace(/#.*$/, '#/logs'));
  const rows = page.locator('[role="option"]');
  await expect(rows).toHaveCount(2);

  const filters = page.getByRole('search', { name: 'Log filters' });
  await filters.getByLabel('Model').selectOption('claude-3-haiku');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('claude-3-haiku');
  await filters.getByLabel('Model').selectOption('');

  await filters.getByLabel('Status').selectOption('error');
  await expect(page.getByText('No request matches these filters.')).toBeVisible();
  await filters.getByLabel('Status').selectOption('all');

  await filters.getByLabel('Search').fill('GPT-4O');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('log-count')).toContainText('1 of 2 requests');
  await filters.getByLabel('Search').fill('');

  // Keyboard: the list takes focus and arrow keys move the selection and the detail with it.
  await page.getByRole('listbox', { name: 'Requests, newest first' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('log-detail')).toContainText('claude-3-haiku');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('log-detail')).toContainText('gpt-4o');
  await rows.first().click();
  await screenshotPages(page, 'logs');
});
