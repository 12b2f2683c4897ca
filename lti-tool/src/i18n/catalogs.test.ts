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
import { PLURAL_FORMS, rawCounts, translationProblems, type MessageToken } from '@mentoring/shared/i18n/message-shape';
import { LOCALES } from '@mentoring/shared/rules/locale';
import { readPo } from './po.ts';
import { serverI18n } from './server.ts';

const readCatalog = (locale: string) =>
  readPo(fs.readFileSync(new URL(`../locales/${locale}.po`, import.meta.url), 'utf8'));

/** A message's parse (arguments, select keys, `#`, markup); throws on invalid ICU. */
const parse = (message: string) => compileMessageOrThrow(message) as MessageToken[];

/** The ids of a catalog's messages that are not valid ICU (a select key with a hyphen, a lost brace). */
function invalidMessages(catalog: Map<string, string>): string[] {
  return [...catalog]
    .filter(([, text]) => {
      try {
        compileMessageOrThrow(text);
        return false;
      } catch {
        return true;
      }
    })
    .map(([id]) => id);
}

describe('server catalogs', () => {
  // Explicit ids (`export.goals`): the English text is the source catalog's msgstr.
  const english = readCatalog('en');

  it('has English source messages', () => {
    expect(english.size).toBeGreaterThan(100);
    expect([...english].filter(([, text]) => !text).map(([id]) => id)).toEqual([]);
    expect(invalidMessages(english)).toEqual([]);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} translates every message with the same placeholders, each a valid ICU message`, () => {
      const catalog = readCatalog(locale);
      expect(invalidMessages(catalog)).toEqual([]);
      const { missing, broken, unagreed } = translationProblems(english, catalog, PLURAL_FORMS[locale]!, parse);
      expect(missing).toEqual([]);
      expect(broken).toEqual([]);
      expect(unagreed).toEqual([]);
      // A refusal naming its field ("{field}: must not be empty") keeps the field first, as in English.
      const fieldFirst = /(^|\{)\{field\}\s?[:：]/g;
      const unfielded = [...english].filter(
        ([id, text]) => (catalog.get(id)!.match(fieldFirst) ?? []).length !== (text.match(fieldFirst) ?? []).length,
      );
      expect(unfielded.map(([id]) => `${id} → ${catalog.get(id)}`)).toEqual([]);
    });
  }

  it('words a list among the values the language’s way', () => {
    const descriptor = { id: 'test.list', message: '{names} share it.', values: { names: ['Ana', 'Ben', 'Eli'] } };
    expect(serverI18n('en')._(descriptor)).toBe('Ana, Ben, and Eli share it.');
    expect(serverI18n('es')._(descriptor)).toBe('Ana, Ben y Eli share it.');
  });
  it('writes no count bare: each is a plural’s # or a {count, number}, in the reader’s digits and grammar', () => {
    for (const locale of LOCALES) {
      const raw = [...readCatalog(locale)].filter(([, text]) => rawCounts(parse(text)).length);
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
