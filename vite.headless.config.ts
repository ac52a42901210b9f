/**
 * The headless server as one CommonJS file with its dependencies inside (out/headless/relay.cjs),
 * loaded by bin/minimax-relay.mjs through V8's code cache (scripts/headless-code-cache.mjs writes
 * it after this build). One file skips the per-module resolve/read/compile of the ESM and CJS
 * loaders, which dominated the start-up profile.
 */
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  define: {
    // The bundle is CommonJS: the entry's own file is __filename. out/headless is two levels below
    // the project root, like src/main and out/main, so paths built from it stay right.
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(import.meta.dirname, 'src/main/headless.ts'),
    outDir: resolve(import.meta.dirname, 'out/headless'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'electron'],
      output: {
        format: 'cjs',
        entryFileNames: 'relay.cjs',
        codeSplitting: false,
        // ASCII only (non-ASCII escaped, doc comments dropped): the loader reads it as latin1 into
        // a one-byte string, which is faster to make and to scan than a decoded UTF-8 one.
        charset: 'ascii',
        comments: { legal: true, annotation: true, jsdoc: false },
      },
    },
  },
});
