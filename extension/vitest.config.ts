import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests of the extension, with WXT's fake `browser` (the root config runs this as a project). */
export default defineConfig({
  plugins: [WxtVitest({ root: import.meta.dirname })],
  test: {
    name: 'extension',
    root: import.meta.dirname,
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.output/**'],
    restoreMocks: true,
  },
});
