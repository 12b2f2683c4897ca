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
      throw forbidden('Only the person who asked this question can change it.');
    if (prompt.status !== 'open') throw forbidden('This question has been answered; it stays as it was asked.');
    change.question = body.question;
  }
  if (body.response !== undefined) {
    const goal = prompt.goalId ? await findGoal(app.sql, prompt.goalId) : undefined;
    const refusal = promptResponseRefusal(p, prompt, goal?.ownerId ?? null, principal.personId);
    if (refusal) throw forbidden(refusal);
    if (!body.response) throw invalid('response: must not be empty', 'response');
    Object.assign(change, { response: body.response, respondedAt: now, status: 'answered' });
  }
  if (body.status !== undefined && body.status !== prompt.status) {
    if (body.status === 'answered' && !change.response && !prompt.response)
      throw invalid('status: a prompt is answered with a response.', 'status');
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
