/**
 * The one-click login's capture logic against a real browser and the simulator's login page: the
 * same CAPTURE_SCRIPT the desktop login window runs, evaluated in Chromium before and after
 * logging in, and its snapshots fed to extractCredentials().
 */
import { expect, test } from '@playwright/test';
import { CAPTURE_SCRIPT, extractCredentials, toLoginUrl, toStorageSnapshot } from '../src/main/oauth';
import { defaultSettings } from '../src/shared/domain/settings';
import { startSimulator, type Simulator } from '../tools/minimax-sim';

let sim: Simulator;

test.beforeAll(async () => {
  sim = await startSimulator();
});

test.afterAll(async () => {
  await sim?.close();
});

function loginUrl(): string {
  // The login URL follows the region's base URL setting; here it points at the simulator.
  return toLoginUrl({ ...defaultSettings().upstream, cnBaseUrl: sim.url }, 'cn');
}

test('capture is pending before login and yields the credential after', async ({ page }) => {
  await page.goto(loginUrl());
  const before = extractCredentials(toStorageSnapshot(await page.evaluate(CAPTURE_SCRIPT)));
  expect(before).toEqual({ status: 'pending', reason: 'no_token' });

  await page.fill('#name', 'capture-user');
  await page.click('#login');
  await expect(page.locator('#status')).toHaveText('logged in');
  const realUserId = await page.locator('#status').getAttribute('data-real-user-id');
  expect(realUserId).toMatch(/^\d+$/);

  const after = extractCredentials(toStorageSnapshot(await page.evaluate(CAPTURE_SCRIPT)));
  expect(after.status).toBe('captured');
  if (after.status !== 'captured') return;
  expect(after.credential).toMatchObject({ realUserId, realUserIdSource: 'user_detail', userName: 'capture-user' });
  expect(after.credential.token.split('.')).toHaveLength(3);
  expect(after.credential.tokenExpiresAt).toBeGreaterThan(Date.now());
});

test('a guest session is rejected, not captured', async ({ page }) => {
  await page.goto(loginUrl());
  await page.click('#guest');
  await expect(page.locator('#status')).toHaveText('logged in');
  const result = extractCredentials(toStorageSnapshot(await page.evaluate(CAPTURE_SCRIPT)));
  expect(result).toMatchObject({ status: 'rejected', reason: 'guest_token' });
});

test('the {"value": jwt} wrapper and a missing profile still capture, with the JWT user id', async ({ page }) => {
  await page.goto(loginUrl());
  await page.fill('#name', 'wrapped-user');
  await page.click('#login');
  await expect(page.locator('#status')).toHaveText('logged in');
  const realUserId = await page.locator('#status').getAttribute('data-real-user-id');
  // As a string: the e2e specs are type-checked without DOM types.
  await page.evaluate(`(() => {
    const token = localStorage.getItem('_token') ?? '';
    localStorage.setItem('_token', JSON.stringify({ value: token }));
    localStorage.removeItem('user_detail_agent');
  })()`);
  const result = extractCredentials(toStorageSnapshot(await page.evaluate(CAPTURE_SCRIPT)));
  expect(result).toMatchObject({ status: 'captured', credential: { realUserIdSource: 'jwt' } });
  if (result.status === 'captured') expect(result.credential.realUserId).toBe(realUserId);
});
