/**
 * The program directory a participant invites partners from (docs/design.md, principle 5: choice):
 * the other participants still in the course, by name only. Staff are not partners, and LMS roles and e-mail addresses
 * stay with staff (who may see what).
 */
import type { Person, RosterEntry } from '../domain.ts';

export function directoryFor(roster: readonly RosterEntry[], viewerId: string): Person[] {
  return roster
    .filter((r) => r.programRole === 'participant' && r.inCourse && r.personId !== viewerId)
    .map((r) => ({ id: r.personId, name: r.name, email: null }));
}
