/**
 * Who may see and change what inside a partnership (docs/design.md, "Who may see what"). Pure functions of
 * the partnership's members, so the server enforces them and the apps use them to hide controls.
 */
import type { Member, MemberRole, Partnership } from '../domain.ts';

export type PartnershipView = Pick<Partnership, 'kind' | 'status' | 'members'>;

export function memberOf(p: PartnershipView, personId: string): Member | undefined {
  return p.members.find((m) => m.personId === personId);
}

/** Content (goals, clips, prompts, conversations) is for members who have not declined. */
export function canReadContent(p: PartnershipView, personId: string): boolean {
  const m = memberOf(p, personId);
  return !!m && m.invitation !== 'declined';
}

/** Writing needs an active partnership; closed ones are kept, read-only, until reopened. */
export function canWriteContent(p: PartnershipView, personId: string): boolean {
  return canReadContent(p, personId) && p.status === 'active';
}

export function hasRole(p: PartnershipView, personId: string, role: MemberRole): boolean {
  const m = memberOf(p, personId);
  if (!m || m.invitation === 'declined') return false;
  // In collegial partnerships both partners coach and are coached, goal by goal.
  return p.kind === 'collegial' || m.role === role;
}

/** Goals belong to mentees (docs/design.md, principle 1); in collegial partnerships to either partner. */
export function canOwnGoals(p: PartnershipView, personId: string): boolean {
  return hasRole(p, personId, 'mentee');
}

/** The agenda is the mentee's: in a mentoring partnership only mentees set it. */
export function canSetAgenda(p: PartnershipView, personId: string): boolean {
  return canWriteContent(p, personId) && hasRole(p, personId, 'mentee');
}

/** Reviewing clips and evaluating are the mentor's part. */
export function canReview(p: PartnershipView, personId: string): boolean {
  return canWriteContent(p, personId) && hasRole(p, personId, 'mentor');
}

export function canEvaluate(p: PartnershipView, personId: string): boolean {
  return p.kind === 'mentoring' && canWriteContent(p, personId) && memberOf(p, personId)?.role === 'mentor';
}

/** Who owns goals and is coached: the mentees, or in a collegial partnership both partners. */
export function mentees(p: PartnershipView): Member[] {
  return p.members.filter((m) => (p.kind === 'collegial' || m.role === 'mentee') && m.invitation !== 'declined');
}

/** Who coaches: the mentor, or in a collegial partnership both partners (each on the other's goals). */
export function mentors(p: PartnershipView): Member[] {
  return p.members.filter((m) => (p.kind === 'collegial' || m.role === 'mentor') && m.invitation !== 'declined');
}

/** An invitation waits for every invited member; the partnership is active once all accept. */
export function statusAfterAnswers(p: PartnershipView): Partnership['status'] {
  if (p.status === 'closed') return 'closed';
  if (p.members.some((m) => m.invitation === 'declined')) return 'declined';
  return p.members.every((m) => m.invitation === 'accepted') ? 'active' : 'invited';
}

/**
 * Members may reopen a partnership they closed themselves; one the program ended (a coordinator's
 * decision, its reason kept in the history) stays ended unless staff act.
 */
export function membersMayReopen(p: PartnershipView, endedById: string | null | undefined): boolean {
  return p.status === 'closed' && (!endedById || !!memberOf(p, endedById));
}
