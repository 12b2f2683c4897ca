import { defineConfig } from 'vitest/config';

/** End-to-end tests in real Chromium with the test build (`npm run build:e2e -w extension` first). */
export default defineConfig({
  test: {
    name: 'extension-e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
