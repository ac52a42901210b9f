import { expect, test } from '@playwright/test';
import { callApi, startEnv, type E2eEnv } from './support/relay';
import { screenshotPages } from './support/screenshots';

let env: E2eEnv;

test.beforeAll(async () => {
  env = await startEnv();
});

test.afterAll(async () => {
  await env?.close();
});

test('without an account a test request shows its error code and the next step', async ({ page }) => {
  await page.goto(env.relay.uiLink);
  await page.getByRole('link', { name: 'Connect a client' }).click();
  const openai = page.getByRole('listitem', { name: 'OpenAI', exact: true });
  await openai.getByRole('button', { name: 'Send a test request' }).click();
  const error = openai.locator('[data-error-code]');
  await expect(error).toHaveAttribute('data-error-code', 'no_account');
  await expect(error).toContainText('Next step: Add another account');
});

test('snippets carry the real base URL and a fresh key, and each dialect answers a test request', async ({ page }) => {
  const account = env.sim.admin.createAccount({ name: 'tester' });
  await callApi(env.relay, 'accounts/import', { text: account.credential });
  await page.goto(env.relay.uiLink);
  await page.getByRole('link', { name: 'Connect a client' }).click();
  const curl = page.locator('[data-snippet="curl"]');
  await expect(curl).toContainText(`${env.relay.baseUrl}/v1/chat/completions`);
  await expect(curl).toContainText('sk-relay-placeholder');

  await page.getByRole('button', { name: 'Create a key for this client' }).click();
  const key = page.getByRole('region', { name: 'Base URL' }).getByLabel('A new key (shown once)', { exact: true });
  await expect(key).toBeVisible();
  const keyText = (await key.textContent()) ?? '';
  expect(keyText.length).toBeGreaterThan(10);
  await expect(curl).toContainText(keyText);
  await expect(page.locator('[data-snippet="claude-code"]')).toContainText(`ANTHROPIC_BASE_URL=${env.relay.baseUrl}`);

  for (const dialect of ['openai', 'anthropic', 'gemini'] as const) {
    const card = page.locator(`[data-dialect="${dialect}"]`);
    await card.getByRole('button', { name: 'Send a test request' }).click();
    await expect(card.getByTestId(`test-result-${dialect}`)).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await expect(card.locator('blockquote')).not.toBeEmpty();
  }
  await screenshotPages(page, 'connect', ['connect', 'dashboard']);
});
