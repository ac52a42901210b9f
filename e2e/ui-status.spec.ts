/**
 * Account status as the clock moves, the credential guide of each region, and upstream reasons in
 * the UI language: a Cloudflare block cools an account down, the Accounts page, the Dashboard and
 * the Logs say why in Chinese, and moving the page's clock past the cool-down shows the account
 * usable again without a reload. Both languages, screenshots into e2e-artifacts/.
 */
import { expect, test, type Page } from '@playwright/test';
import OpenAI from 'openai';
import { callApi, startEnv, type E2eEnv } from './support/relay';
import { shot } from './support/screenshots';

const COOLDOWN_MS = 10 * 60_000;
let env: E2eEnv;

test.beforeAll(async () => {
  env = await startEnv();
  const carol = env.sim.admin.createAccount({ name: 'carol' });
  await callApi(env.relay, 'accounts/import', { text: carol.credential });
  await callApi(env.relay, 'settings/update', { pool: { cooldownMs: COOLDOWN_MS } });
  // Cloudflare's bot check answers the send: the relay cools the account down and records why.
  env.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'html403', realUserId: carol.realUserId, count: 20 });
  const client = new OpenAI({ baseURL: `${env.relay.baseUrl}/v1`, apiKey: 'unused-on-loopback', maxRetries: 0 });
  await expect(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] })).rejects.toThrow();
  const accounts = await callApi<{ status: string; statusReasonCode?: string | null }[]>(env.relay, 'accounts/list');
  expect(accounts[0]).toMatchObject({ status: 'cooling', statusReasonCode: 'agent_cloudflare' });
});

test.afterAll(async () => {
  await env?.close();
});

/** Moves between pages the way a user does (the hash link), so nothing reloads. */
async function goTo(page: Page, id: string): Promise<void> {
  await page.locator(`a[data-page="${id}"]`).click();
  await page.locator(`a[data-page="${id}"][aria-current="page"]`).waitFor();
  await page.locator('main .page').waitFor();
}

const TEXT = {
  en: {
    cooling: 'Resting after an upstream error',
    reason: "MiniMax's Cloudflare bot check blocked the request (HTTP 403)",
    over: 'The cool-down has ended',
    active: 'Active',
    copied: 'Copied',
    guide: 'How to get a credential from',
    region: 'Region',
    attemptError: 'error',
  },
  'zh-CN': {
    cooling: '上游出错后正在冷却',
    reason: 'MiniMax 的 Cloudflare 人机验证拦截了请求（HTTP 403）',
    over: '冷却已结束',
    active: '可用',
    copied: '已复制',
    guide: '如何从',
    region: '区域',
    attemptError: '错误',
  },
} as const;

for (const language of ['en', 'zh-CN'] as const) {
  const text = TEXT[language];
  const tag = language.toLowerCase();

  test(`a cool-down ends on the Accounts page and the Dashboard as the clock passes it, with the reason translated (${language})`, async ({ page }) => {
    await callApi(env.relay, 'settings/update', { ui: { language } });
    await page.clock.install({ time: Date.now() });
    await page.goto(env.relay.uiLink);
    await goTo(page, 'accounts');
    const card = page.locator('li.account').filter({ hasText: 'carol' });
    await expect(card).toHaveAttribute('data-status', 'cooling');
    await expect(card.getByTestId('status-why')).toContainText(text.cooling);
    const detail = card.locator('[data-reason-code="agent_cloudflare"]');
    await expect(detail).toContainText(text.reason);
    if (language === 'zh-CN') await expect(detail).not.toContainText('bot check');
    await card.scrollIntoViewIfNeeded();
    await shot(page, `status-${tag}-accounts-cooling`);

    await goTo(page, 'dashboard');
    await expect(page.getByTestId('pool-waits')).toBeVisible();
    // The failed request counts under its provider, so the split matches today's total.
    const web = page.locator('tr[data-provider="minimax-agent"] td');
    await expect(web.nth(1)).toHaveText('1');
    await expect(web.nth(2)).toHaveText('1');
    const recent = page.locator('.recent-errors [data-reason-code="agent_cloudflare"]').first();
    await expect(recent).toContainText(text.reason);
    await shot(page, `status-${tag}-dashboard-cooling`);

    // Past the cool-down by the page's clock: no reload, no new data from the relay.
    await page.clock.fastForward(COOLDOWN_MS + 60_000);
    await expect(page.getByTestId('pool-waits')).toHaveCount(0);
    await expect(page.getByTestId('pool-health')).toContainText(text.active);
    await shot(page, `status-${tag}-dashboard-over`);
    await goTo(page, 'accounts');
    await expect(card).toHaveAttribute('data-status', 'active');
    await expect(card.getByTestId('status-why')).toContainText(text.over);
    await card.scrollIntoViewIfNeeded();
    await shot(page, `status-${tag}-accounts-over`);
  });

  test(`the Logs say why the attempt failed in the UI language (${language})`, async ({ page }) => {
    await callApi(env.relay, 'settings/update', { ui: { language } });
    await page.goto(env.relay.uiLink);
    await goTo(page, 'logs');
    await page.locator('[data-log-id]').first().click();
    const attempt = page.getByTestId('log-detail').locator('.attempt-error').first();
    await expect(attempt.locator('[data-reason-code="agent_cloudflare"]')).toContainText(text.reason);
    // Its only account failed and no other was tried: the attempt says error, not "failed over".
    await expect(page.getByTestId('log-detail').locator('.attempt .badge')).toHaveText(text.attemptError);
    await shot(page, `status-${tag}-logs-reason`);
  });

  test(`the credential guide names each region's site, its steps and a console line to copy (${language})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await callApi(env.relay, 'settings/update', { ui: { language } });
    await page.goto(env.relay.uiLink);
    await goTo(page, 'accounts');
    const guide = page.getByTestId('credential-guide');
    // Closed while there are accounts; a click opens it.
    await guide.locator('summary').click();
    for (const [region, site] of [
      ['intl', 'https://agent.minimax.io'],
      ['cn', 'https://agent.minimaxi.com'],
    ] as const) {
      await page.getByRole('region', { name: language === 'en' ? 'Add accounts' : '添加账号' }).getByLabel(text.region).selectOption(region);
      await expect(guide.locator('summary')).toContainText(`${text.guide} ${site}`);
      await expect(guide.locator('ol.steps > li')).toHaveCount(4);
      await expect(guide.getByRole('link', { name: site })).toHaveAttribute('href', site);
      await shot(page, `guide-${tag}-${region}`);
    }
    const snippet = (await guide.locator('.snippet-line code').textContent()) ?? '';
    expect(snippet).toContain("localStorage.getItem('_token')");
    expect(snippet).toContain('copy(JSON.stringify(');
    const copy = guide.locator('.snippet-line button');
    await copy.click();
    await expect(copy).toHaveText(text.copied);
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(snippet);
  });
}
