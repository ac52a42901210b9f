#!/usr/bin/env node
// Finds the Chromium the web e2e specs drive, without Playwright's own browser download (which a
// machine that reaches only the npm registry cannot do). In order: CHROMIUM_PATH; the system's
// Chromium (unless E2E_BUNDLED_CHROMIUM=1); the build shipped inside the @sparticuz/chromium npm
// package, unpacked once into node_modules/.cache with the libraries it needs (NSS, expat).
// Prints one JSON line: { executablePath, env?, source } or { error }; env is what the bundled
// build needs set when it starts (its libraries, and a font config that adds its fonts to the
// system's, so CJK fonts installed on the machine are still used).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const packageDir = join(root, 'node_modules', '@sparticuz', 'chromium');

function bundledResult(cacheDir) {
  const libraryPath = [join(cacheDir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath: join(cacheDir, 'chromium'),
    env: { LD_LIBRARY_PATH: libraryPath, FONTCONFIG_FILE: join(cacheDir, 'fonts.conf') },
    source: 'npm',
  };
}

function fontConfig(cacheDir) {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${join(cacheDir, 'fonts')}</dir>`,
    `  <cachedir>${join(cacheDir, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

async function unpackBundled() {
  if (!existsSync(packageDir)) throw new Error('no system Chromium and @sparticuz/chromium is not installed (run npm ci)');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const cacheDir = join(root, 'node_modules', '.cache', `minimax-relay-chromium-${version}`);
  if (existsSync(join(cacheDir, 'fonts.conf'))) return bundledResult(cacheDir);
  // The package unpacks into os.tmpdir(); point that at a private folder and move it into place
  // whole, so a second run (or a parallel one) never sees a half-written binary.
  const staging = `${cacheDir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  process.env.TMPDIR = staging;
  const { inflate } = await import(pathToFileURL(join(packageDir, 'build', 'index.js')).href);
  const bin = join(packageDir, 'bin');
  for (const file of ['chromium.br', 'swiftshader.tar.br', 'al2023.tar.br', 'fonts.tar.br']) await inflate(join(bin, file));
  writeFileSync(join(staging, 'fonts.conf'), fontConfig(cacheDir));
  if (existsSync(cacheDir)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, cacheDir);
  return bundledResult(cacheDir);
}

async function resolveBrowser() {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  if (process.env.E2E_BUNDLED_CHROMIUM !== '1') {
    const system = SYSTEM_PATHS.find((path) => existsSync(path));
    if (system) return { executablePath: system, source: 'system' };
  }
  return unpackBundled();
}

try {
  process.stdout.write(`${JSON.stringify(await resolveBrowser())}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
}
