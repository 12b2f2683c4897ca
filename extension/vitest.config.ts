import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { getConfig } from '@lingui/conf';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const linguiConfig = getConfig({ configPath: `${import.meta.dirname}/lingui.config.ts` });

/**
 * Unit tests of the extension, with WXT's fake `browser` (the root config runs this as a project),
 * and Lingui's macros and catalogs as in the build (wxt.config.ts).
 */
export default defineConfig({
  plugins: [
    WxtVitest({ root: import.meta.dirname }),
    react({ babel: { plugins: [['@lingui/babel-plugin-lingui-macro', { linguiConfig }]] } }),
    lingui({ configPath: linguiConfig.resolvedConfigPath }),
  ],
  test: {
    name: 'extension',
    root: import.meta.dirname,
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.output/**'],
    restoreMocks: true,
    setupFiles: ['./vitest.setup.ts'],
  },
});
