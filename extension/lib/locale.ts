/**
 * Which language the extension speaks: the connected person's, as the tool resolved it, so the
 * extension says what their workspace says; else the browser's own (shared rule `resolveLocale`).
 */
import { browser } from 'wxt/browser';
import { resolveLocale, type Locale } from '@mentoring/shared';
import { readConnection } from './connection.ts';
import { activateLocale, showPseudoLocale } from './i18n.ts';
import { personLocaleItem } from './stored.ts';
import { callTool } from './tool.ts';

/** The person's language once known, else the first of the browser's languages the tool speaks. */
export function extensionLocale(person: Locale | null, browserLanguages: readonly string[]): Locale {
  return person ?? resolveLocale({ browser: browserLanguages });
}

/**
 * The reader's preferred languages as the browser's settings list them (what the workspace reads
 * as `Accept-Language`), then the browser's interface language.
 */
export function browserLanguages(): string[] {
  let ui: string | undefined;
  try {
    ui = browser.i18n.getUILanguage();
  } catch {
    ui = undefined; // not offered where no extension API runs (unit tests)
  }
  return [...(globalThis.navigator?.languages ?? []), ui].filter((l): l is string => !!l);
}

export async function readLocale(): Promise<Locale> {
  return extensionLocale(await personLocaleItem.getValue(), browserLanguages());
}

/** Calls `listener` with the language to speak whenever the person's changes (connect, refresh, disconnect). */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  return personLocaleItem.watch((person) => listener(extensionLocale(person, browserLanguages())));
}

export function savePersonLocale(locale: Locale): Promise<void> {
  return personLocaleItem.setValue(locale);
}

/**
 * Asks the tool for the person's language again: they may have chosen another in the workspace.
 * Offline or signed out, the last one known stays.
 */
export async function refreshPersonLocale(): Promise<void> {
  const connection = await readConnection();
  if (!connection?.token) return;
  try {
    const me = await callTool((api) => api.me({}));
    if ((await personLocaleItem.getValue()) !== me.locale) await savePersonLocale(me.locale);
  } catch {
    // The tool could not answer: the language saved last time is still the best guess.
  }
}

/** Speaks the extension's language now and whenever it changes; `onChange` redraws what is not React. */
export async function followLocale(onChange?: (locale: Locale) => void): Promise<Locale> {
  const speak = (locale: Locale) => {
    activateLocale(locale);
    onChange?.(locale);
  };
  onLocaleChange(speak);
  // Test builds only (dead-stripped from releases): `e2ePseudoLocale` in local storage shows the
  // pseudo-locale, so an end-to-end test finds text no message made and layouts that clip.
  if (import.meta.env.WXT_E2E === '1' && (await browser.storage.local.get('e2ePseudoLocale')).e2ePseudoLocale === true)
    showPseudoLocale();
  const locale = await readLocale();
  speak(locale);
  return locale;
}
