/**
 * Reflection prompts: either partner asks; who responds is the shared rule `promptResponseRefusal`;
 * either partner marks a prompt discussed once it has been talked through.
 */
import { promptResponseRefusal, type CreatePrompt, type Prompt, type UpdatePrompt } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { findGoal } from '../models/goals.ts';
import { findPrompt, insertPrompt, promptsOf, updatePromptRow } from '../models/prompts.ts';
import { forbidden, invalid, notFound } from './errors.ts';
import { readablePartnership, writablePartnership } from './access.ts';
import { requireInPartnership } from './references.ts';
import type { App } from './app.ts';
import { notifyPartnership } from './notifications.ts';

export async function promptsFor(app: App, principal: Principal, partnershipId: string): Promise<Prompt[]> {
  await readablePartnership(app, principal, partnershipId);
  return promptsOf(app.sql, partnershipId);
}

export async function writePrompt(
  app: App,
  principal: Principal,
  partnershipId: string,
  body: CreatePrompt,
): Promise<Prompt> {
  await writablePartnership(app, principal, partnershipId);
  await requireInPartnership(app.sql, partnershipId, [
    { kind: 'clip', id: body.clipId, field: 'clipId' },
    { kind: 'goal', id: body.goalId, field: 'goalId' },
  ]);
  return insertPrompt(
    app.sql,
    {
      partnershipId,
      authorId: principal.personId,
      question: body.question,
      clipId: body.clipId ?? null,
      goalId: body.goalId ?? null,
    },
    app.clock.now(),
  );
}

export async function changePrompt(
  app: App,
  principal: Principal,
  promptId: string,
  body: UpdatePrompt,
): Promise<Prompt> {
  const prompt = await findPrompt(app.sql, promptId);
  if (!prompt) throw notFound('The prompt');
  const p = await writablePartnership(app, principal, prompt.partnershipId, 'The prompt');
  const now = app.clock.now();
  const change: Parameters<typeof updatePromptRow>[2] = {};

  if (body.question !== undefined && body.question !== prompt.question) {
    if (prompt.authorId !== principal.personId)
      throw forbidden(
        /*i18n*/ {
          id: 'refusal.prompts.change-asker-only',
          message: 'Only the person who asked this question can change it.',
        },
      );
    if (prompt.status !== 'open')
      throw forbidden(
        /*i18n*/ {
          id: 'refusal.prompts.already-answered',
          message: 'This question has been answered; it stays as it was asked.',
        },
      );
    change.question = body.question;
  }
  if (body.response !== undefined) {
    const goal = prompt.goalId ? await findGoal(app.sql, prompt.goalId) : undefined;
    const refusal = promptResponseRefusal(p, prompt, goal?.ownerId ?? null, principal.personId);
    if (refusal)
      throw forbidden(
        /*i18n*/ {
          id: 'refusal.prompts.not-yours-to-answer',
          message:
            '{reason, select, not_active_member {Only members of an active partnership respond to its prompts.} not_mentee {Reflection is the mentee’s: only the mentee responds to a prompt.} not_goal_owner {Only the owner of the goal this prompt is about responds to it.} other {Your partner responds to the questions you ask.}}',
          values: { reason: refusal },
        },
      );
    if (!body.response)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.prompts.empty-response',
          message: '{field}: must not be empty',
          values: { field: 'response' },
        },
        'response',
      );
    Object.assign(change, { response: body.response, respondedAt: now, status: 'answered' });
  }
  if (body.status !== undefined && body.status !== prompt.status) {
    if (body.status === 'answered' && !change.response && !prompt.response)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.prompts.answered-without-response',
          message: '{field}: a prompt is answered with a response.',
          values: { field: 'status' },
        },
        'status',
      );
    change.status = body.status;
  }
  if (!Object.keys(change).length) return prompt;
  await app.sql.tx(async (sql) => {
    await updatePromptRow(sql, promptId, change, now);
    if (change.response)
      await notifyPartnership(
        app,
        sql,
        { partnershipId: p.id, event: { kind: 'review-waiting', actorId: principal.personId }, gather: true },
        p,
      );
  });
  return (await findPrompt(app.sql, promptId))!;
}
