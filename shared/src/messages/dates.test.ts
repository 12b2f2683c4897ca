import { describe, expect, it } from 'vitest';
import { formatDay, formatMoment, formatTime, isTimeZone } from './dates.ts';

describe('dates as people read them', () => {
  it('writes a moment in the reader’s language and zone, naming the zone', () => {
    expect(formatTime('2026-10-01T15:00:00Z', 'es', 'America/Mexico_City')).toBe('1 oct 2026, 9:00 GMT-6');
    expect(formatMoment('2026-10-01T15:00:00Z', 'fr')).toBe('jeudi 1 octobre 2026 à 15:00 UTC');
  });
  it('keeps a calendar day the day it is, whatever the zone', () => {
    expect(formatDay('2026-09-30', 'en', 'Pacific/Kiritimati')).toBe('Sep 30, 2026');
    expect(formatDay('2026-10-01T03:00:00Z', 'en', 'America/Chicago')).toBe('Sep 30, 2026');
  });
  it('writes a text that is no date as it came, never throwing', () => {
    expect(formatDay('2026-13-45', 'en')).toBe('2026-13-45');
    expect(formatTime('soon', 'en')).toBe('soon');
  });
  it('knows time zones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
