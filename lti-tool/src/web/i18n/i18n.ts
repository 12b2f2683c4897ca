/**
 * The app's one message system (Lingui): catalogs are compiled at build time, each language its
 * own chunk loaded when first needed, so the first screen carries no message parser and no other
 * language. `activateLocale` also sets the page's `lang` and `dir`, which the CSS mirrors by.
 */
import { createElement, useEffect, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { i18n, type Messages } from '@lingui/core';
import { useLingui } from '@lingui/react';
import { intlLocale, isLocale, textDirection } from '@mentoring/shared/rules/locale';
import type { Locale } from '@mentoring/shared';

const catalogs: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('../locales/en.po'),
  es: () => import('../locales/es.po'),
  fr: () => import('../locales/fr.po'),
  ar: () => import('../locales/ar.po'),
  zh: () => import('../locales/zh.po'),
};

/** Set (to "1") in a tab's sessionStorage, the app shows the pseudo-locale: accented, a third longer. */
export const PSEUDO_LOCALE_KEY = 'mentoring:pseudo-locale';

export function pseudoWanted(): boolean {
  try {
    return sessionStorage.getItem(PSEUDO_LOCALE_KEY) === '1';
  } catch {
    return false;
  }
}

/** A language's compiled messages (its own chunk). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await catalogs[locale]()).messages;
}

export async function activateLocale(locale: Locale): Promise<void> {
  const pseudo = pseudoWanted();
  const messages = await loadMessages(pseudo ? 'en' : locale);
  // The pseudo-locale's code loads only where it is asked for.
  const shown = pseudo ? (await import('@mentoring/shared/i18n/pseudo')).pseudoMessages(messages) : messages;
  // Lingui formats `#` and `{n, number}` with `locales` (Arabic-Indic digits for Arabic).
  i18n.loadAndActivate({ locale, locales: [intlLocale(locale)], messages: shown });
  document.documentElement.lang = pseudo ? 'en-XA' : locale;
  document.documentElement.dir = textDirection(locale);
}

/** Switches to the person's language once `GET /api/me` names it; false until its catalog is in. */
export function useLocale(wanted: Locale | undefined): boolean {
  const { i18n: active } = useLingui();
  useEffect(() => {
    if (wanted && active.locale !== wanted) void activateLocale(wanted);
  }, [wanted, active]);
  return !wanted || active.locale === wanted;
}

/** The language the app speaks now, for texts made outside the catalogs (the shared notice texts). */
export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : 'en';
}

/**
 * Gives React Aria the app's language: its own words (a dialog's hidden "Dismiss", a date field's
 * segments, a combobox's announcements) and its date formats follow the app, not the browser.
 */
export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n: active } = useLingui();
  return createElement(AriaI18nProvider, { locale: active.locale, children });
}

export { i18n };
