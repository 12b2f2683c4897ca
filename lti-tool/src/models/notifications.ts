/** Notices, the e-mail outbox and each person's delivery choices. */
import crypto from 'node:crypto';
import type { Delivery, Notification, NotificationData, NotificationKind } from '@mentoring/shared';
import { json, time, type Sql } from '../db/sql.ts';

export type MailState = 'none' | 'now' | 'digest' | 'digested';

interface NotificationRow {
  id: string;
  person_id: string;
  program_id: string;
  partnership_id: string | null;
  kind: NotificationKind;
  data: string;
  created_at: number | string;
  read_at: number | string | null;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  partnershipId: r.partnership_id,
  data: json.read<NotificationData>(r.data, {}),
  createdAt: time.iso(r.created_at),
  readAt: time.isoOrNull(r.read_at),
});

export interface NewNotification {
  personId: string;
  programId: string;
  partnershipId: string | null;
  kind: NotificationKind;
  data: NotificationData;
  dedupeKey: string | null;
  mail: MailState;
}

/** Inserts a notice; answers its id, or null when one with the same key was made before. */
export async function insertNotification(sql: Sql, n: NewNotification, now: number): Promise<string | null> {
  const id = crypto.randomUUID();
  const inserted = await sql.run(
    `INSERT INTO notifications (id, person_id, program_id, partnership_id, kind, data, dedupe_key, mail, created_at)
     VALUES (:id, :personId, :programId, :partnershipId, :kind, :data, :dedupeKey, :mail, :now)
     ON CONFLICT (person_id, dedupe_key) DO NOTHING`,
    { ...n, id, data: json.write(n.data), now },
  );
  return inserted ? id : null;
}

/** An unread notice of a kind in a partnership not yet sent by e-mail, to gather a new item into. */
export async function openNotification(
  sql: Sql,
  personId: string,
  partnershipId: string,
  kind: NotificationKind,
): Promise<{ id: string; data: NotificationData } | undefined> {
  const row = await sql.one<{ id: string; data: string }>(
    `SELECT id, data FROM notifications
      WHERE person_id = :personId AND partnership_id = :partnershipId AND kind = :kind
        AND read_at IS NULL AND mail IN ('none', 'digest')
      ORDER BY created_at DESC LIMIT 1`,
    { personId, partnershipId, kind },
  );
  return row && { id: row.id, data: json.read<NotificationData>(row.data, {}) };
}

export async function updateNotificationData(sql: Sql, id: string, data: NotificationData, now: number) {
  await sql.run('UPDATE notifications SET data = :data, created_at = :now WHERE id = :id', {
    id,
    data: json.write(data),
    now,
  });
}

export async function notificationsOf(sql: Sql, personId: string, programId: string, limit = 100) {
  const rows = await sql.all<NotificationRow>(
    `SELECT * FROM notifications WHERE person_id = :personId AND program_id = :programId
      ORDER BY created_at DESC, id LIMIT :limit`,
    { personId, programId, limit },
  );
  const unread = await sql.one<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM notifications
      WHERE person_id = :personId AND program_id = :programId AND read_at IS NULL`,
    { personId, programId },
  );
  return { notifications: rows.map(toNotification), unread: Number(unread?.n ?? 0) };
}

/** Marks the person's own notices read (others' ids match nothing). */
export async function markRead(sql: Sql, personId: string, programId: string, ids: string[] | 'all', now: number) {
  await sql.run(
    `UPDATE notifications SET read_at = :now
      WHERE person_id = :personId AND program_id = :programId AND read_at IS NULL
        ${ids === 'all' ? '' : 'AND id IN (:ids)'}`,
    { personId, programId, now, ids: ids === 'all' ? [] : ids },
  );
}

export async function notificationsByIds(sql: Sql, ids: string[]): Promise<Notification[]> {
  const rows = await sql.all<NotificationRow>('SELECT * FROM notifications WHERE id IN (:ids) ORDER BY created_at', {
    ids,
  });
  return rows.map(toNotification);
}

export async function deliveryChoices(
  sql: Sql,
  personIds: string[],
): Promise<Map<string, Partial<Record<NotificationKind, Delivery>>>> {
  const rows = await sql.all<{ person_id: string; delivery: string }>(
    'SELECT person_id, delivery FROM notification_preferences WHERE person_id IN (:personIds)',
    { personIds },
  );
  return new Map(rows.map((r) => [r.person_id, json.read(r.delivery, {})]));
}

export async function saveDeliveryChoices(
  sql: Sql,
  personId: string,
  delivery: Partial<Record<NotificationKind, Delivery>>,
  now: number,
) {
  await sql.run(
    `INSERT INTO notification_preferences (person_id, delivery, updated_at) VALUES (:personId, :delivery, :now)
     ON CONFLICT (person_id) DO UPDATE SET delivery = :delivery, updated_at = :now`,
    { personId, delivery: json.write(delivery), now },
  );
}

export async function emailsOf(sql: Sql, personIds: string[]): Promise<Map<string, string>> {
  const rows = await sql.all<{ id: string; email: string | null }>(
    'SELECT id, email FROM people WHERE id IN (:personIds)',
    {
      personIds,
    },
  );
  return new Map(rows.filter((r) => r.email).map((r) => [r.id, r.email!]));
}

export interface OutboxEntry {
  personId: string;
  programId: string;
  notificationIds: string[];
  digest: boolean;
  dedupeKey: string | null;
}

/** Queues an e-mail; answers whether it was queued (a digest's key is used once). */
export async function enqueueMail(sql: Sql, m: OutboxEntry, now: number): Promise<boolean> {
  const n = await sql.run(
    `INSERT INTO mail_outbox (id, person_id, program_id, notification_ids, digest, dedupe_key, status, attempts, next_attempt_at, created_at)
     VALUES (:id, :personId, :programId, :ids, :digest, :dedupeKey, 'pending', 0, :now, :now)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    { ...m, id: crypto.randomUUID(), ids: json.write(m.notificationIds), now },
  );
  return n > 0;
}

