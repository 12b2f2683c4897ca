/**
 * Conversations, each member's private note on them, and the commitments made in them. A private
 * note is only ever read joined on the viewer's own id, so no query here can hand out someone
 * else's.
 */
import crypto from 'node:crypto';
import type { AgendaItem, Commitment, Conversation } from '@mentoring/shared';
import { groupBy, bool, json, time, type Sql } from '../db/sql.ts';

export interface ConversationRow {
  id: string;
  partnership_id: string;
  scheduled_for: number | string;
  duration_minutes: number | string;
  place: string;
  video_url: string | null;
  time_zone: string | null;
  held_at: number | string | null;
  version: number | string;
  agenda: string;
  shared_notes: string;
  private_note: string | null;
}

export interface CommitmentRow {
  id: string;
  conversation_id: string;
  text: string;
  goal_id: string | null;
  due_on: string | null;
  action_id: string | null;
  done: unknown;
}

export const toCommitment = (r: CommitmentRow): Commitment => ({
  id: r.id,
  conversationId: r.conversation_id,
  text: r.text,
  goalId: r.goal_id,
  dueOn: r.due_on,
  actionId: r.action_id,
  done: bool(r.done),
});

/** A conversation row with the commitments made in it (those of this conversation only). */
export const toConversation = (r: ConversationRow, commitments: CommitmentRow[]): Conversation => ({
  id: r.id,
  partnershipId: r.partnership_id,
  scheduledFor: time.iso(r.scheduled_for),
  durationMinutes: Number(r.duration_minutes),
  place: r.place,
  videoUrl: r.video_url,
  timeZone: r.time_zone,
  heldAt: time.isoOrNull(r.held_at),
  version: Number(r.version),
  agenda: json.read<AgendaItem[]>(r.agenda, []),
  sharedNotes: r.shared_notes,
  privateNote: r.private_note ?? '',
  commitments: commitments.map(toCommitment),
});

export const SELECT_WITH_OWN_NOTE = `SELECT c.id, c.partnership_id, c.scheduled_for, c.duration_minutes, c.place, c.video_url, c.time_zone,
       c.held_at, c.version, c.agenda, c.shared_notes, n.note AS private_note
    FROM conversations c LEFT JOIN private_notes n ON n.conversation_id = c.id AND n.person_id = :viewerId`;

async function assemble(sql: Sql, rows: ConversationRow[]): Promise<Conversation[]> {
  if (!rows.length) return [];
  const commitments = await sql.all<CommitmentRow>(
    'SELECT * FROM commitments WHERE conversation_id IN (:ids) ORDER BY created_at',
    {
      ids: rows.map((r) => r.id),
    },
  );
  const commitmentsOf = groupBy(commitments, (c) => c.conversation_id);
  return rows.map((r) => toConversation(r, commitmentsOf.get(r.id) ?? []));
}

/** The partnership's conversations as `viewerId` may see them: coming ones first, soonest first; then held ones, latest first. */
export async function conversationsOf(sql: Sql, partnershipId: string, viewerId: string): Promise<Conversation[]> {
  const rows = await sql.all<ConversationRow>(
    `${SELECT_WITH_OWN_NOTE} WHERE c.partnership_id = :partnershipId
      ORDER BY CASE WHEN c.held_at IS NULL THEN 0 ELSE 1 END, CASE WHEN c.held_at IS NULL THEN c.scheduled_for ELSE -c.held_at END`,
    { partnershipId, viewerId },
  );
  return assemble(sql, rows);
}

export async function findConversation(sql: Sql, id: string, viewerId: string): Promise<Conversation | undefined> {
  const rows = await sql.all<ConversationRow>(`${SELECT_WITH_OWN_NOTE} WHERE c.id = :id`, { id, viewerId });
  return (await assemble(sql, rows))[0];
}

