import { describe, expect, it } from 'vitest';
import { exportFileName, fileSlug } from './exports.ts';

const at = new Date('2026-03-04T10:00:00Z');
const partners = [{ name: 'Ana Ruíz' }, { name: 'Ben O’Kafor' }];

describe('exportFileName', () => {
  it('names the file by kind, partners and day, for server and app alike', () => {
    expect(exportFileName({ kind: 'collegial', members: partners }, 'md', at)).toBe(
      'collegial-ana-ruiz-ben-okafor-2026-03-04.md',
    );
    expect(exportFileName({ kind: 'mentoring', members: partners }, 'json', '2026-03-04T23:59:00.000Z')).toBe(
      'mentoring-ana-ruiz-ben-okafor-2026-03-04.json',
    );
  });
  it('falls back to "partnership" when no name has a letter it can keep', () => {
    expect(exportFileName({ kind: 'mentoring', members: [{ name: '李明' }] }, 'md', at)).toBe(
      'mentoring-partnership-2026-03-04.md',
    );
  });
  it('keeps names short and free of anything a file system or header could trip on', () => {
    const long = [{ name: 'A'.repeat(50) + ' "x"/..\\' }, { name: 'B'.repeat(50) }];
    const name = exportFileName({ kind: 'mentoring', members: long }, 'md', at);
    expect(name).toMatch(/^mentoring-[a-z0-9-]+-2026-03-04\.md$/);
    expect(name.length).toBeLessThanOrEqual('mentoring--2026-03-04.md'.length + 60);
  });
  it('slugs words: accents dropped, apostrophes close up', () => {
    expect(fileSlug(' Zoë d’Arcy-Núñez ')).toBe('zoe-darcy-nunez');
  });
});