export interface OutboxRow {
  id: string;
  person_id: string;
  program_id: string;
  notification_ids: string;
  digest: boolean | number;
  attempts: number;
}

/** Up to `limit` messages due now whose lease (if any) has run out. */
export async function dueMail(sql: Sql, now: number, limit: number): Promise<OutboxRow[]> {
  return sql.all<OutboxRow>(
    `SELECT id, person_id, program_id, notification_ids, digest, attempts FROM mail_outbox
      WHERE status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
      ORDER BY next_attempt_at, id LIMIT :limit`,
    { now, limit },
  );
}

/**
 * Takes the lease of one message for `owner`: a conditional update, so of two instances that
 * read the same due row only one changes it (the other's update finds the lease taken).
 */
export async function claimMail(sql: Sql, id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
  // RETURNING tells whether the row changed on every dialect (SQLite's driver does not for UPDATE).
  const taken = await sql.all(
    `UPDATE mail_outbox SET lease_owner = :owner, lease_until = :until
      WHERE id = :id AND status = 'pending' AND (lease_until IS NULL OR lease_until < :now) RETURNING id`,
    { id, owner, now, until: now + leaseMs },
  );
  return taken.length === 1;
}

export async function finishMail(
  sql: Sql,
  id: string,
  owner: string,
  outcome: { status: 'sent' | 'dropped' | 'failed' | 'pending'; nextAttemptAt?: number; error?: string },
  now: number,
) {
  await sql.run(
    `UPDATE mail_outbox SET status = :status, lease_owner = NULL, lease_until = NULL,
            attempts = attempts + :tried, next_attempt_at = :next, last_error = :error,
            sent_at = :sentAt
      WHERE id = :id AND lease_owner = :owner`,
    {
      id,
      owner,
      status: outcome.status,
      tried: outcome.status === 'dropped' ? 0 : 1,
      next: outcome.nextAttemptAt ?? now,
      error: outcome.error ?? null,
      sentAt: outcome.status === 'sent' ? now : null,
    },
  );
}

/** Conversations not held that begin within `(now, until]`, of active partnerships. */
export async function conversationsStarting(sql: Sql, now: number, until: number) {
  const rows = await sql.all<{ id: string; partnership_id: string; scheduled_for: number | string }>(
    `SELECT c.id, c.partnership_id, c.scheduled_for FROM conversations c JOIN partnerships p ON p.id = c.partnership_id
      WHERE p.status = 'active' AND c.held_at IS NULL AND c.scheduled_for > :now AND c.scheduled_for <= :until`,
    { now, until },
  );
  return rows.map((r) => ({ id: r.id, partnershipId: r.partnership_id, scheduledFor: Number(r.scheduled_for) }));
}

