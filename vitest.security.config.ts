import { defineConfig } from 'vitest/config';

/** `npm run test:security`: bind, Host, CORS, keys, query-string keys, secrets in logs and at rest. */
export default defineConfig({
  test: {
    include: ['test/security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
