import { defineConfig } from 'vitest/config';

/** `npm run test:fuzz`: generated malformed requests to every endpoint; --expose-gc for the memory check. */
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    execArgv: ['--expose-gc'],
  },
});
