import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

interface BrowserFound {
  executablePath?: string;
  env?: Record<string, string>;
  source?: string;
  error?: string;
}

/**
 * The Chromium to drive, never Playwright's own download: CHROMIUM_PATH, else the system's, else the
 * build inside the @sparticuz/chromium npm package (E2E_BUNDLED_CHROMIUM=1 skips the system one).
 * scripts/ensure-browser.mjs does the (cached) unpacking; it runs in a child so this file stays sync.
 */
function findBrowser(): BrowserFound {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, 'scripts', 'ensure-browser.mjs')], { encoding: 'utf8' });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as BrowserFound;
  } catch {
    return { error: `scripts/ensure-browser.mjs printed no result: ${result.stderr}` };
  }
}

const browser = findBrowser();
if (browser.error) process.stderr.write(`No Chromium for the web e2e specs: ${browser.error}\n`);
else if (!process.env.TEST_WORKER_INDEX) process.stdout.write(`Web e2e browser: ${browser.executablePath} (${browser.source})\n`);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./e2e/support/skip-reasons-reporter.ts']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['desktop/**'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: browser.executablePath,
          ...(browser.env ? { env: { ...process.env, ...browser.env } } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    { name: 'desktop', testMatch: 'desktop/**/*.spec.ts' },
  ],
});
