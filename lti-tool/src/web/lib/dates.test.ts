import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import { speakEnglish } from '../i18n/testing.ts';
import {
  formatCountdown,
  formatRelative,
  fromDateTimeLocal,
  isOverdue,
  secondsUntil,
  toDateTimeLocal,
} from './dates.ts';

describe('dates', () => {
  afterEach(speakEnglish);
  it('round-trips a datetime-local value through an instant', () => {
    const iso = fromDateTimeLocal('2026-03-04T16:30');
    expect(iso).not.toBeNull();
    expect(toDateTimeLocal(iso!)).toBe('2026-03-04T16:30');
  });
  it('refuses incomplete datetime-local values', () => {
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('2026-03-04')).toBeNull();
  });
  it('counts a due date as overdue only after its whole day has passed', () => {
    const noonOnTheDay = new Date(2026, 2, 4, 12).getTime();
    expect(isOverdue('2026-03-04', noonOnTheDay)).toBe(false);
    expect(isOverdue('2026-03-03', noonOnTheDay)).toBe(true);
  });
  it('shows a countdown in minutes and seconds', () => {
    expect(secondsUntil('2026-01-01T00:10:00Z', Date.parse('2026-01-01T00:00:01.5Z'))).toBe(599);
    expect(secondsUntil('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:05Z'))).toBe(0);
    expect(formatCountdown(599)).toBe('9:59');
    expect(formatCountdown(61)).toBe('1:01');
    i18n.loadAndActivate({ locale: 'ar', messages: {} });
    expect(formatCountdown(599)).toBe('٩:٥٩');
  });
  it('counts whole calendar days beyond a day, whatever the hour of either moment', () => {
    const thursdayJustAfterMidnight = new Date(2026, 11, 3, 0, 4).getTime();
    const thursdayLate = new Date(2026, 11, 3, 23, 50).getTime();
    const saturdayAfternoon = new Date(2026, 11, 5, 16).toISOString();
    expect(formatRelative(saturdayAfternoon, thursdayJustAfterMidnight)).toBe('in 2 days');
    expect(formatRelative(saturdayAfternoon, thursdayLate)).toBe('in 2 days');
    expect(formatRelative(new Date(2026, 11, 4, 22).toISOString(), thursdayJustAfterMidnight)).toBe('tomorrow');
    expect(formatRelative(new Date(2026, 11, 1, 9).toISOString(), thursdayLate)).toBe('2 days ago');
    expect(formatRelative(new Date(2026, 11, 3, 21, 50).toISOString(), thursdayLate)).toBe('2 hours ago');
  });
});
