#!/usr/bin/env node
// Rasterises resources/icon.svg and resources/tray.svg into the PNGs the app and the installers
// use (run after editing an SVG: `node resources/render-icons.mjs`; the PNGs are committed).
// Uses Playwright's Chromium (CHROMIUM_PATH or /usr/bin/chromium when present).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const dir = import.meta.dirname;
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const outputs = [
  { svg: 'icon.svg', size: 1024, file: 'icon.png' },
  ...[16, 32, 48, 64, 128, 256, 512].map((size) => ({ svg: 'icon.svg', size, file: join('icons', `${size}x${size}.png`) })),
  { svg: 'tray.svg', size: 32, file: 'tray.png' },
  { svg: 'tray.svg', size: 64, file: 'tray@2x.png' },
];

mkdirSync(join(dir, 'icons'), { recursive: true });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { svg, size, file } of outputs) {
    const markup = readFileSync(join(dir, svg), 'utf8').replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    await page.screenshot({ path: join(dir, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    process.stdout.write(`${file} (${size}x${size})\n`);
  }
} finally {
  await browser.close();
}
