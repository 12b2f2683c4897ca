/**
 * The extension's one message system (Lingui), in every part: pages, picker and background. The
 * five catalogs are compiled at build time and bundled (a few kilobytes each, read from the
 * extension's own files): a service worker may not load code later, and no text ever waits.
 * English is active from the start, so nothing shows a bare message id; `followLocale`
 * (locale.ts) switches to the person's language.
 */
import { i18n, type Messages } from '@lingui/core';
import { intlLocale, LOCALES, textDirection, type Locale } from '@mentoring/shared';
import { pseudoMessages } from '@mentoring/shared/i18n/pseudo';
import { messages as ar } from '../locales/ar.po';
import { messages as en } from '../locales/en.po';
import { messages as es } from '../locales/es.po';
import { messages as fr } from '../locales/fr.po';
import { messages as zh } from '../locales/zh.po';

const catalogs: Record<Locale, Messages> = { en, es, fr, ar, zh };

i18n.loadAndActivate({ locale: 'en', messages: en });

let pseudo = false;

export function activateLocale(locale: Locale): void {
  // Lingui formats `#` and `{n, number}` with `locales` (Arabic-Indic digits for Arabic).
  if (i18n.locale !== locale)
    i18n.loadAndActivate({ locale, locales: [intlLocale(locale)], messages: catalogs[locale] });
}

/**
 * From now on every language shows the pseudo-locale: the English messages accented and a third
 * longer. Test builds only (`followLocale`).
 */
export function showPseudoLocale(): void {
  pseudo = true;
  const messages = pseudoMessages(en);
  for (const locale of LOCALES) catalogs[locale] = messages;
  i18n.loadAndActivate({ locale: i18n.locale, locales: i18n.locales, messages });
}

/** The page's `lang` and `dir`, which the styles mirror by (logical properties). */
export function setPageLanguage(locale: Locale): void {
  document.documentElement.lang = pseudo ? 'en-XA' : locale;
  document.documentElement.dir = textDirection(locale);
}

export { i18n };
