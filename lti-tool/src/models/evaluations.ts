/** Evaluation checkpoints of a program and the evaluations completed at them (docs/design.md, principle 3). */
import crypto from 'node:crypto';
import type { Checkpoint, CheckpointEvaluation } from '@mentoring/shared';
import { time, type Sql } from '../db/sql.ts';

interface CheckpointRow {
  id: string;
  program_id: string;
  name: string;
  due_on: string | null;
  line_item_id: string | null;
  removed_at: number | string | null;
}

interface EvaluationRow {
  id: string;
  checkpoint_id: string;
  partnership_id: string;
  mentee_id: string;
  mentor_id: string;
  rating: CheckpointEvaluation['rating'];
  summary: string;
  completed_at: number | string;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  id: r.id,
  name: r.name,
  dueOn: r.due_on,
  lineItemId: r.line_item_id,
});

const toEvaluation = (r: EvaluationRow): CheckpointEvaluation => ({
  id: r.id,
  checkpointId: r.checkpoint_id,
  partnershipId: r.partnership_id,
  menteeId: r.mentee_id,
  mentorId: r.mentor_id,
  rating: r.rating,
  summary: r.summary,
  completedAt: time.iso(r.completed_at),
});

/** The checkpoints not removed: by due date (undated last), then in the order they were named. */
export async function checkpointsOf(sql: Sql, programId: string): Promise<Checkpoint[]> {
  const rows = await sql.all<CheckpointRow>(
    `SELECT * FROM checkpoints WHERE program_id = :programId AND removed_at IS NULL
      ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, created_at`,
    { programId },
  );
  return rows.map(toCheckpoint);
}

export async function findCheckpoint(
  sql: Sql,
  id: string,
): Promise<(Checkpoint & { programId: string; removed: boolean }) | undefined> {
  const row = await sql.one<CheckpointRow>('SELECT * FROM checkpoints WHERE id = :id', { id });
  return row && { ...toCheckpoint(row), programId: row.program_id, removed: row.removed_at !== null };
}

export async function updateCheckpointRow(sql: Sql, id: string, change: { name?: string; dueOn?: string | null }) {
  const sets: string[] = [];
  if (change.name !== undefined) sets.push('name = :name');
  if (change.dueOn !== undefined) sets.push('due_on = :dueOn');
  if (sets.length) await sql.run(`UPDATE checkpoints SET ${sets.join(', ')} WHERE id = :id`, { ...change, id });
}

/** Removed checkpoints stay as rows, so the evaluations completed at them are kept. */
export async function removeCheckpointRow(sql: Sql, id: string, now: number) {
  await sql.run('UPDATE checkpoints SET removed_at = :now WHERE id = :id AND removed_at IS NULL', { id, now });
}

export async function insertCheckpoint(
  sql: Sql,
  c: { programId: string; name: string; dueOn: string | null },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO checkpoints (id, program_id, name, due_on, line_item_id, created_at) VALUES (:id, :programId, :name, :dueOn, NULL, :now)`,
    { ...c, id, now },
  );
  return id;
}

export async function setCheckpointLineItem(sql: Sql, id: string, lineItemId: string) {
  await sql.run('UPDATE checkpoints SET line_item_id = :lineItemId WHERE id = :id', { id, lineItemId });
}

export async function evaluationsOfPartnership(sql: Sql, partnershipId: string): Promise<CheckpointEvaluation[]> {
  const rows = await sql.all<EvaluationRow>(
    'SELECT * FROM checkpoint_evaluations WHERE partnership_id = :partnershipId ORDER BY completed_at',
    {
      partnershipId,
    },
  );
  return rows.map(toEvaluation);
}

export async function evaluationsOfProgram(sql: Sql, programId: string): Promise<CheckpointEvaluation[]> {
  const rows = await sql.all<EvaluationRow>(
    `SELECT e.* FROM checkpoint_evaluations e JOIN checkpoints c ON c.id = e.checkpoint_id
      WHERE c.program_id = :programId ORDER BY e.completed_at`,
    { programId },
  );
  return rows.map(toEvaluation);
}

export async function findEvaluationOf(
  sql: Sql,
  checkpointId: string,
  partnershipId: string,
  menteeId: string,
): Promise<CheckpointEvaluation | undefined> {
  const row = await sql.one<EvaluationRow>(
    `SELECT * FROM checkpoint_evaluations WHERE checkpoint_id = :checkpointId AND partnership_id = :partnershipId AND mentee_id = :menteeId`,
    { checkpointId, partnershipId, menteeId },
  );
  return row && toEvaluation(row);
}

export async function insertEvaluation(
  sql: Sql,
  e: Omit<CheckpointEvaluation, 'id' | 'completedAt'>,
  now: number,
): Promise<CheckpointEvaluation> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO checkpoint_evaluations (id, checkpoint_id, partnership_id, mentee_id, mentor_id, rating, summary, completed_at)
     VALUES (:id, :checkpointId, :partnershipId, :menteeId, :mentorId, :rating, :summary, :now)`,
    { ...e, id, now },
  );
  return { ...e, id, completedAt: time.iso(now) };
}
