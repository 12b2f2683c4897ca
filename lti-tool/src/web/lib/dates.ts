/**
 * Dates as people read them, in the language the app speaks (`i18n.locale`), one format
 * everywhere. Instants (`…T…Z`) are shown in the reader's time zone; due dates are calendar days
 * (`YYYY-MM-DD`) and are never shifted by a time zone.
 */
import { i18n } from '@lingui/core';

const DAY = 86_400_000;

function calendarDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The year is left out when it is this year, as people write dates. */
function yearIfOther(d: Date): { year?: 'numeric' } {
  return d.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' };
}

export function formatDay(day: string): string {
  const d = calendarDay(day);
  return d.toLocaleDateString(i18n.locale, { weekday: 'short', day: 'numeric', month: 'short', ...yearIfOther(d) });
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleDateString(i18n.locale, { day: 'numeric', month: 'short', ...yearIfOther(d) });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(i18n.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "in 3 days", "yesterday", "2 weeks ago": for scanning lists. */
export function formatRelative(iso: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const rtf = new Intl.RelativeTimeFormat(i18n.locale, { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  if (abs < 14 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  if (abs < 60 * DAY) return rtf.format(Math.round(diff / (7 * DAY)), 'week');
  return rtf.format(Math.round(diff / (30 * DAY)), 'month');
}

/** A due date is overdue once its whole day has passed. */
export function isOverdue(day: string, now = Date.now()): boolean {
  return calendarDay(day).getTime() + DAY <= now;
}

/** The value a `datetime-local` input shows for an instant, in local time. */
export function toDateTimeLocal(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a `datetime-local` value means in local time, or null when it is incomplete. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A suggested time for the next conversation: the same weekday a week or two ahead, at 16:00. */
export function suggestNextConversation(cadenceDays: number, now = Date.now()): string {
  const d = new Date(now + cadenceDays * DAY);
  d.setHours(16, 0, 0, 0);
  return toDateTimeLocal(d.toISOString());
}

/** Seconds left until an instant, never negative. */
export function secondsUntil(iso: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
