/** Who in the roster is matched: the coordinator's "unmatched" filter and the report count the same way. */
import type { PartnershipStatus, RosterEntry } from '../domain.ts';

/** A partnership going on, or waiting for the invited person's answer. */
const CURRENT: readonly PartnershipStatus[] = ['active', 'paused', 'invited'];

export function isMatched(p: Pick<RosterEntry, 'partnerships'>): boolean {
  return p.partnerships.some((x) => CURRENT.includes(x.status));
}

/** A participant still in the course with no current partnership; people who left are not counted. */
export function isUnmatched(p: Pick<RosterEntry, 'programRole' | 'inCourse' | 'partnerships'>): boolean {
  return p.programRole === 'participant' && p.inCourse && !isMatched(p);
}
