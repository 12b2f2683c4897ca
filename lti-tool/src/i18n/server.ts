/**
 * The server's one message system (Lingui's core, ICU MessageFormat: plurals right in Arabic too):
 * the catalogs in src/locales/<locale>.po, read and compiled once, on first use of a language.
 * Code says `const i18n = serverI18n(locale); i18n._({ id: 'export.goals', message: 'Goals' })`
 * — the `i18n` name and the literal descriptor are what `lingui extract` finds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setupI18n, type I18n, type MessageDescriptor, type MessageOptions } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { acceptedLanguages, intlLocale, isLocale, resolveLocale, type Locale } from '@mentoring/shared';
import { formatList } from '@mentoring/shared/format';
import { TOOL_ROOT } from '../paths.ts';
import { readPo } from './po.ts';

/** Beside the compiled server (`dist/server/locales`, copied by the build), else the sources'. */
const built = path.join(import.meta.dirname, 'locales');
export const CATALOG_DIR = fs.existsSync(built) ? built : path.join(TOOL_ROOT, 'src/locales');

const instances = new Map<Locale, I18n>();

function load(locale: Locale): I18n {
  const translated = readPo(fs.readFileSync(path.join(CATALOG_DIR, `${locale}.po`), 'utf8'));
  const messages = Object.fromEntries(
    [...translated].filter(([, text]) => text).map(([id, text]) => [id, compileMessage(text)]),
  );
  // `locales` is what Lingui formats `#` and `{n, number}` with: Arabic-Indic digits for Arabic.
  const i18n = setupI18n({ locale, locales: [intlLocale(locale)], messages: { [locale]: messages } });
  // A message missing from a catalog (the catalogs test refuses it) falls back to the code's English.
  i18n.setMessagesCompiler(compileMessage);
  return withLists(i18n, locale);
}

/**
 * A list among a message's values (`values: { names: ['Ana', 'Ben'] }`) is worded the language's
 * way ("Ana and Ben", "Ana y Ben", "Ana和Ben"): ICU has no list argument, Intl has.
 */
function withLists(i18n: I18n, locale: Locale): I18n {
  const worded = (values: Record<string, unknown> | undefined) =>
    values &&
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? formatList(v.map(String), locale) : v]),
    );
  const translate = i18n._.bind(i18n);
  i18n._ = ((id: string | MessageDescriptor, values?: Record<string, unknown>, options?: MessageOptions) =>
    typeof id === 'string'
      ? translate(id, worded(values), options)
      : translate({ ...id, values: worded(id.values) })) as I18n['_'];
  return i18n;
}

/** The server's messages in a language (English for anything the tool does not speak). */
export function serverI18n(locale: string | null | undefined): I18n {
  const l: Locale = isLocale(locale) ? locale : 'en';
  let i18n = instances.get(l);
  if (!i18n) instances.set(l, (i18n = load(l)));
  return i18n;
}

/** A text for a page: a message to translate, or a string already written (diagnostics, in English). */
export type Text = string | MessageDescriptor;

export function say(i18n: I18n, text: Text): string {
  return typeof text === 'string' ? text : i18n._(text);
}

/**
 * The language of a page the server writes outside the app: the launch's (`launch_presentation.locale`)
 * where known, else the browser's `Accept-Language`, else English (the same rule as `GET /api/me`).
 */
export function pageLocale(acceptLanguage: string | undefined, launch?: string | null): Locale {
  return resolveLocale({ launch, browser: acceptedLanguages(acceptLanguage) });
}
