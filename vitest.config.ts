import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,lti-tool,extension,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.output/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
