/**
 * The Logs page with 100,000 entries in Debian's Chromium (the launch args of playwright.config.ts):
 * time from navigation until the virtualized list shows them (fetch + parse + render), time to
 * mount the list again from the cache (page switch), and frame times while scrolling through it
 * (median / p95 of requestAnimationFrame intervals; 16.7 ms = 60 fps).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type LaunchOptions, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { percentile } from './delivery-lag.bench';
import { generateEntries, startFakeRelay } from './log-view/fake-relay';
import type { BenchResult } from './run';

const ENTRIES = 100_000;
const SCROLL_FRAMES = 300;
const REMOUNTS = 5;
/** About three rows per frame: a brisk mouse-wheel scroll. */
const WHEEL_STEP_PX = 100;
const ROOT = join(import.meta.dirname, '..');
const RENDERER = join(ROOT, 'out', 'renderer');

function launchOptions(): LaunchOptions {
  const project = playwrightConfig.projects?.find((p) => p.name === 'chromium');
  return { ...project?.use?.launchOptions, headless: true };
}

function ensureRenderer(): void {
  if (existsSync(join(RENDERER, 'index.html'))) return;
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the renderer build failed');
}

// Page scripts are strings: this file compiles without the DOM library.
const REMOUNT_SCRIPT = `new Promise((resolve) => {
  location.hash = '#/dashboard';
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const started = performance.now();
    location.hash = '#/logs';
    const check = () => document.querySelector('[role="option"]') ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(check);
    check();
  }));
})`;

/** `step` px per frame, or 0 to cross the whole list in `frames` frames (dragging the scrollbar). */
const SCROLL_SCRIPT = (frames: number, stepPx: number) => `new Promise((resolve) => {
  const list = document.querySelector('[data-testid="log-list"]');
  const step = ${stepPx} || Math.max(1, Math.floor((list.scrollHeight - list.clientHeight) / ${frames}));
  const times = [];
  let last = null;
  const tick = (now) => {
    if (last !== null) times.push(now - last);
    last = now;
    if (times.length >= ${frames}) return resolve(times);
    list.scrollTop += step;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

const IDLE_SCRIPT = (frames: number) => `new Promise((resolve) => {
  const times = [];
  let last = null;
  const tick = (now) => {
    if (last !== null) times.push(now - last);
    last = now;
    if (times.length >= ${frames}) return resolve(times);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

async function waitForList(page: Page): Promise<void> {
  await page.getByTestId('log-count').filter({ hasText: `${ENTRIES} of ${ENTRIES}` }).waitFor({ timeout: 120_000 });
  await page.locator('[role="option"]').first().waitFor();
}

export async function run(): Promise<BenchResult[]> {
  ensureRenderer();
  const relay = await startFakeRelay(RENDERER, generateEntries(ENTRIES));
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    const started = performance.now();
    await page.goto(`${relay.url}/ui/#/logs`);
    await waitForList(page);
    const firstRender = performance.now() - started;

    const remounts: number[] = [];
    for (let i = 0; i < REMOUNTS; i += 1) remounts.push((await page.evaluate(REMOUNT_SCRIPT)) as number);
    await page.locator('[role="option"]').first().waitFor();
    // The same page at rest: on a loaded machine this is the floor the scroll figures sit on.
    const idle = (await page.evaluate(IDLE_SCRIPT(120))) as number[];
    const wheel = (await page.evaluate(SCROLL_SCRIPT(SCROLL_FRAMES, WHEEL_STEP_PX))) as number[];
    const drag = (await page.evaluate(SCROLL_SCRIPT(SCROLL_FRAMES, 0))) as number[];
    const rendered = await page.locator('[role="option"]').count();
    // Frame times depend on what else the machine runs; the figure is printed beside them.
    const load = loadavg()[0]?.toFixed(1) ?? '?';

    const group = 'log-view';
    return [
      { group, name: 'load and render 100k entries', value: Math.round(firstRender), unit: 'ms', note: 'navigation → rows visible, incl. fetch and JSON parse' },
      { group, name: 'mount list from cache (median)', value: percentile(remounts, 50), unit: 'ms', target: '≤ 100' },
      { group, name: 'idle frame time median', value: percentile(idle, 50), unit: 'ms', note: `page at rest; load average ${load}` },
      { group, name: 'wheel scroll frame time median', value: percentile(wheel, 50), unit: 'ms', target: '≤ 17', note: `${WHEEL_STEP_PX} px per frame` },
      { group, name: 'wheel scroll frame time p95', value: percentile(wheel, 95), unit: 'ms', target: '≤ 33' },
      { group, name: 'drag scroll frame time median', value: percentile(drag, 50), unit: 'ms', note: 'whole list in 300 frames (new rows every frame)' },
      { group, name: 'drag scroll frame time p95', value: percentile(drag, 95), unit: 'ms' },
      { group, name: 'rows in the DOM', value: rendered, unit: 'rows', note: `of ${ENTRIES} (virtualized)` },
    ];
  } finally {
    await browser.close();
    await relay.close();
  }
}
