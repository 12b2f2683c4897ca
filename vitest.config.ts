import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { getConfig } from '@lingui/conf';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/.output/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // The web app's Lingui macros become message lookups, as in its Vite build.
        plugins: [
          react({
            include: /lti-tool[\\/]src[\\/]web[\\/].*\.tsx?$/,
            babel: {
              plugins: [
                [
                  '@lingui/babel-plugin-lingui-macro',
                  { linguiConfig: getConfig({ configPath: 'lti-tool/lingui.config.ts' }) },
                ],
              ],
            },
          }),
          // The web app's `.po` catalogs, compiled as its build does (the server-side render loads them).
          lingui({ configPath: 'lti-tool/lingui.config.ts' }),
        ],
        test: {
          name: 'main',
          include: ['{shared,lti-tool,test}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
        },
      },
      // Where a PostgreSQL server is named (CI starts one), the integration tests run again on it.
      ...(process.env.TEST_POSTGRES_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/integration/**/*.test.ts'],
                env: { TEST_DATABASE: 'postgres' },
              },
            },
          ]
        : []),
      // The extension's unit tests need WXT's vitest plugin (fake `browser`), so they are their own project.
      './extension/vitest.config.ts',
      {
        // Real Chromium, one file at a time (each starts its own browser, tool and LMS); they skip
        // themselves where /usr/bin/chromium is missing. `npm test` builds what they load first.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
