import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from './format.ts';

const NOW = new Date(2026, 2, 1).getTime();

describe('dates as people read them', () => {
  it('writes a due date in the reader’s language, with the year only when it is another year', () => {
    expect(formatDay('2026-03-04', 'en', NOW)).toBe('Wed, Mar 4');
    expect(formatDay('2026-03-04', 'es', NOW)).toBe('mié, 4 mar');
    expect(formatDay('2027-03-04', 'fr', NOW)).toBe('jeu. 4 mars 2027');
    expect(formatDay('2026-03-04', 'zh', NOW)).toBe('3月4日周三');
    expect(formatDay('2026-03-04', 'ar', NOW)).toBe('الأربعاء، 4 مارس');
  });

  it('shows an instant in the time zone given, never as ISO', () => {
    expect(formatDateTime('2026-03-04T15:30:00Z', 'en', 'UTC')).toBe('Wed, Mar 4, 3:30 PM');
    expect(formatDateTime('2026-03-04T15:30:00Z', 'es', 'America/Mexico_City')).toBe('mié, 4 mar, 9:30');
  });
});
