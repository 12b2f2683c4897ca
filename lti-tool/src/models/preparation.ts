/**
 * What the mentor's preparation reads besides clips and prompts: the next conversation with the
 * viewer's own private note, the commitments still open, and the open resource requests. A private
 * note is only read joined on the viewer's id, so nobody else's can leak into an answer.
 */
import type { Commitment, Conversation } from '@mentoring/shared';
import { bool, type Sql } from '../db/sql.ts';
import {
  SELECT_WITH_OWN_NOTE,
  toCommitment,
  toConversation,
  type CommitmentRow,
  type ConversationRow,
} from './conversations.ts';

/**
 * One conversation as `viewerId` sees it, and the partnership's commitments from held
 * conversations that are not done, oldest first: two queries for both.
 */
export async function conversationAndCommitmentsDue(
  sql: Sql,
  p: { partnershipId: string; conversationId: string | null; viewerId: string },
): Promise<{ conversation: Conversation | null; commitmentsDue: Commitment[] }> {
  const [row] = p.conversationId
    ? await sql.all<ConversationRow>(`${SELECT_WITH_OWN_NOTE} WHERE c.id = :conversationId`, p)
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
    ? toConversation(
        row,
        commitments.filter((c) => c.conversation_id === row.id),
      )
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
