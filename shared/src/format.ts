/**
 * Dates, times, numbers and lists as people read them, through `Intl` in the reader's language (Arabic
 * with Arabic-Indic digits, `intlLocale`), one home for every part. On screen (the web app, the extension) dates are short and leave out this year; instants
 * (`…T…Z`) show in the reader's time zone (or the one given); due dates are calendar days
 * (`YYYY-MM-DD`) and are never shifted by a time zone. In documents read later (e-mails, exports,
 * calendar events) a date carries its year and a time always names its zone, so nobody wonders
 * whose three o'clock it is.
 */
import type { Locale } from './domain.ts';
import { intlLocale } from './rules/locale.ts';

function calendarDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const yearIn = (d: Date, timeZone: string | undefined) =>
  timeZone ? new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d) : String(d.getFullYear());

/**
 * The calendar day an instant falls on in a time zone (the reader's when none is given), as a count
 * of days: two instants' difference in it is how many days apart people call them.
 */
export function dayNumber(instant: number, timeZone?: string): number {
  let days = dayFormats.get(timeZone);
  if (!days) {
    days = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone });
    dayFormats.set(timeZone, days);
  }
  const parts: Record<string, number> = {};
  for (const p of days.formatToParts(instant)) parts[p.type] = Number(p.value);
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1) / 86_400_000;
}
/** One formatter per zone: lists of relative dates ask for two day numbers a row. */
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/** The year is left out when it is this year, as people write dates. */
function yearIfOther(d: Date, now: number, timeZone?: string): { year?: 'numeric' } {
  return yearIn(d, timeZone) === yearIn(new Date(now), timeZone) ? {} : { year: 'numeric' };
}

/** A calendar day (a due date): "Thu 4 Mar", "jue, 4 mar". */
export function formatDay(day: string, locale: Locale | string, now = Date.now()): string {
  const d = calendarDay(day);
  return d.toLocaleDateString(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...yearIfOther(d, now),
  });
}

/** The day of an instant: "4 Mar", in the reader's time zone or the one given. */
export function formatDate(iso: string, locale: Locale | string, now = Date.now(), timeZone?: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString(intlLocale(locale), {
    day: 'numeric',
    month: 'short',
    timeZone,
    ...yearIfOther(d, now, timeZone),
  });
}

/** An instant with its time: "Thu 4 Mar, 16:30" (a conversation). */
export function formatDateTime(iso: string, locale: Locale | string, timeZone?: string): string {
  return new Date(iso).toLocaleString(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
}

/** A number as the reader's language writes it: "1,234", "1 234", "١٬٢٣٤". */
export function formatNumber(n: number, locale: Locale | string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(n);
}

/** A list as the reader's language writes one: "A, B and C", "A و B", "A、B和C" (`or` for a choice). */
export function formatList(
  items: readonly string[],
  locale: Locale | string,
  type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction',
  style: Intl.ListFormatStyle = 'long',
): string {
  return new Intl.ListFormat(intlLocale(locale), { type, style }).format(items);
}

// ---- In documents: e-mails, exports, calendar events ----------------------------------------

/** A time zone `Intl` knows (an IANA name such as `America/Mexico_City`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone })));
  return f;
}

/** A text that is no date (`2026-02-31` passes a pattern) is written as it came, never thrown on. */
function format(f: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

/**
 * A day in a document: a time (ISO) as the day it is in the reader's zone, or a calendar day (`2026-09-30`, a due
 * date) as itself.
 */
export function formatDocumentDay(iso: string | null | undefined, locale: Locale, timeZone = 'UTC'): string {
  if (!iso) return '';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return format(formatter(locale, dayOnly ? 'UTC' : timeZone, { dateStyle: 'medium' }), iso);
}

/** A moment with its day, hour and zone: "Oct 1, 2026, 3:00 PM UTC", "1 oct 2026, 9:00 GMT-6". */
export function formatTime(iso: string | null | undefined, locale: Locale, timeZone = 'UTC'): string {
  if (!iso) return '';
  const f = formatter(locale, timeZone, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return format(f, iso);
}

/** A moment in words, for a sentence: "Thursday, October 1, 2026 at 3:00 PM UTC". */
export function formatMoment(iso: string | null | undefined, locale: Locale, timeZone = 'UTC'): string {
  if (!iso) return '';
  const f = formatter(locale, timeZone, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return format(f, iso);
}
