// Writes the V8 code cache of the headless bundle (out/headless/relay.cjs.cache), after
// `vite build -c vite.headless.config.ts`. The bundle is loaded (its top level runs; nothing
// listens) so the cache holds the functions compiled on the way, not only the outer script.
import { writeFileSync } from 'node:fs';
import { codeCachePath, HEADLESS_BUNDLE, loadHeadlessBundle, packCodeCache } from '../bin/load-headless.mjs';

const { script, bytes } = loadHeadlessBundle(HEADLESS_BUNDLE);
const data = script.createCachedData();
writeFileSync(codeCachePath(HEADLESS_BUNDLE), packCodeCache(bytes, data));
process.stdout.write(`headless code cache: ${(data.length / 1024).toFixed(0)} KiB for ${(bytes.length / 1024).toFixed(0)} KiB of bundle\n`);
