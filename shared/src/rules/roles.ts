/**
 * Program roles from LTI roles, keeping each role's scope (as the Hypothesis LMS app does):
 * course (context) roles decide; institution and system roles never make a course participant
 * staff, since school leaders are often teachers or administrators at their institution and
 * learners in the program. Staff see activity, never content; everyone else is a participant, and
 * whether a participant mentors or is mentored comes from their partnerships, not from the LMS.
 *
 * `membership#Mentor` (Canvas sends it for observers) is a participant on purpose: an observer
 * follows particular learners and must not see the whole program's activity, and programs that
 * enrol outside mentors as observers can put them in partnerships (docs/roles.md).
 */
import type { ProgramRole } from '../domain.ts';

export type LtiRoleScope = 'course' | 'institution' | 'system' | 'unknown';

export interface ScopedLtiRole {
  scope: LtiRoleScope;
  /** The role's name (`Instructor`), for a sub-role its main role's. */
  name: string;
  /** A sub-role's own name (`TeachingAssistant` in `membership/Instructor#TeachingAssistant`). */
  subRole?: string;
}

/** Course roles that make someone program staff; a sub-role counts by its main role or its own name. */
const STAFF_COURSE_ROLES = new Set(['Instructor', 'Administrator', 'TeachingAssistant', 'ContentDeveloper']);

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
const SCOPED_PREFIXES: Array<[string, LtiRoleScope]> = [
  [`${LIS}membership`, 'course'],
  [`${LIS}institution/person`, 'institution'],
  [`${LIS}system/person`, 'system'],
  ['http://purl.imsglobal.org/vocab/lti/system/person', 'system'],
  ['urn:lti:role:ims/lis/', 'course'],
  ['urn:lti:instrole:ims/lis/', 'institution'],
  ['urn:lti:sysrole:ims/lis/', 'system'],
];

/** Reads one role: full LIS v2 URIs, sub-roles, LTI 1.1 URNs, and the short form (`Instructor`, a course role). */
export function parseLtiRole(role: string): ScopedLtiRole {
  const text = role.trim();
  for (const [prefix, scope] of SCOPED_PREFIXES) {
    if (!text.startsWith(prefix)) continue;
    const rest = text.slice(prefix.length).replace(/^[#/]/, '');
    const [main = '', sub] = rest.split(/[#/]/);
    return sub ? { scope, name: main, subRole: sub } : { scope, name: main };
  }
  // The short form is defined for course roles only; anything else with a scheme is not ours to read.
  if (/^[A-Za-z]+$/.test(text)) return { scope: 'course', name: text };
  return { scope: 'unknown', name: ltiRoleName(text) };
}

/** The last segment of an LTI role URI (`…/membership#Instructor` → `Instructor`). */
export function ltiRoleName(role: string): string {
  const hash = role.lastIndexOf('#');
  const slash = role.lastIndexOf('/');
  const colon = role.lastIndexOf(':');
  return role.slice(Math.max(hash, slash, colon) + 1);
}

function isStaffRole(r: ScopedLtiRole): boolean {
  if (r.scope !== 'course' || r.name === 'Learner' || r.name === 'Mentor') return false;
  return STAFF_COURSE_ROLES.has(r.name) || (!!r.subRole && STAFF_COURSE_ROLES.has(r.subRole));
}

export function programRoleFromLtiRoles(roles: readonly string[]): ProgramRole {
  return roles.map(parseLtiRole).some(isStaffRole) ? 'staff' : 'participant';
}
