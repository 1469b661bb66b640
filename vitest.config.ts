import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the example site once, before the tests that read dist/ (see test/setup/build.ts).
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
