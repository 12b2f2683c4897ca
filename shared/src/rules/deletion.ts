/**
 * Who may delete what in a partnership (principle 1: it is the mentee's work). Pure, so the server
 * enforces them and the app shows a Delete button only to whoever may press it.
 */
import { canWriteContent, type PartnershipView } from './access.ts';

/** A goal is deleted by its owner, the mentee whose goal it is; its actions go with it. */
export function canDeleteGoal(p: PartnershipView, goal: { ownerId: string }, personId: string): boolean {
  return canWriteContent(p, personId) && goal.ownerId === personId;
}

/** A prompt is deleted by whoever asked it, while it is still unanswered (an answer is the mentee's work). */
export function canDeletePrompt(
  p: PartnershipView,
  prompt: { authorId: string; response: string | null },
  personId: string,
): boolean {
  return canWriteContent(p, personId) && prompt.authorId === personId && !prompt.response;
}

/** Commitments are recorded by either partner together, so either partner edits or deletes one. */
export function canChangeCommitment(p: PartnershipView, personId: string): boolean {
  return canWriteContent(p, personId);
}
