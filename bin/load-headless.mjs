// Loads the one-file headless bundle (out/headless/relay.cjs) as CommonJS through a vm.Script that
// uses the V8 code cache written beside it at build time (scripts/headless-code-cache.mjs), so
// start-up skips compiling the bundle. A cache that does not belong to these bytes (stale, corrupt,
// another Node/V8) is ignored and the bundle compiles from source as usual.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

export const HEADLESS_BUNDLE = join(import.meta.dirname, '..', 'out', 'headless', 'relay.cjs');

/** The code cache file of a bundle: sha256(bundle) ‖ sha256(data) ‖ data. */
export function codeCachePath(bundle) {
  return `${bundle}.cache`;
}

const HASH_BYTES = 32;

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest();
}

/** The V8 code cache stored for exactly these bundle bytes, or undefined. */
function readCodeCache(file, bundleBytes) {
  let stored;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  if (stored.length <= HASH_BYTES * 2) return undefined;
  const data = stored.subarray(HASH_BYTES * 2);
  if (!stored.subarray(0, HASH_BYTES).equals(sha256(bundleBytes))) return undefined;
  if (!stored.subarray(HASH_BYTES, HASH_BYTES * 2).equals(sha256(data))) return undefined;
  return data;
}

/** Packs V8 cache data for the bundle bytes it was made from. */
export function packCodeCache(bundleBytes, data) {
  return Buffer.concat([sha256(bundleBytes), sha256(data), data]);
}

/**
 * Compiles and runs the bundle; returns its exports, the compiled script (to make a cache from)
 * and how the cache went: 'used', 'rejected' (V8 refused it) or 'none' (missing, stale or corrupt).
 */
export function loadHeadlessBundle(bundle = HEADLESS_BUNDLE) {
  const bytes = readFileSync(bundle);
  const cachedData = readCodeCache(codeCachePath(bundle), bytes);
  // The bundle is built ASCII-only (charset: 'ascii'): latin1 then makes a one-byte string without a UTF-8 decode.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const cache = cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none';
  return { exports: module.exports, script, bytes, cache };
}
