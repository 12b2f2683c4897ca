/**
 * Deleting a goal or a prompt: what points at it by id inside JSON lists (clips' links, agendas)
 * is rewritten first, so no screen is left with a link to nothing. Foreign keys do the rest.
 */
import type { AgendaItem } from '@mentoring/shared';
import { json, type Sql } from '../db/sql.ts';

export async function dropReferences(
  sql: Sql,
  partnershipId: string,
  kind: 'goal' | 'prompt',
  id: string,
  now: number,
) {
  const column = kind === 'goal' ? 'goal_ids' : 'prompt_ids';
  const clips = await sql.all<{ id: string; ids: string }>(
    `SELECT id, ${column} AS ids FROM clips WHERE partnership_id = :partnershipId`,
    { partnershipId },
  );
  for (const c of clips) {
    const ids = json.read<string[]>(c.ids, []);
    if (ids.includes(id))
      await sql.run(`UPDATE clips SET ${column} = :ids, updated_at = :now WHERE id = :clipId`, {
        clipId: c.id,
        ids: json.write(ids.filter((x) => x !== id)),
        now,
      });
  }
  const conversations = await sql.all<{ id: string; agenda: string }>(
    'SELECT id, agenda FROM conversations WHERE partnership_id = :partnershipId',
    { partnershipId },
  );
  for (const c of conversations) {
    const agenda = json.read<AgendaItem[]>(c.agenda, []);
    const kept = agenda.filter(
      (a) =>
        !(
          a.kind === kind && (kind === 'goal' ? 'goalId' in a && a.goalId === id : 'promptId' in a && a.promptId === id)
        ),
    );
    if (kept.length !== agenda.length)
      await sql.run(
        'UPDATE conversations SET agenda = :agenda, version = version + 1, updated_at = :now WHERE id = :conversationId',
        {
          conversationId: c.id,
          agenda: json.write(kept),
          now,
        },
      );
  }
}

export async function deleteGoalRow(sql: Sql, id: string) {
  await sql.run('DELETE FROM goals WHERE id = :id', { id });
}

export async function deletePromptRow(sql: Sql, id: string) {
  await sql.run('DELETE FROM prompts WHERE id = :id', { id });
}

export async function deleteReview(sql: Sql, clipId: string, mentorId: string) {
  await sql.run('DELETE FROM clip_reviews WHERE clip_id = :clipId AND mentor_id = :mentorId', { clipId, mentorId });
}

/** A commitment, and the goal action it became (that action exists only because of it). */
export async function deleteCommitmentRow(sql: Sql, id: string, actionId: string | null) {
  await sql.run('DELETE FROM commitments WHERE id = :id', { id });
  if (actionId) await sql.run('DELETE FROM goal_actions WHERE id = :actionId', { actionId });
}

export async function updateCommitmentRow(sql: Sql, id: string, change: { text?: string; dueOn?: string | null }) {
  const sets: string[] = [];
  if (change.text !== undefined) sets.push('text = :text');
  if (change.dueOn !== undefined) sets.push('due_on = :dueOn');
  if (sets.length) await sql.run(`UPDATE commitments SET ${sets.join(', ')} WHERE id = :id`, { ...change, id });
}
