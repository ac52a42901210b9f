/**
 * The UI as a user meets it, in English and in Chinese: every page rendered with data, screenshots
 * of each, no English left on a Chinese page, the logs readable at 900 px and 800 px, and status
 * that follows the clock.
 */
import { expect, test, type Page } from '@playwright/test';
import OpenAI from 'openai';
import { callApi, startEnv, type E2eEnv } from './support/relay';
import { PAGE_IDS, shot } from './support/screenshots';

let env: E2eEnv;

test.beforeAll(async () => {
  env = await startEnv();
  const alice = env.sim.admin.createAccount({ name: 'alice', credits: 120 });
  const bob = env.sim.admin.createAccount({ name: 'bob' });
  await callApi(env.relay, 'accounts/import', { text: `${alice.credential}\n${bob.credential}` });
  const client = new OpenAI({ baseURL: `${env.relay.baseUrl}/v1`, apiKey: 'unused-on-loopback' });
  for (const content of ['first', 'second']) await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content }] });
});

test.afterAll(async () => {
  await env?.close();
});

async function openPage(page: Page, id: string): Promise<void> {
  await page.goto(`${env.relay.baseUrl}/ui/#/${id}`);
  await page.locator(`a[data-page="${id}"][aria-current="page"]`).waitFor();
  await page.locator('main .page').waitFor();
  await page.getByText(/Loading…|加载中…/).waitFor({ state: 'detached' });
}

/**
 * Latin words in the visible text outside code, inputs and proper names: on a Chinese page these
 * are strings that skipped the locale files.
 */
const ALLOWED = /^(MiniMax|Relay|OpenAI|Responses|Anthropic|Gemini|Claude|Code|Cherry|Studio|LobeChat|ChatBox|Cline|SDK|SDKs|API|URL|JSON|JSONL|HTTP|HTTPS|Token|Tokens|Cookie|Cookies|Console|Application|Local|Storage|Web|UI|ID|Agent|Open|Platform|Mac|Cmd|Option|Enter|Bearer|Base|gpt|realUserID|token|user_detail_agent|alice|bob|curl|Python|Node|js|env|Ctrl|Shift|Tab|F12|GitHub|Chrome|Edge|Firefox|Safari|CLI|cli|Speak|Retry-After|POST|GET|ms|s|am|pm|openai|anthropic|gemini|gemini-cli|TypeScript|JavaScript)$/;

async function englishLeftovers(page: Page): Promise<string[]> {
  // A string, not a function: the e2e files are typed without the DOM library.
  const text = String(
    await page.evaluate(`(() => {
      const parts = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('svg, code, pre, textarea, select, option, [data-raw]') || parent.offsetParent === null) continue;
        parts.push(node.textContent || '');
      }
      return parts.join(' ');
    })()`),
  );
  // Upstream detail ("Details: …", "MiniMax 返回：…"), model ids and masked ids are data, not UI text.
  const words = text
    .replace(/详情：[^\n]*/g, ' ')
    .replace(/MiniMax 返回：[^\n]*/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S*\*\S*/g, ' ')
    .replace(/--[\w-]+/g, ' ')
    .replace(/[\w.-]*\d[\w.-]*/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\w*_\w+/g, ' ')
    .replace(/[\w.-]+\.(com|io|ai)\b/g, ' ')
    .replace(/[\w.-]+\/[\w.:/-]+/g, ' ')
    .match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED.test(word) && !/^MiniMax-/.test(word)))];
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`every page with data, screenshots in ${language}`, async ({ page }) => {
    await callApi(env.relay, 'settings/update', { ui: { language } });
    await page.goto(env.relay.uiLink);
    await expect(page.getByRole('navigation')).toBeVisible();
    for (const id of PAGE_IDS) {
      await openPage(page, id);
      await shot(page, `product-${language.toLowerCase()}-${id}`);
      if (language === 'zh-CN') expect(await englishLeftovers(page), `English on the ${id} page`).toEqual([]);
    }
  });
}

test('the logs keep their columns readable at the 900 px window minimum and at 800 px', async ({ page }) => {
  await callApi(env.relay, 'settings/update', { ui: { language: 'en' } });
  await page.goto(env.relay.uiLink);
  for (const width of [900, 800]) {
    await page.setViewportSize({ width, height: 700 });
    await openPage(page, 'logs');
    const head = page.locator('.log-head');
    await expect(head).toContainText('Date and time');
    await expect(head).toContainText('Attempts');
    const row = page.locator('[role="option"]').first();
    await expect(row).toContainText('1 attempt');
    // A full date and time in the first cell, not cut off.
    const time = row.locator('.log-time');
    await expect(time).toHaveText(/\d{2}\/\d{2},? \d{2}:\d{2}:\d{2}/);
    expect(await time.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Nothing on the page scrolls sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true);
    await row.click();
    await expect(page.locator('.logs-detail-pane .attempt')).toHaveCount(1);
    await shot(page, `logs-${width}px`);
  }
});

test('the model picker fills every snippet, and Claude Code gets all its model variables', async ({ page }) => {
  await callApi(env.relay, 'settings/update', { ui: { language: 'en' } });
  await page.goto(env.relay.uiLink);
  await openPage(page, 'connect');
  await page.getByTestId('snippet-model').selectOption('MiniMax-M2.5-Think');
  const claude = page.locator('[data-snippet="claude-code"]');
  for (const name of ['ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL']) {
    await expect(claude).toContainText(`${name}=MiniMax-M2.5-Think`);
  }
  for (const id of ['cherry', 'gemini-cli', 'openai-sdk', 'anthropic-sdk', 'curl']) await expect(page.locator(`[data-snippet="${id}"]`)).toContainText('MiniMax-M2.5-Think');
  // Long lines wrap inside the card instead of running past its edge.
  const pre = page.locator('[data-snippet="curl"] pre');
  expect(await pre.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await shot(page, 'connect-model-picker');
});

test('in Chinese, the failover reason and the model explanation are Chinese too', async ({ page }) => {
  await callApi(env.relay, 'settings/update', { ui: { language: 'zh-CN' } });
  await page.goto(env.relay.uiLink);
  await openPage(page, 'logs');
  await page.locator('[data-log-id]').first().click();
  const reason = page.getByTestId('log-detail').locator('.attempt-reason').first();
  await expect(reason).toContainText('原因：最空闲');
  expect(await englishLeftovers(page), 'English in the log detail').toEqual([]);

  await openPage(page, 'models');
  await page.getByRole('textbox', { name: '试一个模型名' }).fill('gpt-4o');
  const result = page.getByTestId('explain-result');
  await expect(result).toContainText('gpt-4o 是未知名称，使用默认模型 → ');
  await expect(result).toContainText('深度思考');
  expect(await englishLeftovers(page), 'English in the model explanation').toEqual([]);
  await shot(page, 'product-zh-cn-models-explain');
  await callApi(env.relay, 'settings/update', { ui: { language: 'en' } });
});
