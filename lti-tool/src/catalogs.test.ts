/**
 * Every language has every message of the web app, with the same placeholders, plural and select
 * arguments and markup (`<0>…</0>`) as the English source: a missing or broken translation fails
 * here instead of showing English, or a blank, to someone reading Arabic.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@mentoring/shared/rules/locale';

const here = (name: string) => new URL(`./web/locales/${name}`, import.meta.url);

/** msgid → msgstr of a catalog as `lingui extract` writes it (one line each). */
function readCatalog(locale: string): Map<string, string> {
  const text = fs.readFileSync(here(`${locale}.po`), 'utf8');
  const entries = new Map<string, string>();
  for (const m of text.matchAll(/^msgid ("(?:[^"\\]|\\.)*")\nmsgstr ("(?:[^"\\]|\\.)*")$/gm)) {
    const id = JSON.parse(m[1]!) as string;
    if (id) entries.set(id, JSON.parse(m[2]!) as string);
  }
  return entries;
}

/** The parts of a message a translation must keep: argument names, `#`, and markup tags. */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<\/?\d+\/?>/g)].map((m) => m[0]);
  const pound = message.includes('#') ? ['#'] : [];
  return [...new Set([...args, ...tags, ...pound])].sort();
}

const source = readCatalog('en');

describe('web app catalogs', () => {
  it('has English source messages', () => {
    expect(source.size).toBeGreaterThan(100);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} translates every message with the same placeholders`, () => {
      const catalog = readCatalog(locale);
      const missing = [...source.keys()].filter((id) => !catalog.get(id));
      expect(missing).toEqual([]);
      const broken = [...source.keys()].filter(
        (id) => placeholders(catalog.get(id)!).join() !== placeholders(id).join(),
      );
      expect(broken.map((id) => `${id} → ${catalog.get(id)}`)).toEqual([]);
    });
  }
});
