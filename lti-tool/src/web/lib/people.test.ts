import { beforeAll, describe, expect, it } from 'vitest';
import type { Partnership } from '@mentoring/shared';
import { initials, joinNames, partnershipHeadline } from './people.ts';
import { speakEnglish } from '../i18n/testing.ts';

beforeAll(speakEnglish);

const p = (kind: Partnership['kind'], members: Partnership['members']) => ({
  kind,
  status: 'active' as const,
  members,
});

describe('people', () => {
  const ana = { personId: 'a', name: 'Ana Ruiz', role: 'mentor' as const, invitation: 'accepted' as const };
  const ben = { personId: 'b', name: 'Ben Okafor', role: 'mentee' as const, invitation: 'accepted' as const };
  const cy = { personId: 'c', name: 'Cy Lam', role: 'mentee' as const, invitation: 'accepted' as const };
  it('says who mentors whom from the reader’s side', () => {
    expect(partnershipHeadline(p('mentoring', [ana, ben, cy]), 'a')).toBe('You mentor Ben Okafor and Cy Lam');
    expect(partnershipHeadline(p('mentoring', [ana, ben]), 'b')).toBe('Ana Ruiz mentors you');
    expect(partnershipHeadline(p('collegial', [ana, ben]), 'b')).toBe('Collegial coaching with Ana Ruiz');
  });
  it('leaves out people who declined', () => {
    expect(partnershipHeadline(p('mentoring', [ana, { ...ben, invitation: 'declined' }]), 'a')).toBe(
      'You mentor nobody yet',
    );
  });
  it('joins names and makes initials', () => {
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(initials('ana maria ruiz')).toBe('AR');
    expect(initials('  ')).toBe('?');
  });
});
