/**
 * Dates and times as people read them, one format everywhere (e-mails, exports, calendar events,
 * the server's pages): through `Intl`, in the reader's language and time zone, a time always
 * naming its zone so nobody wonders whose three o'clock it is.
 */
import type { Locale } from '../domain.ts';

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
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

/** A text that is no date (`2026-02-31` passes a pattern) is written as it came, never thrown on. */
function format(f: Intl.DateTimeFormat, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

/**
 * A day: a time (ISO) as the day it is in the reader's zone, or a calendar day (`2026-09-30`, a due
 * date) as itself.
 */
export function formatDay(iso: string | null | undefined, locale: Locale, timeZone = 'UTC'): string {
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
