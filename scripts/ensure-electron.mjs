#!/usr/bin/env node
// Makes sure the Electron runtime is present before `npm run desktop` starts the app. The project
// installs with ignore-scripts (see .npmrc), so the electron package's own download step never
// ran; this runs it (node_modules/electron/install.js) when the binary is missing, and explains
// what to do when it cannot.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The binary path the electron package would use, or why there is none (never downloads). */
function findBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { dir, reason: `${pathFile} is missing (the runtime was never downloaded)` };
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return { dir, reason: `${binary} is missing or not executable` };
  }
  return { dir, binary };
}

function fail(lines) {
  process.stderr.write(`\nCannot start the desktop app:\n${lines.map((line) => `  ${line}`).join('\n')}\n\n`);
  process.exit(1);
}

const found = findBinary();
if (found.binary) process.exit(0);
if (!found.dir) fail([`Electron: ${found.reason}.`]);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail([
    `The Electron runtime is not downloaded yet (${found.reason}),`,
    `and Electron's installer needs Node.js >= 22.12 (this is ${process.versions.node}).`,
    'Upgrade Node.js and run `npm run desktop` again, or use the headless server: `npm run serve`.',
  ]);
}

process.stdout.write(`Downloading the Electron runtime (${found.reason})…\n`);
const result = spawnSync(process.execPath, [join(found.dir, 'install.js')], { stdio: 'inherit' });
if (result.status !== 0 || !findBinary().binary) {
  fail([
    'Downloading the Electron runtime failed.',
    'It comes from github.com (or the mirror in ELECTRON_MIRROR); check the network or proxy settings,',
    'then run `npm run desktop` again. The headless server (`npm run serve`) needs no Electron.',
  ]);
}
