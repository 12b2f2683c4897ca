/**
 * Undoing and deleting by whom the rules say (`shared/src/rules/deletion.ts`): a mentor un-reviews
 * a clip, the mentee deletes her goal, whoever asked deletes an unanswered prompt, and either
 * partner edits or deletes a commitment.
 */
import {
  canChangeCommitment,
  canDeleteGoal,
  canDeletePrompt,
  canReview,
  type Clip,
  type Commitment,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { findClipRecord, withReviews } from '../models/clips.ts';
import { findCommitment } from '../models/conversations.ts';
import { findGoal, updateActionRow } from '../models/goals.ts';
import { findPrompt } from '../models/prompts.ts';
import {
  deleteCommitmentRow,
  deleteGoalRow,
  deletePromptRow,
  deleteReview,
  dropReferences,
  updateCommitmentRow,
} from '../models/removal.ts';
import { forbidden, notFound } from './errors.ts';
import { writablePartnership } from './access.ts';
import { REVIEW_REFUSED } from './clips.ts';
import type { App } from './app.ts';

export async function unreviewClip(app: App, principal: Principal, clipId: string): Promise<Clip> {
  const clip = await findClipRecord(app.sql, clipId);
  if (!clip) throw notFound('The clip');
  const p = await writablePartnership(app, principal, clip.partnershipId, 'The clip');
  if (!canReview(p, principal.personId)) throw forbidden(REVIEW_REFUSED);
  await deleteReview(app.sql, clipId, principal.personId);
  return (await withReviews(app.sql, [clip]))[0]!;
}

export async function deleteGoal(app: App, principal: Principal, goalId: string): Promise<{ ok: true }> {
  const goal = await findGoal(app.sql, goalId);
  if (!goal) throw notFound('The goal');
  const p = await writablePartnership(app, principal, goal.partnershipId, 'The goal');
  if (!canDeleteGoal(p, goal, principal.personId))
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.goals.delete-owner-only',
        message: 'Goals are the mentee’s: only the person whose goal this is can delete it.',
      },
    );
  await app.sql.tx(async (sql) => {
    await dropReferences(sql, goal.partnershipId, 'goal', goalId, app.clock.now());
    await deleteGoalRow(sql, goalId);
  });
  return { ok: true };
}

export async function deletePrompt(app: App, principal: Principal, promptId: string): Promise<{ ok: true }> {
  const prompt = await findPrompt(app.sql, promptId);
  if (!prompt) throw notFound('The prompt');
  const p = await writablePartnership(app, principal, prompt.partnershipId, 'The prompt');
  if (!canDeletePrompt(p, prompt, principal.personId))
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.prompts.delete-refused',
        message:
          '{answered, select, yes {This question has been answered; the answer is the mentee’s work and stays.} other {Only the person who asked this question can delete it.}}',
        values: { answered: prompt.response ? 'yes' : 'no' },
      },
    );
  await app.sql.tx(async (sql) => {
    await dropReferences(sql, prompt.partnershipId, 'prompt', promptId, app.clock.now());
    await deletePromptRow(sql, promptId);
  });
  return { ok: true };
}

async function changeableCommitment(app: App, principal: Principal, id: string) {
  const commitment = await findCommitment(app.sql, id);
  if (!commitment) throw notFound('The commitment');
  const p = await writablePartnership(app, principal, commitment.partnershipId, 'The commitment');
  if (!canChangeCommitment(p, principal.personId))
    throw forbidden(
      /*i18n*/ { id: 'refusal.commitments.partners-only', message: 'Only the partners change their commitments.' },
    );
  return commitment;
}

/** Text and due date; the goal action it became follows. */
export async function editCommitment(
  app: App,
  principal: Principal,
  id: string,
  change: { text?: string; dueOn?: string | null },
): Promise<Commitment> {
  const commitment = await changeableCommitment(app, principal, id);
  await app.sql.tx(async (sql) => {
    await updateCommitmentRow(sql, id, change);
    if (commitment.actionId) await updateActionRow(sql, commitment.actionId, change, app.clock.now());
  });
  const { partnershipId: _p, ...answer } = (await findCommitment(app.sql, id))!;
  return answer;
}

export async function deleteCommitment(app: App, principal: Principal, id: string): Promise<{ ok: true }> {
  const commitment = await changeableCommitment(app, principal, id);
  await app.sql.tx((sql) => deleteCommitmentRow(sql, id, commitment.actionId));
  return { ok: true };
}
