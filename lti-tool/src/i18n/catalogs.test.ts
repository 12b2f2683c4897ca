/**
 * Every language has every message of the server's catalogs (exports, calendar events, pages,
 * refusals), each a valid ICU message with the English source's arguments and select keys: a
 * missing or broken translation fails here instead of showing English, or a blank, to someone
 * reading Arabic.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { LOCALES } from '@mentoring/shared/rules/locale';
import { readPo } from './po.ts';
import { serverI18n } from './server.ts';

const readCatalog = (locale: string) =>
  readPo(fs.readFileSync(new URL(`../locales/${locale}.po`, import.meta.url), 'utf8'));

type Token = string | [string, string?, unknown?];

/**
 * The arguments of an ICU message, from its parse: each argument's name, and a select's keys (a
 * plural's keys differ by language: Arabic has six forms, Chinese one).
 */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [name, type, format] = token;
      const branches = format && typeof format === 'object' ? (format as Record<string, unknown>) : {};
      const keys = Object.keys(branches).filter((k) => k !== 'offset');
      found.add(type === 'select' ? `${name}:${keys.sort().join('|')}` : name);
      for (const key of keys) if (Array.isArray(branches[key])) walk(branches[key] as Token[]);
    }
  };
  walk(compileMessageOrThrow(message) as Token[]);
  return [...found].sort();
}

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
      const missing = [...english.keys()].filter((id) => !catalog.get(id));
      expect(missing).toEqual([]);
      expect(invalidMessages(catalog)).toEqual([]);
      const broken = [...english].filter(
        ([id, text]) => icuArguments(catalog.get(id)!).join() !== icuArguments(text).join(),
      );
      expect(broken.map(([id]) => `${id} → ${catalog.get(id)}`)).toEqual([]);
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
