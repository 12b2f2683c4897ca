import { describe, expect, it } from 'vitest';
import { isMatched, isUnmatched } from './roster.ts';

const entry = (statuses: Array<'active' | 'paused' | 'invited' | 'declined' | 'closed'>, inCourse = true) => ({
  programRole: 'participant' as const,
  inCourse,
  partnerships: statuses.map((status, i) => ({
    partnershipId: `p${i}`,
    kind: 'mentoring' as const,
    status,
    role: 'mentee' as const,
  })),
});

describe('matched and unmatched', () => {
  it('a current, paused or invited partnership matches; an ended or declined one does not', () => {
    expect(isMatched(entry(['active']))).toBe(true);
    expect(isMatched(entry(['paused']))).toBe(true);
    expect(isMatched(entry(['invited']))).toBe(true);
    expect(isMatched(entry(['closed', 'declined']))).toBe(false);
    expect(isUnmatched(entry(['closed']))).toBe(true);
  });

  it('staff and people no longer in the course are never counted as unmatched', () => {
    expect(isUnmatched({ ...entry([]), programRole: 'staff' })).toBe(false);
    expect(isUnmatched(entry([], false))).toBe(false);
  });
});
