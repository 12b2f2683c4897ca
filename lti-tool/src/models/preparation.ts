/**
 * What the mentor's preparation reads besides clips and prompts: the next conversation with the
 * viewer's own private note, the commitments still open, and the open resource requests. A private
 * note is only read joined on the viewer's id, so nobody else's can leak into an answer.
 */
import type { AgendaItem, Commitment, Conversation } from '@mentoring/shared';
import { bool, json, time, type Sql } from '../db/sql.ts';

interface ConversationRow {
  id: string;
  partnership_id: string;
  scheduled_for: number | string;
  held_at: number | string | null;
  agenda: string;
  shared_notes: string;
  private_note: string | null;
}

interface CommitmentRow {
  id: string;
  conversation_id: string;
  text: string;
  goal_id: string | null;
  due_on: string | null;
  action_id: string | null;
  done: unknown;
}

const toCommitment = (r: CommitmentRow): Commitment => ({
  id: r.id,
  conversationId: r.conversation_id,
  text: r.text,
  goalId: r.goal_id,
  dueOn: r.due_on,
  actionId: r.action_id,
  done: bool(r.done),
});

/**
 * One conversation as `viewerId` sees it, and the partnership's commitments from held
 * conversations that are not done, oldest first: two queries for both.
 */
export async function conversationAndCommitmentsDue(
  sql: Sql,
  p: { partnershipId: string; conversationId: string | null; viewerId: string },
): Promise<{ conversation: Conversation | null; commitmentsDue: Commitment[] }> {
  const [row] = p.conversationId
    ? await sql.all<ConversationRow>(
        `SELECT c.id, c.partnership_id, c.scheduled_for, c.held_at, c.agenda, c.shared_notes, n.note AS private_note
           FROM conversations c LEFT JOIN private_notes n ON n.conversation_id = c.id AND n.person_id = :viewerId
          WHERE c.id = :conversationId`,
        p,
      )
    : [];
  const commitments = await sql.all<CommitmentRow & { held_at: number | string | null }>(
    `SELECT m.id, m.conversation_id, m.text, m.goal_id, m.due_on, m.action_id, m.done, c.held_at
       FROM commitments m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.partnership_id = :partnershipId
        AND ((c.held_at IS NOT NULL AND m.done = :no) OR m.conversation_id = :conversationId)
      ORDER BY c.held_at, m.created_at`,
    { ...p, conversationId: row?.id ?? null, no: false },
  );
  const conversation: Conversation | null = row
    ? {
        id: row.id,
        partnershipId: row.partnership_id,
        scheduledFor: time.iso(row.scheduled_for),
        heldAt: time.isoOrNull(row.held_at),
        agenda: json.read<AgendaItem[]>(row.agenda, []),
        sharedNotes: row.shared_notes,
        privateNote: row.private_note ?? '',
        commitments: commitments.filter((c) => c.conversation_id === row.id).map(toCommitment),
      }
    : null;
  return {
    conversation,
    commitmentsDue: commitments.filter((c) => c.held_at !== null && !bool(c.done)).map(toCommitment),
  };
}

export async function openRequestCount(sql: Sql, partnershipId: string): Promise<number> {
  const row = await sql.one<{ n: number | string }>(
    "SELECT COUNT(*) AS n FROM resource_requests WHERE partnership_id = :partnershipId AND status = 'open'",
    { partnershipId },
  );
  return Number(row?.n ?? 0);
}
