/**
 * Dates and times as the page shows them: in a time element, whose dateTime machines read, with
 * the words of the app's language (Intl's, not the catalogs': the pseudo-locale's check leaves them).
 * Also inside a message: a call is one placeholder, and Lingui places the element there.
 */
import type { ReactElement } from 'react';
import { formatDate, formatDateTime, formatDay, formatRelative } from '../lib/dates.ts';

const time = (at: string, text: string): ReactElement => <time dateTime={at}>{text}</time>;

export const showDate = (iso: string): ReactElement => time(iso, formatDate(iso));
export const showDateTime = (iso: string): ReactElement => time(iso, formatDateTime(iso));
export const showDay = (day: string): ReactElement => time(day, formatDay(day));
export const showRelative = (iso: string): ReactElement => time(iso, formatRelative(iso));
