import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from './relay';

export const SCREENSHOT_DIR = join(ROOT, 'e2e-artifacts', 'screenshots');
export const PAGE_IDS = ['dashboard', 'accounts', 'models', 'logs', 'settings', 'connect'] as const;

/** Writes `<name>.png` of the page as it is now. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Switches the theme the way the app does (data-theme on <html>) without touching stored settings. */
export async function forceTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(`document.documentElement.setAttribute('data-theme', ${JSON.stringify(theme)})`);
}

/** Writes `<prefix>-<page>-<theme>.png` for each page in light and dark. */
export async function screenshotPages(page: Page, prefix: string, pages: readonly string[] = PAGE_IDS): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The smallest window the layout promises to fit.
  await page.setViewportSize({ width: 1024, height: 700 });
  for (const id of pages) {
    await page.goto(`${new URL(page.url()).origin}/ui/#/${id}`);
    await page.locator(`a[data-page="${id}"][aria-current="page"]`).waitFor();
    // Not 'networkidle': the event stream stays open for as long as the page lives.
    await page.locator('main .page').waitFor();
    await page.getByText(/Loading…|加载中…/).waitFor({ state: 'detached' });
    for (const theme of ['light', 'dark'] as const) {
      await forceTheme(page, theme);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-${id}-${theme}.png`), fullPage: false });
    }
  }
}