/** Per active partnership, how many open commitments fall due from `from` to `to` (YYYY-MM-DD). */
export async function commitmentsFallingDue(sql: Sql, from: string, to: string) {
  const rows = await sql.all<{ partnership_id: string; n: number | string }>(
    `SELECT c.partnership_id, COUNT(*) AS n FROM commitments m
       JOIN conversations c ON c.id = m.conversation_id JOIN partnerships p ON p.id = c.partnership_id
      WHERE p.status = 'active' AND m.done = :no AND m.due_on >= :from AND m.due_on <= :to
      GROUP BY c.partnership_id`,
    { from, to, no: false },
  );
  return rows.map((r) => ({ partnershipId: r.partnership_id, count: Number(r.n) }));
}

/**
 * Active partnerships that are quiet by their program's threshold (the shared `isQuiet`, as the
 * staff list reads it), with the moment their quiet stretch began.
 */
export async function quietPartnerships(sql: Sql, now: number) {
  const rows = await sql.all<{ id: string; since: number | string }>(
    `SELECT p.id, COALESCE((SELECT MAX(c.held_at) FROM conversations c WHERE c.partnership_id = p.id), p.created_at) AS since
       FROM partnerships p JOIN programs pr ON pr.id = p.program_id
      WHERE p.status = 'active'
        AND COALESCE((SELECT MIN(c.scheduled_for) FROM conversations c WHERE c.partnership_id = p.id AND c.held_at IS NULL), 0) < :now
        AND COALESCE((SELECT MAX(c.held_at) FROM conversations c WHERE c.partnership_id = p.id), p.created_at)
            < :now - pr.quiet_after_days * :day`,
    { now, day: 86_400_000 },
  );
  return rows.map((r) => ({ partnershipId: r.id, since: Number(r.since) }));
}

/** Whose notices wait for the digest of `moment`. */
export async function digestsWaiting(sql: Sql, moment: number) {
  return sql.all<{ person_id: string; program_id: string }>(
    `SELECT DISTINCT person_id, program_id FROM notifications WHERE mail = 'digest' AND created_at <= :moment`,
    { moment },
  );
}

/** Gathers a person's waiting notices into the digest of `moment`, once however many instances try. */
export async function gatherDigest(sql: Sql, personId: string, programId: string, moment: number, now: number) {
  const rows = await sql.all<{ id: string }>(
    `SELECT id FROM notifications WHERE person_id = :personId AND program_id = :programId
        AND mail = 'digest' AND created_at <= :moment ORDER BY created_at`,
    { personId, programId, moment },
  );
  if (!rows.length) return false;
  const ids = rows.map((r) => r.id);
  const queued = await enqueueMail(
    sql,
    { personId, programId, notificationIds: ids, digest: true, dedupeKey: `digest:${personId}:${programId}:${moment}` },
    now,
  );
  if (queued) await sql.run(`UPDATE notifications SET mail = 'digested' WHERE id IN (:ids)`, { ids });
  return queued;
}

export async function mailRecipient(sql: Sql, personId: string, programId: string) {
  return sql.one<{
    name: string;
    email: string | null;
    title: string;
    platform_name: string | null;
    issuer: string;
    course_url: string | null;
  }>(
    `SELECT pe.name, pe.email, pr.title, pr.platform_name, pr.issuer, pr.course_url FROM people pe, programs pr
      WHERE pe.id = :personId AND pr.id = :programId`,
    { personId, programId },
  );
}

/** How long finished e-mails are kept: what they told stays in the notices; this is for looking into a failure. */
export const FINISHED_MAIL_KEPT_MS = 30 * 86_400_000;
/** How long a read notice is kept; the list shows the newest hundred. */
export const READ_NOTICES_KEPT_MS = 180 * 86_400_000;

/**
 * Deletes finished e-mails (sent, dropped, given up) and read notices past their time; answers how
 * many of each. A quiet partnership's notice stays while it is read: its key keeps the same quiet
 * stretch from being told again, however long it lasts.
 */
export async function pruneNotices(sql: Sql, now: number): Promise<{ mail: number; notices: number }> {
  const mail = await sql.run(
    `DELETE FROM mail_outbox WHERE status IN ('sent', 'dropped', 'failed') AND created_at < :before`,
    { before: now - FINISHED_MAIL_KEPT_MS },
  );
  const notices = await sql.run(
    `DELETE FROM notifications
      WHERE read_at IS NOT NULL AND created_at < :before AND (dedupe_key IS NULL OR dedupe_key NOT LIKE 'quiet:%')`,
    { before: now - READ_NOTICES_KEPT_MS },
  );
  return { mail, notices };
}
