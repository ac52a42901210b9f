import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the fault matrix against the simulator and the kill -9 store test. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxConcurrency: 6,
  },
});
