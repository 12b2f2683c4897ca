import { describe, expect, it } from 'vitest';
import { programRoleFromLtiRoles } from './roles.ts';

const m = (r: string) => `http://purl.imsglobal.org/vocab/lis/v2/membership#${r}`;

describe('programRoleFromLtiRoles', () => {
  it('makes instructors, admins, TAs, content developers and LMS mentors staff', () => {
    for (const r of ['Instructor', 'Administrator', 'ContentDeveloper', 'Mentor'])
      expect(programRoleFromLtiRoles([m(r)])).toBe('staff');
    expect(
      programRoleFromLtiRoles(['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant']),
    ).toBe('staff');
    expect(programRoleFromLtiRoles(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'])).toBe(
      'staff',
    );
    expect(programRoleFromLtiRoles(['http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin'])).toBe('staff');
  });
  it('makes learners and people without roles participants', () => {
    expect(programRoleFromLtiRoles([m('Learner')])).toBe('participant');
    expect(programRoleFromLtiRoles(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student'])).toBe(
      'participant',
    );
    expect(programRoleFromLtiRoles([])).toBe('participant');
  });
});
