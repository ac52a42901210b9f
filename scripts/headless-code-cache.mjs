// Writes the V8 code cache of the headless bundle (out/headless/relay.cjs.cache, or of the bundle
// named as the first argument), after `vite build -c vite.headless.config.ts`. The bundle is loaded
// (its top level runs; nothing listens) so the cache holds the functions compiled on the way, not
// only the outer script. The cache is only good for the Node/V8 that made it; another one rejects
// it and the bundle compiles from source.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { codeCachePath, HEADLESS_BUNDLE, loadHeadlessBundle, packCodeCache } from '../bin/load-headless.mjs';

const bundle = process.argv[2] ? resolve(process.argv[2]) : HEADLESS_BUNDLE;
const { script, bytes } = loadHeadlessBundle(bundle);
const data = script.createCachedData();
writeFileSync(codeCachePath(bundle), packCodeCache(bytes, data));
process.stdout.write(`headless code cache: ${(data.length / 1024).toFixed(0)} KiB for ${(bytes.length / 1024).toFixed(0)} KiB of bundle\n`);
