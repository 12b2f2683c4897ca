import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatDocumentDay,
  formatList,
  formatMoment,
  formatNumber,
  formatTime,
  isTimeZone,
} from './format.ts';

const NOW = new Date(2026, 2, 1).getTime();

describe('dates as people read them', () => {
  it('writes a due date in the reader’s language, with the year only when it is another year', () => {
    expect(formatDay('2026-03-04', 'en', NOW)).toBe('Wed, Mar 4');
    expect(formatDay('2026-03-04', 'es', NOW)).toBe('mié, 4 mar');
    expect(formatDay('2027-03-04', 'fr', NOW)).toBe('jeu. 4 mars 2027');
    expect(formatDay('2026-03-04', 'zh', NOW)).toBe('3月4日周三');
    expect(formatDay('2026-03-04', 'ar', NOW)).toBe('الأربعاء، ٤ مارس');
  });

  it('shows an instant in the time zone given, never as ISO', () => {
    expect(formatDateTime('2026-03-04T15:30:00Z', 'en', 'UTC')).toBe('Wed, Mar 4, 3:30 PM');
    expect(formatDateTime('2026-03-04T15:30:00Z', 'es', 'America/Mexico_City')).toBe('mié, 4 mar, 9:30');
  });
});

describe('dates as people read them', () => {
  it('writes a moment in the reader’s language and zone, naming the zone', () => {
    expect(formatTime('2026-10-01T15:00:00Z', 'es', 'America/Mexico_City')).toBe('1 oct 2026, 9:00 GMT-6');
    expect(formatMoment('2026-10-01T15:00:00Z', 'fr')).toBe('jeudi 1 octobre 2026 à 15:00 UTC');
  });
  it('keeps a calendar day the day it is, whatever the zone', () => {
    expect(formatDocumentDay('2026-09-30', 'en', 'Pacific/Kiritimati')).toBe('Sep 30, 2026');
    expect(formatDocumentDay('2026-10-01T03:00:00Z', 'en', 'America/Chicago')).toBe('Sep 30, 2026');
  });
  it('writes a text that is no date as it came, never throwing', () => {
    expect(formatDocumentDay('2026-13-45', 'en')).toBe('2026-13-45');
    expect(formatTime('soon', 'en')).toBe('soon');
  });
  it('knows time zones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('Arabic digits', () => {
  // Arabic-Indic digits (٠-٩); Latin ones would be what CLDR 46+ gives plain `ar`.
  const latin = /[0-9]/;
  it('writes numbers in Arabic-Indic digits for Arabic, Latin ones elsewhere', () => {
    expect(formatNumber(1234, 'ar')).toBe('١٬٢٣٤');
    expect(formatNumber(1234, 'fr')).toBe('1\u202f234');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
  it('writes Arabic dates and times in Arabic-Indic digits', () => {
    for (const text of [
      formatDay('2027-03-04', 'ar', NOW),
      formatDateTime('2026-03-04T15:30:00Z', 'ar', 'UTC'),
      formatDocumentDay('2026-09-30', 'ar'),
      formatTime('2026-10-01T15:00:00Z', 'ar', 'America/Mexico_City'),
      formatMoment('2026-10-01T15:00:00Z', 'ar'),
    ]) {
      expect(text).not.toMatch(latin);
      expect(text).toMatch(/[٠-٩]/);
    }
  });
  it('writes lists as each language does', () => {
    expect(formatList(['Ana', 'Luis', 'Marta'], 'es')).toBe('Ana, Luis y Marta');
    expect(formatList(['Ana', 'Luis'], 'en', 'disjunction')).toBe('Ana or Luis');
  });
});
