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

/** One line on stderr: what failed, why and what to do (several lines read as a stack trace). */
function fail(reason) {
  const what = process.argv.includes('--dist') ? 'Cannot package the desktop app' : 'Cannot start the desktop app';
  process.stderr.write(`${what}: ${reason}\n`);
  process.exit(1);
}

// `--dist`: npm run dist, whose electron-builder downloads Electron and its packaging tools itself.
const forDist = process.argv.includes('--dist');
const command = forDist ? 'npm run dist' : 'npm run desktop';
const [major, minor] = process.versions.node.split('.').map(Number);
const oldNode = major < 22 || (major === 22 && minor < 12);

const found = findBinary();
if (found.binary && !(forDist && oldNode)) process.exit(0);
if (!found.dir) fail(`${found.reason}.`);

if (oldNode) {
  const need = forDist ? 'packaging downloads Electron, which' : 'the Electron runtime is not downloaded yet and its installer';
  fail(`${need} needs Node.js >= 22.12 (this is ${process.versions.node}); upgrade Node.js and run \`${command}\` again, or use \`npm run serve\` (no Electron).`);
}
if (found.binary) process.exit(0);

process.stdout.write(`Downloading the Electron runtime (${found.reason})…\n`);
// Output is kept, not shown: offline, the installer prints a stack trace that says less than one line.
const result = spawnSync(process.execPath, [join(found.dir, 'install.js')], { encoding: 'utf8' });
if (result.status !== 0 || !findBinary().binary) {
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|socket hang up/.test(output);
  const cause = output.split('\n').find((line) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT/.test(line))?.trim() ?? `exit code ${result.status}`;
  const why = offline ? 'no connection to github.com (or the mirror in ELECTRON_MIRROR)' : cause;
  fail(`downloading the Electron runtime failed (${why}); check the network or proxy and run \`${command}\` again, or use \`npm run serve\` (no Electron).`);
}
