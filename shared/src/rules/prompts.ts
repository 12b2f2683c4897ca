/**
 * Who responds to a reflection prompt (docs/design.md, principles 1 and 4). In a mentoring
 * partnership the mentee reflects. In a collegial one the roles follow the goal: the owner of the goal
 * the prompt is about responds; a prompt about no goal is for the partner who did not ask it.
 */
import type { Prompt } from '../domain.ts';
import { canWriteContent, hasRole, type PartnershipView } from './access.ts';

/** Why `personId` may not respond to `prompt`, or null when they may. `goalOwnerId`: of `prompt.goalId`. */
export function promptResponseRefusal(
  p: PartnershipView,
  prompt: Pick<Prompt, 'authorId' | 'goalId'>,
  goalOwnerId: string | null,
  personId: string,
): string | null {
  if (!canWriteContent(p, personId)) return 'Only members of an active partnership respond to its prompts.';
  if (p.kind === 'mentoring') {
    return hasRole(p, personId, 'mentee') ? null : 'Reflection is the mentee’s: only the mentee responds to a prompt.';
  }
  if (prompt.goalId && goalOwnerId) {
    return goalOwnerId === personId ? null : 'Only the owner of the goal this prompt is about responds to it.';
  }
  return prompt.authorId !== personId ? null : 'Your partner responds to the questions you ask.';
}

export function canRespondToPrompt(
  p: PartnershipView,
  prompt: Pick<Prompt, 'authorId' | 'goalId'>,
  goalOwnerId: string | null,
  personId: string,
): boolean {
  return promptResponseRefusal(p, prompt, goalOwnerId, personId) === null;
}
