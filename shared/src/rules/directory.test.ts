import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../domain.ts';
import { directoryFor } from './directory.ts';

const entry = (personId: string, programRole: RosterEntry['programRole'], inCourse = true): RosterEntry => ({
  personId,
  name: `Name of ${personId}`,
  email: `${personId}@school.example`,
  lmsRoles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  programRole,
  inCourse,
  partnerships: [],
});

describe('directoryFor', () => {
  it('lists the other participants by name only: no staff, no self, no e-mail or LMS roles', () => {
    const roster = [entry('me', 'participant'), entry('ana', 'participant'), entry('coord', 'staff')];
    expect(directoryFor(roster, 'me')).toEqual([{ id: 'ana', name: 'Name of ana', email: null }]);
  });

  it('leaves out people no longer in the course', () => {
    expect(directoryFor([entry('me', 'participant'), entry('gone', 'participant', false)], 'me')).toEqual([]);
  });
});
