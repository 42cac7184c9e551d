import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'seed/**/*.test.ts', 'client/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time: the responsiveness test measures latency, and a browser test beside it on
    // two cores would measure the machine instead.
    fileParallelism: false,
    globalSetup: ['test/support/build-client.ts'],
  },
});
