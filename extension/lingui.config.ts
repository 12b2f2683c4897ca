/**
 * The extension's message catalogs: `npm run i18n:extract -w extension` collects every message of
 * its pages and lib/ into locales/<locale>.po; WXT's Vite build compiles them (wxt.config.ts).
 * The manifest's own texts (name, description, shortcut) are in public/_locales, read by the browser.
 */
import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es', 'fr', 'ar', 'zh'],
  fallbackLocales: { default: 'en' },
  catalogs: [
    {
      path: '<rootDir>/locales/{locale}',
      include: ['<rootDir>/entrypoints', '<rootDir>/lib', '<rootDir>/ui', '<rootDir>/content'],
      exclude: ['**/*.test.*'],
    },
  ],
  format: formatter({ lineNumbers: false }),
  orderBy: 'message',
});
