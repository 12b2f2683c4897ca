import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/.output/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['{shared,lti-tool,test}/**/*.test.{ts,tsx}'] },
      },
      // The extension's unit tests need WXT's vitest plugin (fake `browser`), so they are their own project.
      './extension/vitest.config.ts',
    ],
  },
});
