/**
 * Which language a person reads the tool in: their own choice, else the language the LMS launched
 * them in (`launch_presentation.locale`), else their browser's, else English. LMSs send BCP 47 tags
 * in many spellings (`es-MX`, `zh_CN`, `fr-ca`, `zh-Hant-TW`); each is matched to the language
 * the tool speaks by its primary subtag.
 */
import type { Locale } from '../domain.ts';

export const LOCALES = ['en', 'es', 'fr', 'ar', 'zh'] as const;
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  ar: 'العربية',
  zh: '简体中文',
};

const RTL: ReadonlySet<Locale> = new Set(['ar']);

/**
 * The tag `Intl` formats each language with (numbers, dates, lists, plurals). Arabic asks for
 * Arabic-Indic digits (٠١٢٣): schools reading Arabic expect them, and CLDR 46+ (Node 20, Chromium)
 * gives plain `ar` Latin digits.
 */
export const INTL_LOCALES: Record<Locale, string> = {
  en: 'en',
  es: 'es',
  fr: 'fr',
  ar: 'ar-u-nu-arab',
  zh: 'zh',
};

/** The `Intl` tag of a language the tool speaks; any other tag (a test's `en-XA`) as it is. */
export function intlLocale(locale: string): string {
  return isLocale(locale) ? INTL_LOCALES[locale] : locale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The tool's language for a BCP 47 tag, or null when the tool does not speak it (or it is not a tag). */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const primary = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(tag.trim())?.[1]?.toLowerCase();
  return isLocale(primary) ? primary : null;
}

/** The tags of an `Accept-Language` header, most wanted first (`q=0` means "not this one"). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

export interface LocaleSources {
  /** The person's own choice, kept by the tool. */
  chosen?: string | null;
  /** The launch's `launch_presentation.locale`. */
  launch?: string | null;
  /** The browser's languages, most wanted first. */
  browser?: readonly string[];
}

export function resolveLocale({ chosen, launch, browser = [] }: LocaleSources): Locale {
  for (const tag of [chosen, launch, ...browser]) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}
