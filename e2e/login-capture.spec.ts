/**
 * The one-click login's capture logic against a real browser and the simulator's login page: the
 * same CAPTURE_SCRIPT the desktop login window runs, evaluated in Chromium before and after
 * logging in, and its snapshots fed to extractCredentials().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createRelayCore } from '../src/main/core';
import { CAPTURE_SCRIPT, createLoginController, extractCredentials, isGuestClaims, toLoginUrl, toStorageSnapshot, type LoginSurface } from '../src/main/oauth';
import { silentLogger } from '../src/main/logs/types';
import { defaultSettings } from '../src/shared/domain/settings';
import { startSimulator, type Simulator } from '../tools/minimax-sim';
import { SESSION_COOKIE } from '../tools/minimax-sim/session-cookies';

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

test('the login sets HttpOnly session cookies that page script cannot read but the session jar holds', async ({ page, context }) => {
  await page.goto(loginUrl());
  await page.fill('#name', 'cookie-user');
  await page.click('#login');
  await expect(page.locator('#status')).toHaveText('logged in');
  expect(await page.evaluate('document.cookie')).toBe('');
  const jar = await context.cookies(sim.url);
  expect(jar.find((cookie) => cookie.name === SESSION_COOKIE)).toMatchObject({ httpOnly: true, value: expect.stringMatching(/^[0-9a-f]{40}$/) });
});

test('without user_detail_agent (the site since May 2026) the capture falls back to the JWT user id', async ({ page }) => {
  await page.goto(`${loginUrl()}?omitUserDetail=1`);
  await page.fill('#name', 'no-profile-user');
  await page.click('#login');
  await expect(page.locator('#status')).toHaveText('logged in');
  const realUserId = await page.locator('#status').getAttribute('data-real-user-id');
  const result = extractCredentials(toStorageSnapshot(await page.evaluate(CAPTURE_SCRIPT)));
  expect(result).toMatchObject({ status: 'captured', credential: { realUserId, realUserIdSource: 'jwt' } });
});

test('a guest session is rejected, not captured', async ({ page }) => {
  await page.goto(loginUrl());
  await page.click('#guest');
  await expect(page.locator('#status')).toHaveText('logged in');
  const snapshot = toStorageSnapshot(await page.evaluate(CAPTURE_SCRIPT));
  const result = extractCredentials(snapshot);
  expect(result).toMatchObject({ status: 'rejected', reason: 'guest_token' });
  // Guests carry user.isAnonymous, as the site's tokens do since May 2026, and are refused on that alone.
  const payload = JSON.parse(Buffer.from((snapshot.token ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as { user: { isAnonymous?: boolean }; email?: string };
  expect(payload.user.isAnonymous).toBe(true);
  const { email: _email, ...withoutEmail } = payload;
  expect(isGuestClaims(withoutEmail)).toBe(true);
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

/** The desktop's login surface, played by a fresh browser context (the in-memory partition). */
async function openPageSurface(browser: Browser): Promise<{ surface: LoginSurface; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const surface: LoginSurface = {
    load: async (url) => {
      await page.goto(url);
    },
    capture: () => page.evaluate(CAPTURE_SCRIPT),
    // The browser's jar, HttpOnly cookies included (what Electron's session.cookies.get returns).
    cookies: async (origin) => (await context.cookies(origin)).map(({ name, value }) => ({ name, value })),
    onClosed: (listener) => {
      page.on('close', listener);
    },
    isClosed: () => page.isClosed(),
    focus: () => void page.bringToFront(),
    dispose: () => context.close(),
  };
  return { surface, page };
}

test('the login controller adds the account through a real relay core, and "log in again" updates it in place', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-login-'));
  const pages: Page[] = [];
  let surfaceFor: LoginSurface | null = null;
  const core = await createRelayCore({ dataDir, host: 'desktop', env: { agentBaseUrl: sim.url, serverPort: 0 } });
  try {
    const imported: string[] = [];
    const services = {
      ...core.services,
      accounts: { ...core.services.accounts, import: (input: Parameters<typeof core.services.accounts.import>[0]) => (imported.push(input.text), core.services.accounts.import(input)) },
    };
    const controller = createLoginController({
      openSurface: () => {
        if (!surfaceFor) throw new Error('no surface prepared');
        const next = surfaceFor;
        surfaceFor = null;
        return next;
      },
      services,
      agentBaseUrl: sim.url,
      onProgress: () => {},
      logger: silentLogger,
      pollMs: 100,
    });
    const logInAs = async (name: string, id?: string) => {
      const { surface, page } = await openPageSurface(browser);
      pages.push(page);
      surfaceFor = surface;
      const done = controller.login(id ? { id } : {});
      await page.waitForSelector('#name');
      await page.fill('#name', name);
      await page.click('#login');
      return done;
    };

    const account = await logInAs('controller-user');
    expect(account).toMatchObject({ status: 'active', userName: 'controller-user' });
    expect(pages[0]?.isClosed()).toBe(true);
    // The HttpOnly session cookie went along with the token, read from the browser's jar.
    expect(JSON.parse(imported[0] ?? '{}')).toMatchObject({ token: expect.any(String), cookies: expect.stringMatching(new RegExp(`^${SESSION_COOKIE}=[0-9a-f]{40}$`)) });

    const again = await logInAs('controller-user', account.id);
    expect(again.id).toBe(account.id);
    const list = await core.services.accounts.list();
    expect(list.map((a) => a.id)).toEqual([account.id]);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
});
