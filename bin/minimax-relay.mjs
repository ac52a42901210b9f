#!/usr/bin/env node
// Runs the built headless server: the one-file bundle out/headless/relay.cjs with its V8 code cache
// (see bin/load-headless.mjs). From a source checkout without a build, `npm run serve` runs the
// same server through tsx.
import { existsSync } from 'node:fs';
import { HEADLESS_BUNDLE, loadHeadlessBundle } from './load-headless.mjs';

function loadRunHeadless() {
  if (existsSync(HEADLESS_BUNDLE)) return loadHeadlessBundle(HEADLESS_BUNDLE).exports.runHeadless;
  process.stderr.write(
    'minimax-relay: the headless server is not built yet.\n' +
      '  Build it:            npm run build   (then run minimax-relay again)\n' +
      '  Or run from source:  npm run serve -- --help\n',
  );
  process.exit(1);
}

const runHeadless = loadRunHeadless();
try {
  await runHeadless(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`minimax-relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
