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

test('adds an account by token and shows it validated with its credits', async ({ page }) => {
  const account = env.sim.admin.createAccount({ name: 'alice', credits: 137 });
  await page.goto(env.relay.uiLink);
  await expect(page).not.toHaveURL(/token=/);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel(/Token, realUserID\+token/).fill(account.credential);
  await page.getByRole('region', { name: 'Add accounts' }).getByRole('button', { name: 'Add and validate' }).click();
  await expect(page.getByTestId('import-results')).toContainText('1 added, 0 updated, 0 failed');
  const card = page.locator('li.account').filter({ hasText: 'alice' });
  await expect(card).toBeVisible();
  await expect(card.locator('.badge').first()).toHaveText('Active');
  await expect(card.getByTestId('credits')).toContainText('137 credits');
});

test('imports a list with one bad line and reports each line', async ({ page }) => {
  const bob = env.sim.admin.createAccount({ name: 'bob' });
  const carol = env.sim.admin.createAccount({ name: 'carol' });
  await page.goto(env.relay.uiLink);
  await page.goto(page.url().replace(/#.*$/, '#/accounts'));
  await page.getByLabel(/Token, realUserID\+token/).fill(`${bob.credential}\nthis-is-not-a-token-9876\n${carol.credential}`);
  await page.getByRole('region', { name: 'Add accounts' }).getByRole('button', { name: 'Add and validate' }).click();
  const results = page.getByTestId('import-results');
  await expect(results).toContainText('2 added, 0 updated, 1 failed');
  const bad = results.locator('li[data-ok="false"]');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('Line 2');
  await expect(bad).toContainText('invalid_credential');
  // Named by its masked input like the good lines, never by a running number or the text itself.
  await expect(bad.locator('code').first()).toHaveText('this…9876');
  await expect(bad).not.toContainText('entry');
  await expect(page.locator('li.account').filter({ hasText: 'carol' })).toBeVisible();
});

test('an expired account shows "Log in again" and explains how to renew it on the web', async ({ page }) => {
  const dave = env.sim.admin.createAccount({ name: 'dave' });
  await page.goto(env.relay.uiLink);
  await page.goto(page.url().replace(/#.*$/, '#/accounts'));
  await page.getByLabel(/Token, realUserID\+token/).fill(dave.credential);
  await page.getByRole('region', { name: 'Add accounts' }).getByRole('button', { name: 'Add and validate' }).click();
  const card = page.locator('li.account').filter({ hasText: 'dave' });
  await expect(card.locator('.badge').first()).toHaveText('Active');
  env.sim.admin.expireToken(dave.realUserId);
  await card.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(card.locator('.badge').first()).toHaveText('Expired');
  await card.getByRole('button', { name: 'Log in again' }).click();
  await expect(card.getByRole('note')).toContainText('paste it above');
  await screenshotPages(page, 'accounts');
});
