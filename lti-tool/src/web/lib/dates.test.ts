import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import { speakEnglish } from '../i18n/testing.ts';
import { formatCountdown, fromDateTimeLocal, isOverdue, secondsUntil, toDateTimeLocal } from './dates.ts';

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
});
