import { expect, test } from '@playwright/test';
import { startEnv, type E2eEnv } from './support/relay';
import { screenshotPages } from './support/screenshots';

let env: E2eEnv;

test.beforeAll(async () => {
  env = await startEnv();
});

test.afterAll(async () => {
  await env?.close();
});

test('a wildcard alias is validated, saved, and explains a matching model name', async ({ page }) => {
  await page.goto(env.relay.uiLink);
  await page.getByRole('link', { name: 'Models' }).click();
  const editor = page.getByRole('form', { name: 'Add alias' });
  await editor.getByLabel('Client model name or pattern').fill('gpt 4');
  await editor.getByRole('button', { name: 'Add alias' }).click();
  await expect(editor).toContainText('Use letters, digits');

  await editor.getByLabel('Client model name or pattern').fill('gpt-*');
  await editor.getByLabel('Catalog model').selectOption('MiniMax-M2.5');
  await editor.getByRole('button', { name: 'Add alias' }).click();
  const row = page.locator('tr[data-pattern="gpt-*"]');
  await expect(row).toContainText('MiniMax-M2.5');
  await expect(row).toContainText('wildcard');

  await page.getByRole('textbox', { name: 'Try a model name' }).fill('gpt-4o-mini');
  const result = page.getByTestId('explain-result');
  await expect(result).toHaveAttribute('data-via', 'wildcard');
  await expect(result).toContainText('Runs on MiniMax-M2.5');

  await page.getByRole('textbox', { name: 'Try a model name' }).fill('MiniMax-M2.7-Think');
  await expect(result).toHaveAttribute('data-via', 'catalog');
  await expect(result).toContainText('Deep thinking');
  await screenshotPages(page, 'models');
});
