/** Who the signed-in person is, in which program and role, and the language the tool speaks to them. */
import { resolveLocale, type Locale, type Me, type ProgramRole } from '@mentoring/shared';
import { cacheKey } from '../db/invalidations.ts';
import { chooseLocale, findPerson, findProgram, keepTimeZone, personLocales, toProgram } from '../models/programs.ts';
import { notFound } from './errors.ts';
import type { App } from './app.ts';

export interface Signed {
  personId: string;
  programId: string;
  programRole: ProgramRole;
}

/** `browser`: the caller's `Accept-Language`, the last word when neither the person nor the launch chose. */
export async function describeMe(app: App, s: Signed, browser: readonly string[]): Promise<Me> {
  const [person, program, locales] = await Promise.all([
    app.cache.get(`person:${s.personId}`, () => findPerson(app.sql, s.personId)),
    app.cache.get(`program:${s.programId}`, () => findProgram(app.sql, s.programId)),
    app.cache.get(cacheKey.locales(s.personId), () => personLocales(app.sql, s.personId)),
  ]);
  if (!person || !program || !locales) throw notFound('Your program');
  return {
    person,
    program: toProgram(program),
    programRole: s.programRole,
    locale: resolveLocale({ ...locales, browser }),
    chosenLocale: locales.chosen,
    timeZone: locales.timeZone,
  };
}

/** Whom a text is written for: the language `GET /api/me` answers, and the person's time zone. */
export interface Reader {
  locale: Locale;
  timeZone: string;
}

export async function readerOf(app: App, personId: string, browser: readonly string[]): Promise<Reader> {
  const locales = await app.cache.get(cacheKey.locales(personId), () => personLocales(app.sql, personId));
  return { locale: resolveLocale({ ...locales, browser }), timeZone: locales?.timeZone ?? 'UTC' };
}

/** Keeps the person's own choice of language; every process forgets its copy within a second. */
export async function chooseMyLocale(app: App, s: Signed, locale: Locale | null, browser: readonly string[]) {
  await chooseLocale(app.sql, s.personId, locale, app.clock.now());
  await app.invalidations.publish(cacheKey.locales(s.personId));
  return describeMe(app, s, browser);
}

/** Keeps the time zone the person's browser reports, for the times of their e-mails and exports. */
export async function reportMyTimeZone(app: App, s: Signed, timeZone: string, browser: readonly string[]) {
  await keepTimeZone(app.sql, s.personId, timeZone, app.clock.now());
  await app.invalidations.publish(cacheKey.locales(s.personId));
  return describeMe(app, s, browser);
}
