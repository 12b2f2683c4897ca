import { describe, expect, it } from 'vitest';
import type { Partnership } from '@mentoring/shared';
import { partnershipLabel } from './partnership-label.ts';

const member = (personId: string, name: string, role: 'mentor' | 'mentee') => ({
  personId,
  name,
  role,
  invitation: 'accepted' as const,
});

describe('partnershipLabel', () => {
  const p: Pick<Partnership, 'kind' | 'members'> = {
    kind: 'mentoring',
    members: [member('a', 'Ana', 'mentor'), member('b', 'Ben', 'mentee')],
  };
  it('names the partnership by the other people, from the reader’s side', () => {
    expect(partnershipLabel(p, 'b')).toBe('Mentored by Ana');
    expect(partnershipLabel(p, 'a')).toBe('Mentoring Ben');
    expect(partnershipLabel({ ...p, kind: 'collegial' }, 'a')).toBe('Collegial coaching with Ben');
  });
});
