/**
 * Who responds to a reflection prompt (docs/design.md, principles 1 and 4). In a mentoring
 * partnership the mentee reflects. In a collegial one the roles follow the goal: the owner of the goal
 * the prompt is about responds; a prompt about no goal is for the partner who did not ask it.
 */
import type { Prompt } from '../domain.ts';
import { canWriteContent, type PartnershipView } from './access.ts';

/**
 * Who responds to `prompt`: the members the rule names, whether or not they may write now (so the
 * apps can say "for Hannah to answer" in a closed partnership too). `goalOwnerId`: of `prompt.goalId`.
 */
export function promptResponders(
  p: PartnershipView,
  prompt: Pick<Prompt, 'authorId' | 'goalId'>,
  goalOwnerId: string | null,
): string[] {
  const present = p.members.filter((m) => m.invitation !== 'declined');
  if (p.kind === 'mentoring') return present.filter((m) => m.role === 'mentee').map((m) => m.personId);
  if (prompt.goalId && goalOwnerId) return present.some((m) => m.personId === goalOwnerId) ? [goalOwnerId] : [];
  return present.filter((m) => m.personId !== prompt.authorId).map((m) => m.personId);
}

/** Why someone may not respond to a prompt: each part words the reason in its own catalog. */
export type PromptResponseRefusal = 'not_active_member' | 'not_mentee' | 'not_goal_owner' | 'asked_it';

/** Why `personId` may not respond to `prompt`, or null when they may. `goalOwnerId`: of `prompt.goalId`. */
export function promptResponseRefusal(
  p: PartnershipView,
  prompt: Pick<Prompt, 'authorId' | 'goalId'>,
  goalOwnerId: string | null,
  personId: string,
): PromptResponseRefusal | null {
  if (!canWriteContent(p, personId)) return 'not_active_member';
  if (promptResponders(p, prompt, goalOwnerId).includes(personId)) return null;
  if (p.kind === 'mentoring') return 'not_mentee';
  if (prompt.goalId && goalOwnerId) return 'not_goal_owner';
  return 'asked_it';
}

export function canRespondToPrompt(
  p: PartnershipView,
  prompt: Pick<Prompt, 'authorId' | 'goalId'>,
  goalOwnerId: string | null,
  personId: string,
): boolean {
  return promptResponseRefusal(p, prompt, goalOwnerId, personId) === null;
}
