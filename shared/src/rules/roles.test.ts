import { describe, expect, it } from 'vitest';
import { ltiRoleName, parseLtiRole, programRoleFromLtiRoles } from './roles.ts';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
const m = (r: string) => `${LIS}membership#${r}`;
const inst = (r: string) => `${LIS}institution/person#${r}`;
const sys = (r: string) => `${LIS}system/person#${r}`;

describe('parseLtiRole', () => {
  it('reads the scope of full URIs, sub-roles, LTI 1.1 URNs and short forms', () => {
    expect(parseLtiRole(m('Instructor'))).toEqual({ scope: 'course', name: 'Instructor' });
    expect(parseLtiRole(`${LIS}membership/Instructor#TeachingAssistant`)).toEqual({
      scope: 'course',
      name: 'Instructor',
      subRole: 'TeachingAssistant',
    });
    expect(parseLtiRole(inst('Administrator'))).toEqual({ scope: 'institution', name: 'Administrator' });
    expect(parseLtiRole(sys('SysAdmin'))).toEqual({ scope: 'system', name: 'SysAdmin' });
    expect(parseLtiRole('http://purl.imsglobal.org/vocab/lti/system/person#TestUser')).toEqual({
      scope: 'system',
      name: 'TestUser',
    });
    expect(parseLtiRole('urn:lti:role:ims/lis/Instructor')).toEqual({ scope: 'course', name: 'Instructor' });
    expect(parseLtiRole('urn:lti:instrole:ims/lis/Administrator')).toEqual({
      scope: 'institution',
      name: 'Administrator',
    });
    expect(parseLtiRole('urn:lti:sysrole:ims/lis/SysAdmin')).toEqual({ scope: 'system', name: 'SysAdmin' });
    expect(parseLtiRole('Instructor')).toEqual({ scope: 'course', name: 'Instructor' });
    expect(parseLtiRole('https://example.com/roles#Instructor').scope).toBe('unknown');
  });
});

describe('programRoleFromLtiRoles', () => {
  it('makes course instructors, admins, TAs and content developers staff, in full and short form', () => {
    for (const r of ['Instructor', 'Administrator', 'ContentDeveloper', 'TeachingAssistant']) {
      expect(programRoleFromLtiRoles([m(r)])).toBe('staff');
      expect(programRoleFromLtiRoles([r])).toBe('staff');
    }
    expect(programRoleFromLtiRoles([`${LIS}membership/Instructor#TeachingAssistant`])).toBe('staff');
    expect(programRoleFromLtiRoles(['urn:lti:role:ims/lis/Instructor'])).toBe('staff');
  });

  it('never makes a course learner staff through institution or system roles', () => {
    // Moodle site admins, and Canvas teachers who are learners in the program.
    expect(programRoleFromLtiRoles([m('Learner'), inst('Administrator')])).toBe('participant');
    expect(programRoleFromLtiRoles([m('Learner'), inst('Instructor')])).toBe('participant');
    expect(programRoleFromLtiRoles([m('Learner'), sys('SysAdmin'), sys('Administrator')])).toBe('participant');
    expect(programRoleFromLtiRoles(['urn:lti:instrole:ims/lis/Administrator', 'Learner'])).toBe('participant');
    expect(programRoleFromLtiRoles([inst('Administrator')])).toBe('participant');
  });

  it('maps membership#Mentor (Canvas observers) to participant, unless a staff course role is there too', () => {
    expect(programRoleFromLtiRoles([m('Mentor')])).toBe('participant');
    expect(programRoleFromLtiRoles([`${LIS}membership/Mentor#Advisor`])).toBe('participant');
    expect(programRoleFromLtiRoles([m('Mentor'), m('Instructor')])).toBe('staff');
  });

  it('makes learners, unknown roles and people without roles participants', () => {
    expect(programRoleFromLtiRoles([m('Learner')])).toBe('participant');
    expect(programRoleFromLtiRoles([inst('Student')])).toBe('participant');
    expect(programRoleFromLtiRoles(['https://example.com/roles#Instructor'])).toBe('participant');
    expect(programRoleFromLtiRoles([])).toBe('participant');
  });
});

describe('ltiRoleName', () => {
  it('names a role by its last segment', () => {
    expect(ltiRoleName(m('Instructor'))).toBe('Instructor');
    expect(ltiRoleName('urn:lti:role:ims/lis/Learner')).toBe('Learner');
    expect(ltiRoleName('Learner')).toBe('Learner');
  });
});
