import { describe, expect, it } from 'vitest';
import { member, mentoring } from './partnerships.fixture.ts';
import {
  canEvaluate,
  canOwnGoals,
  canReadContent,
  canReview,
  canSetAgenda,
  canWriteContent,
  membersMayReopen,
  statusAfterAnswers,
} from './access.ts';

const collegial = { ...mentoring, kind: 'collegial' as const };

describe('who may see and change what in a partnership', () => {
  it('members read and write; outsiders and those who declined do neither; closed is read-only', () => {
    expect(canWriteContent(mentoring, 'ben')).toBe(true);
    expect(canReadContent(mentoring, 'stranger')).toBe(false);
    const declined = { ...mentoring, members: [member('mara', 'mentor'), member('ben', 'mentee', 'declined')] };
    expect(canReadContent(declined, 'ben')).toBe(false);
    const closed = { ...mentoring, status: 'closed' as const };
    expect(canReadContent(closed, 'ben')).toBe(true);
    expect(canWriteContent(closed, 'ben')).toBe(false);
  });
  it('the mentee owns goals and the agenda; the mentor reviews and evaluates', () => {
    expect([canOwnGoals(mentoring, 'ben'), canSetAgenda(mentoring, 'ben'), canReview(mentoring, 'ben')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([canOwnGoals(mentoring, 'mara'), canSetAgenda(mentoring, 'mara'), canReview(mentoring, 'mara')]).toEqual([
      false,
      false,
      true,
    ]);
    expect(canEvaluate(mentoring, 'mara')).toBe(true);
    expect(canEvaluate(mentoring, 'ben')).toBe(false);
  });
  it('in collegial coaching both partners hold both roles, and nobody evaluates', () => {
    for (const id of ['mara', 'ben']) {
      expect(canOwnGoals(collegial, id) && canSetAgenda(collegial, id) && canReview(collegial, id)).toBe(true);
      expect(canEvaluate(collegial, id)).toBe(false);
    }
  });
  it('an invitation is active once everyone accepts, declined if anyone declines', () => {
    const invited = { ...mentoring, status: 'invited' as const };
    expect(statusAfterAnswers(invited)).toBe('active');
    expect(
      statusAfterAnswers({ ...invited, members: [member('mara', 'mentor'), member('ben', 'mentee', 'pending')] }),
    ).toBe('invited');
    expect(
      statusAfterAnswers({ ...invited, members: [member('mara', 'mentor'), member('ben', 'mentee', 'declined')] }),
    ).toBe('declined');
  });
  it('members reopen what they closed, never what the program ended', () => {
    const closed = { ...mentoring, status: 'closed' as const };
    expect(membersMayReopen(closed, 'ben')).toBe(true);
    expect(membersMayReopen(closed, null)).toBe(true);
    expect(membersMayReopen(closed, 'coordinator')).toBe(false);
    expect(membersMayReopen(mentoring, 'ben')).toBe(false);
  });
});
