/** Resource requests: a mentee's question for just-in-time help, and the answer (docs/design.md, principle 7). */
import crypto from 'node:crypto';
import type { ResourceRequest } from '@mentoring/shared';
import { json, time, type Sql } from '../db/sql.ts';

interface RequestRow {
  id: string;
  partnership_id: string;
  asked_by_id: string;
  question: string;
  status: ResourceRequest['status'];
  answer: string | null;
  created_at: number | string;
}

type StoredAnswer = Omit<NonNullable<ResourceRequest['answer']>, 'answeredAt'> & { answeredAt: number };

const toRequest = (r: RequestRow): ResourceRequest => {
  const answer = json.read<StoredAnswer | null>(r.answer, null);
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    askedById: r.asked_by_id,
    question: r.question,
    status: r.status,
    answer: answer && { ...answer, answeredAt: time.iso(answer.answeredAt) },
    createdAt: time.iso(r.created_at),
  };
};

/** Open ones first, then newest first. */
export async function requestsOf(sql: Sql, partnershipId: string): Promise<ResourceRequest[]> {
  const rows = await sql.all<RequestRow>(
    `SELECT * FROM resource_requests WHERE partnership_id = :partnershipId
      ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, created_at DESC`,
    { partnershipId },
  );
  return rows.map(toRequest);
}

export async function findRequest(sql: Sql, id: string): Promise<ResourceRequest | undefined> {
  const row = await sql.one<RequestRow>('SELECT * FROM resource_requests WHERE id = :id', { id });
  return row && toRequest(row);
}

export async function insertRequest(
  sql: Sql,
  r: { partnershipId: string; askedById: string; question: string },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO resource_requests (id, partnership_id, asked_by_id, question, status, answer, created_at, updated_at)
     VALUES (:id, :partnershipId, :askedById, :question, 'open', NULL, :now, :now)`,
    { ...r, id, now },
  );
  return id;
}

export async function answerRequestRow(sql: Sql, id: string, answer: StoredAnswer, now: number) {
  await sql.run(
    `UPDATE resource_requests SET status = 'answered', answer = :answer, updated_at = :now WHERE id = :id`,
    {
      id,
      answer: json.write(answer),
      now,
    },
  );
}
