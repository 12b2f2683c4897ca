/** Reflection prompts and the responses to them. */
import crypto from 'node:crypto';
import type { Prompt, PromptStatus } from '@mentoring/shared';
import { time, type Sql } from '../db/sql.ts';

interface PromptRow {
  id: string;
  partnership_id: string;
  author_id: string;
  question: string;
  clip_id: string | null;
  goal_id: string | null;
  response: string | null;
  responded_at: number | string | null;
  status: PromptStatus;
  created_at: number | string;
}

const toPrompt = (r: PromptRow): Prompt => ({
  id: r.id,
  partnershipId: r.partnership_id,
  authorId: r.author_id,
  question: r.question,
  clipId: r.clip_id,
  goalId: r.goal_id,
  response: r.response,
  respondedAt: time.isoOrNull(r.responded_at),
  status: r.status,
  createdAt: time.iso(r.created_at),
});

/** Newest first. */
export async function promptsOf(sql: Sql, partnershipId: string): Promise<Prompt[]> {
  const rows = await sql.all<PromptRow>(
    'SELECT * FROM prompts WHERE partnership_id = :partnershipId ORDER BY created_at DESC',
    { partnershipId },
  );
  return rows.map(toPrompt);
}

export async function findPrompt(sql: Sql, id: string): Promise<Prompt | undefined> {
  const row = await sql.one<PromptRow>('SELECT * FROM prompts WHERE id = :id', { id });
  return row && toPrompt(row);
}

/** Inserts an open prompt (with the client's id when it made one) and answers it as stored. */
export async function insertPrompt(
  sql: Sql,
  p: {
    id?: string;
    partnershipId: string;
    authorId: string;
    question: string;
    clipId: string | null;
    goalId: string | null;
  },
  now: number,
): Promise<Prompt> {
  const row: PromptRow = {
    id: p.id ?? crypto.randomUUID(),
    partnership_id: p.partnershipId,
    author_id: p.authorId,
    question: p.question,
    clip_id: p.clipId,
    goal_id: p.goalId,
    response: null,
    responded_at: null,
    status: 'open',
    created_at: now,
  };
  await sql.run(
    `INSERT INTO prompts (id, partnership_id, author_id, question, clip_id, goal_id, response, responded_at, status, created_at, updated_at)
     VALUES (:id, :partnership_id, :author_id, :question, :clip_id, :goal_id, NULL, NULL, 'open', :created_at, :created_at)`,
    { ...row },
  );
  return toPrompt(row);
}

/** The partnership's prompts in the given states, newest first. */
export async function promptsWithStatus(sql: Sql, partnershipId: string, statuses: PromptStatus[]): Promise<Prompt[]> {
  const rows = await sql.all<PromptRow>(
    'SELECT * FROM prompts WHERE partnership_id = :partnershipId AND status IN (:statuses) ORDER BY created_at DESC',
    { partnershipId, statuses },
  );
  return rows.map(toPrompt);
}

export async function updatePromptRow(
  sql: Sql,
  id: string,
  change: Partial<{ question: string; response: string; respondedAt: number; status: PromptStatus }>,
  now: number,
) {
  const sets = ['updated_at = :now'];
  if (change.question !== undefined) sets.push('question = :question');
  if (change.response !== undefined) sets.push('response = :response');
  if (change.respondedAt !== undefined) sets.push('responded_at = :respondedAt');
  if (change.status !== undefined) sets.push('status = :status');
  await sql.run(`UPDATE prompts SET ${sets.join(', ')} WHERE id = :id`, { ...change, id, now });
}
