/**
 * Dates and numbers as people read them, in the language the app speaks (`i18n.locale`): the formats shared
 * with the extension (`@mentoring/shared/format`), and the app's own helpers for forms and lists.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { i18n } from '@lingui/core';
import * as shared from '@mentoring/shared/format';
import { intlLocale } from '@mentoring/shared/rules/locale';

const DAY = 86_400_000;

function calendarDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/**
 * How the server wrote the first screen's dates (the person's kept time zone, the moment it
 * rendered): set while it renders, and in the browser while the page hydrates, so both write the
 * same text. Then the browser's own zone and clock; components that show dates on the first screen
 * follow the change with `useDatesRendered`.
 */
export interface DatesAsRendered {
  timeZone: string;
  now: number;
}
let asRendered: DatesAsRendered | undefined;
const listeners = new Set<() => void>();

export function writeDatesAs(rendered: DatesAsRendered | undefined): void {
  if (asRendered === rendered) return;
  asRendered = rendered;
  for (const l of listeners) l();
}

/** Re-renders the caller once dates are written in the browser's zone after hydration. */
export function useDatesRendered(): void {
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => asRendered,
    () => asRendered,
  );
}

/**
 * Rendered beside the screen, inside its Suspense boundary: the boundary hydrates after the rest of
 * the page, and only once it has are dates written in the browser's zone.
 */
export function DatesFollowBrowser(): null {
  useEffect(() => writeDatesAs(undefined), []);
  return null;
}

const now = () => asRendered?.now ?? Date.now();

export const formatDay = (day: string): string => shared.formatDay(day, i18n.locale, now());
export const formatDate = (iso: string): string => shared.formatDate(iso, i18n.locale, now(), asRendered?.timeZone);
export const formatDateTime = (iso: string): string => shared.formatDateTime(iso, i18n.locale, asRendered?.timeZone);
export const formatNumber = (n: number): string => shared.formatNumber(n, i18n.locale);

/**
 * "in 3 days", "yesterday", "2 weeks ago": for scanning lists. Beyond a day it counts calendar days,
 * as people do: a conversation on Saturday is "in 2 days" all Thursday, whatever its hour.
 */
export function formatRelative(iso: string, at = now()): string {
  const then = Date.parse(iso);
  const diff = then - at;
  const rtf = new Intl.RelativeTimeFormat(intlLocale(i18n.locale), { numeric: 'auto' });
  const abs = Math.abs(diff);
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  const days = shared.dayNumber(then, asRendered?.timeZone) - shared.dayNumber(at, asRendered?.timeZone);
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week');
  return rtf.format(Math.round(days / 30), 'month');
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

/** "9:59", "٩:٥٩": minutes and seconds in the reader's digits. */
export function formatCountdown(seconds: number): string {
  const minutes = shared.formatNumber(Math.floor(seconds / 60), i18n.locale);
  return `${minutes}:${shared.formatNumber(seconds % 60, i18n.locale, { minimumIntegerDigits: 2 })}`;
}
