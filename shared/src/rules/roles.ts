/**
 * Program roles from LTI roles. Staff (instructors, admins, course designers, LMS "Mentor"s who
 * supervise) see activity, never content; everyone else is a participant, and whether a participant
 * mentors or is mentored comes from their partnerships, not from the LMS.
 */
import type { ProgramRole } from '../domain.ts';

const STAFF_ROLE_NAMES = new Set([
  'Instructor',
  'Administrator',
  'TeachingAssistant',
  'ContentDeveloper',
  'Mentor',
  // Institution-level roles (lis/v2/institution/person#…)
  'SysAdmin',
  'SysSupport',
  'AccountAdmin',
  'Creator',
]);

/** The last segment of an LTI role URI (`…/membership#Instructor` → `Instructor`). */
export function ltiRoleName(role: string): string {
  const hash = role.lastIndexOf('#');
  const slash = role.lastIndexOf('/');
  return role.slice(Math.max(hash, slash) + 1);
}

/** Sub-roles (`membership/Instructor#TeachingAssistant`) count by their main role's name too. */
function isStaffRole(role: string): boolean {
  if (STAFF_ROLE_NAMES.has(ltiRoleName(role))) return true;
  const sub = /membership\/(\w+)#/.exec(role);
  return !!sub && sub[1] !== 'Learner' && STAFF_ROLE_NAMES.has(sub[1]!);
}

export function programRoleFromLtiRoles(roles: readonly string[]): ProgramRole {
  return roles.some(isStaffRole) ? 'staff' : 'participant';
}
