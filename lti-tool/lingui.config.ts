/**
 * The web app's message catalogs: `npm run i18n:extract -w lti-tool` collects every message of
 * src/web into src/web/locales/<locale>.po; the Vite plugin compiles each catalog into its own chunk.
 */
import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es', 'fr', 'ar', 'zh'],
  fallbackLocales: { default: 'en' },
  catalogs: [{ path: '<rootDir>/src/web/locales/{locale}', include: ['<rootDir>/src/web'] }],
  format: formatter({ lineNumbers: false }),
  orderBy: 'message',
});
