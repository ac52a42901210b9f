#!/usr/bin/env node
// Runs the built headless server (out/main/headless.js). From a source checkout without a build,
// `npm run serve` runs the same server through tsx.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = join(import.meta.dirname, '..', 'out', 'main', 'headless.js');
if (!existsSync(entry)) {
  process.stderr.write(
    'minimax-relay: the headless server is not built yet.\n' +
      '  Build it:            npm run build   (then run minimax-relay again)\n' +
      '  Or run from source:  npm run serve -- --help\n',
  );
  process.exit(1);
}

const { runHeadless } = await import(pathToFileURL(entry).href);
try {
  await runHeadless(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`minimax-relay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
