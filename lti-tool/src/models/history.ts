/** A partnership's life for staff (who was in it and when, pauses, its end) and the nudges staff send. */
import crypto from 'node:crypto';
import type { MemberRole, Nudge, PartnershipEvent, PartnershipEventKind } from '@mentoring/shared';
import { time, type Sql } from '../db/sql.ts';

export async function insertEvent(
  sql: Sql,
  e: {
    partnershipId: string;
    kind: PartnershipEventKind;
    byId: string | null;
    personId?: string | null;
    role?: MemberRole | null;
    reason?: string | null;
  },
  now: number,
) {
  await sql.run(
    `INSERT INTO partnership_events (partnership_id, kind, by_id, person_id, role, reason, at)
     VALUES (:partnershipId, :kind, :byId, :personId, :role, :reason, :now)`,
    { personId: null, role: null, reason: null, ...e, now },
  );
}

export async function eventsOf(sql: Sql, partnershipId: string): Promise<PartnershipEvent[]> {
  const rows = await sql.all<{
    at: number | string;
    kind: PartnershipEventKind;
    by_id: string | null;
    by_name: string | null;
    person_id: string | null;
    name: string | null;
    role: MemberRole | null;
    reason: string | null;
  }>(
    `SELECT e.at, e.kind, e.by_id, b.name AS by_name, e.person_id, p.name, e.role, e.reason
       FROM partnership_events e LEFT JOIN people b ON b.id = e.by_id LEFT JOIN people p ON p.id = e.person_id
      WHERE e.partnership_id = :partnershipId ORDER BY e.at, e.id`,
    { partnershipId },
  );
  return rows.map((r) => ({
    at: time.iso(r.at),
    kind: r.kind,
    byId: r.by_id,
    byName: r.by_name,
    personId: r.person_id,
    name: r.name,
    role: r.role,
    reason: r.reason,
  }));
}

export async function insertNudge(sql: Sql, partnershipId: string, sentById: string, now: number): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO nudges (id, partnership_id, sent_by_id, sent_at, delivered_at) VALUES (:id, :partnershipId, :sentById, :now, NULL)`,
    { id, partnershipId, sentById, now },
  );
  await insertEvent(sql, { partnershipId, kind: 'nudged', byId: sentById }, now);
  return id;
}

/** The nudge reached the pair as notices. */
export async function markNudgeDelivered(sql: Sql, id: string, now: number): Promise<void> {
  await sql.run('UPDATE nudges SET delivered_at = :now WHERE id = :id', { id, now });
}

/** Newest first. */
export async function nudgesOf(sql: Sql, partnershipId: string): Promise<Nudge[]> {
  const rows = await sql.all<{
    id: string;
    partnership_id: string;
    sent_by_id: string;
    name: string;
    sent_at: number | string;
    delivered_at: number | string | null;
  }>(
    `SELECT n.id, n.partnership_id, n.sent_by_id, p.name, n.sent_at, n.delivered_at
       FROM nudges n JOIN people p ON p.id = n.sent_by_id
      WHERE n.partnership_id = :partnershipId ORDER BY n.sent_at DESC`,
    { partnershipId },
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    sentById: r.sent_by_id,
    sentByName: r.name,
    sentAt: time.iso(r.sent_at),
    deliveredAt: time.isoOrNull(r.delivered_at),
  }));
}
