import { describe, expect, it } from 'vitest';
import { exportFileName } from './download.ts';

describe('exportFileName', () => {
  it('names the file after the partners and the day, safely', () => {
    expect(exportFileName(['Ana Ruíz', 'Ben O’Kafor'], 'md', new Date('2026-03-04T10:00:00Z'))).toBe(
      'mentoring-ana-ruiz-ben-o-kafor-2026-03-04.md',
    );
    expect(exportFileName([], 'json', new Date('2026-03-04T10:00:00Z'))).toBe('mentoring-partnership-2026-03-04.json');
  });
});
