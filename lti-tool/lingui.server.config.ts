/**
 * The server's message catalogs (exports, calendar events, its own pages, refusals):
 * `npm run i18n:extract -w lti-tool` collects every `i18n._({ id, message })` of the server into
 * src/locales/<locale>.po, which the server reads and compiles once at start (src/i18n/server.ts).
 * The ids are explicit (`export.goals`): without the macro, the id is what the code names.
 */
import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es', 'fr', 'ar', 'zh'],
  fallbackLocales: { default: 'en' },
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}',
      include: [
        '<rootDir>/src/i18n',
        '<rootDir>/src/services',
        '<rootDir>/src/lti',
        '<rootDir>/src/http',
        '<rootDir>/src/mail',
        '<rootDir>/src/server.ts',
      ],
    },
  ],
  format: formatter({ lineNumbers: false }),
  orderBy: 'messageId',
});
