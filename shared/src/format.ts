/**
 * Dates as people read them, in one format for the web app and the extension, in the reader's
 * language (`locale`). Instants (`…T…Z`) show in the reader's time zone (or the one given); due
 * dates are calendar days (`YYYY-MM-DD`) and are never shifted by a time zone.
 */
import type { Locale } from './domain.ts';

function calendarDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The year is left out when it is this year, as people write dates. */
function yearIfOther(d: Date, now: number): { year?: 'numeric' } {
  return d.getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' };
}

/** A calendar day (a due date): "Thu 4 Mar", "jue, 4 mar". */
export function formatDay(day: string, locale: Locale | string, now = Date.now()): string {
  const d = calendarDay(day);
  return d.toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short', ...yearIfOther(d, now) });
}

/** The day of an instant: "4 Mar". */
export function formatDate(iso: string, locale: Locale | string, now = Date.now()): string {
  const d = new Date(iso);
  return d.toLocaleDateString(locale, { day: 'numeric', month: 'short', ...yearIfOther(d, now) });
}

/** An instant with its time: "Thu 4 Mar, 16:30" (a conversation). */
export function formatDateTime(iso: string, locale: Locale | string, timeZone?: string): string {
  return new Date(iso).toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
}
