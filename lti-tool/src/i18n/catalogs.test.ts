/**
 * Every language has every message of the server's catalogs (exports, calendar events, pages,
 * refusals), each a valid ICU message with the English source's arguments and select keys, every
 * plural form the language needs (Arabic's one, two, few, many) and no count written bare
 * (`{count} clips`, not a plural): a missing or broken translation fails here instead of showing
 * English, a blank or a wrong form to someone reading Arabic.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import {
  messageShape,
  missingPluralForms,
  PLURAL_FORMS,
  rawCounts,
  type MessageToken,
} from '@mentoring/shared/i18n/message-shape';
import { LOCALES } from '@mentoring/shared/rules/locale';
import { readPo } from './po.ts';
import { serverI18n } from './server.ts';

const readCatalog = (locale: string) =>
  readPo(fs.readFileSync(new URL(`../locales/${locale}.po`, import.meta.url), 'utf8'));

/** A message's shape from its parse (arguments, select keys, `#`, markup); throws on invalid ICU. */
const shape = (message: string) => messageShape(compileMessageOrThrow(message) as MessageToken[]);

describe('server catalogs', () => {
  // Explicit ids (`export.goals`): the English text is the source catalog's msgstr.
  const english = readCatalog('en');

  it('has English source messages', () => {
    expect(english.size).toBeGreaterThan(100);
    expect([...english].filter(([, text]) => !text).map(([id]) => id)).toEqual([]);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} translates every message with the same placeholders, each a valid ICU message`, () => {
      const catalog = readCatalog(locale);
      const missing = [...english.keys()].filter((id) => !catalog.get(id));
      expect(missing).toEqual([]);
      const invalid = [...catalog].filter(([, text]) => {
        try {
          compileMessageOrThrow(text);
          return false;
        } catch {
          return true;
        }
      });
      expect(invalid.map(([id]) => id)).toEqual([]);
      const broken = [...english].filter(([id, text]) => shape(catalog.get(id)!).join() !== shape(text).join());
      expect(broken.map(([id]) => `${id} → ${catalog.get(id)}`)).toEqual([]);
      const unagreed = [...catalog].filter(
        ([, text]) => missingPluralForms(compileMessageOrThrow(text) as MessageToken[], PLURAL_FORMS[locale]!).length,
      );
      expect(unagreed.map(([id, text]) => `${id} → ${text}`)).toEqual([]);
    });
  }

  it('writes no count bare: each is a plural’s # or a {count, number}, in the reader’s digits and grammar', () => {
    for (const locale of LOCALES) {
      const raw = [...readCatalog(locale)].filter(
        ([, text]) => rawCounts(compileMessageOrThrow(text) as MessageToken[]).length,
      );
      expect(raw.map(([id, text]) => `${locale} ${id}: ${text}`)).toEqual([]);
    }
  });

  it('serves a language’s messages, with English for a language the tool does not speak', () => {
    expect(serverI18n('es')._({ id: 'export.goals', message: 'Goals' })).toBe('Metas');
    expect(serverI18n('de')._({ id: 'export.goals', message: 'Goals' })).toBe('Goals');
    expect(
      serverI18n('fr')._({
        id: 'export.rating',
        message: '{rating, select, notYet {not yet} developing {developing} meeting {meeting} other {exceeding}}',
        values: { rating: 'meeting' },
      }),
    ).toBe('répond aux attentes');
  });
});