export async function insertConversation(
  sql: Sql,
  c: {
    partnershipId: string;
    scheduledFor: number;
    agenda: AgendaItem[];
    durationMinutes: number;
    place: string;
    videoUrl: string | null;
    timeZone: string | null;
  },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO conversations (id, partnership_id, scheduled_for, duration_minutes, place, video_url, time_zone, held_at, version, agenda, shared_notes, created_at, updated_at)
     VALUES (:id, :partnershipId, :scheduledFor, :durationMinutes, :place, :videoUrl, :timeZone, NULL, 1, :agenda, '', :now, :now)`,
    { ...c, id, agenda: json.write(c.agenda), now },
  );
  return id;
}

export async function updateConversationRow(
  sql: Sql,
  id: string,
  change: Partial<{
    scheduledFor: number;
    sharedNotes: string;
    heldAt: number | null;
    agenda: AgendaItem[];
    durationMinutes: number;
    place: string;
    videoUrl: string | null;
    timeZone: string | null;
  }>,
  now: number,
  /** With the agenda or shared notes: the version they were edited on; nothing changes when the stored one is newer. */
  version?: number,
): Promise<number> {
  const sets = ['updated_at = :now'];
  const where = ['id = :id'];
  const columns = {
    scheduledFor: 'scheduled_for',
    sharedNotes: 'shared_notes',
    heldAt: 'held_at',
    agenda: 'agenda',
    durationMinutes: 'duration_minutes',
    place: 'place',
    videoUrl: 'video_url',
    timeZone: 'time_zone',
  } as const;
  for (const [key, column] of Object.entries(columns))
    if (change[key as keyof typeof change] !== undefined) sets.push(`${column} = :${key}`);
  const contentChange = change.sharedNotes !== undefined || change.agenda !== undefined;
  if (contentChange) sets.push('version = version + 1');
  if (contentChange && version !== undefined) where.push('version = :version');
  // RETURNING tells how many rows changed on every dialect (SQLite's driver does not for UPDATE).
  const changed = await sql.all<{ id: string }>(
    `UPDATE conversations SET ${sets.join(', ')} WHERE ${where.join(' AND ')} RETURNING id`,
    {
      ...change,
      agenda: change.agenda && json.write(change.agenda),
      id,
      now,
      version,
    },
  );
  return changed.length;
}

/** Whether anyone wrote a private note on the conversation. */
export async function hasPrivateNotes(sql: Sql, conversationId: string): Promise<boolean> {
  const row = await sql.one<{ n: number | string }>(
    "SELECT COUNT(*) AS n FROM private_notes WHERE conversation_id = :conversationId AND note <> ''",
    { conversationId },
  );
  return Number(row?.n ?? 0) > 0;
}

/** Removes a conversation that holds nothing written (its empty private notes with it). */
export async function deleteConversationRow(sql: Sql, id: string): Promise<number> {
  await sql.run('DELETE FROM private_notes WHERE conversation_id = :id', { id });
  return sql.run('DELETE FROM conversations WHERE id = :id AND held_at IS NULL', { id });
}

export async function writePrivateNote(sql: Sql, conversationId: string, personId: string, note: string, now: number) {
  await sql.run(
    `INSERT INTO private_notes (conversation_id, person_id, note, updated_at) VALUES (:conversationId, :personId, :note, :now)
     ON CONFLICT (conversation_id, person_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
    { conversationId, personId, note, now },
  );
}

export async function insertCommitment(
  sql: Sql,
  c: { conversationId: string; text: string; goalId: string | null; dueOn: string | null; actionId: string | null },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO commitments (id, conversation_id, text, goal_id, due_on, action_id, done, created_at)
     VALUES (:id, :conversationId, :text, :goalId, :dueOn, :actionId, :no, :now)`,
    { ...c, id, no: false, now },
  );
  return id;
}

/** A commitment with the partnership it was made in. */
export async function findCommitment(
  sql: Sql,
  id: string,
): Promise<(Commitment & { partnershipId: string }) | undefined> {
  const row = await sql.one<CommitmentRow & { partnership_id: string }>(
    `SELECT m.*, c.partnership_id FROM commitments m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = :id`,
    { id },
  );
  return row && { ...toCommitment(row), partnershipId: row.partnership_id };
}

export async function setCommitmentDone(sql: Sql, id: string, done: boolean) {
  await sql.run('UPDATE commitments SET done = :done WHERE id = :id', { id, done });
}

/** Keeps a commitment in step when the goal action it became is ticked off on the goal. */
export async function setCommitmentDoneByAction(sql: Sql, actionId: string, done: boolean) {
  await sql.run('UPDATE commitments SET done = :done WHERE action_id = :actionId', { actionId, done });
}

/** Commitments of held conversations not yet done: what the next conversation picks up, oldest first. */
export async function commitmentsDueOf(sql: Sql, partnershipId: string): Promise<Commitment[]> {
  const rows = await sql.all<CommitmentRow>(
    `SELECT m.* FROM commitments m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.partnership_id = :partnershipId AND c.held_at IS NOT NULL AND m.done = :no
      ORDER BY c.held_at, m.created_at`,
    { partnershipId, no: false },
  );
  return rows.map(toCommitment);
}
