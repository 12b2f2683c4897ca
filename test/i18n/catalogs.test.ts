/**
 * Every language has every message of the web app and of the extension, each valid ICU with the same
 * placeholders, plural and select arguments and markup (`<0>…</0>`) as the English source, every
 * plural form the language needs (Arabic's one, two, few, many) and no count written bare
 * (`{count} clips`); and
 * the extension's manifest texts (`_locales/<lang>/messages.json`) have the same keys in every
 * language. A missing or broken translation fails here instead of showing English, or a blank,
 * to someone reading Arabic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { PLURAL_FORMS, rawCounts, translationProblems, type MessageToken } from '@mentoring/shared/i18n/message-shape';
import { LOCALES } from '@mentoring/shared/rules/locale';
import { readPo } from '@mentoring/lti-tool/src/i18n/po.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** msgid → msgstr of a part's catalog; the English source's msgstr is empty, its text is the id. */
function readCatalog(dir: string, locale: string): Map<string, string> {
  const catalog = readPo(fs.readFileSync(path.join(root, dir, `${locale}.po`), 'utf8'));
  return locale === 'en' ? new Map([...catalog.keys()].map((id) => [id, catalog.get(id) || id])) : catalog;
}

const parse = (message: string) => compileMessageOrThrow(message) as MessageToken[];

const PARTS = [
  { name: 'web app', dir: 'lti-tool/src/web/locales', atLeast: 100 },
  { name: 'extension', dir: 'extension/locales', atLeast: 100 },
];

for (const part of PARTS) {
  describe(`${part.name} catalogs`, () => {
    const source = readCatalog(part.dir, 'en');

    it('has English source messages', () => {
      expect(source.size).toBeGreaterThan(part.atLeast);
    });

    it('writes no count bare: each is a plural’s # or formatted, in the reader’s digits and grammar', () => {
      for (const locale of LOCALES) {
        const raw = [...readCatalog(part.dir, locale)].filter(([, text]) => rawCounts(parse(text)).length);
        expect(raw.map(([id, text]) => `${locale} ${id}: ${text}`)).toEqual([]);
      }
    });

    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      it(`${locale} translates every message with the same placeholders`, () => {
        const { missing, broken, unagreed } = translationProblems(
          source,
          readCatalog(part.dir, locale),
          PLURAL_FORMS[locale]!,
          parse,
        );
        expect(missing).toEqual([]);
        expect(broken).toEqual([]);
        expect(unagreed).toEqual([]);
      });
    }
  });
}

describe('the extension’s manifest texts', () => {
  const dir = path.join(root, 'extension/public/_locales');
  const read = (folder: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const english = read('en');
  // The browser's folder names: Simplified Chinese is zh_CN there.
  const folders = LOCALES.map((l) => (l === 'zh' ? 'zh_CN' : l));

  it('has a folder for each language and no other', () => {
    expect(fs.readdirSync(dir).sort()).toEqual([...folders].sort());
  });

  it('names every text the manifest uses', () => {
    const manifest = fs.readFileSync(path.join(root, 'extension/wxt.config.ts'), 'utf8');
    const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((key) => !english[key])).toEqual([]);
  });

  for (const folder of folders.filter((f) => f !== 'en')) {
    it(`${folder} has every text, none empty`, () => {
      const texts = read(folder);
      expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
      expect(Object.entries(texts).filter(([, t]) => !t.message.trim())).toEqual([]);
    });
  }

  it('keeps the name within the stores’ 75 characters and the description within 132', () => {
    for (const folder of folders) {
      const texts = read(folder);
      expect(texts.extName!.message.length, folder).toBeLessThanOrEqual(75);
      expect(texts.extDescription!.message.length, folder).toBeLessThanOrEqual(132);
    }
  });
});
