/** Partnerships and their members. */
import crypto from 'node:crypto';
import {
  DEFAULT_AGREEMENT,
  type Agreement,
  type Member,
  type MemberRole,
  type Partnership,
  type PartnershipKind,
  type PartnershipStatus,
} from '@mentoring/shared';
import { groupBy, json, time, type Sql } from '../db/sql.ts';
import { insertEvent } from './history.ts';

interface PartnershipRow {
  id: string;
  program_id: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  agreement: string;
  agreement_version: number | string;
  created_by_id: string;
  created_at: number | string;
  closed_at: number | string | null;
}

interface MemberRow {
  partnership_id: string;
  person_id: string;
  name: string;
  role: MemberRole;
  invitation: Member['invitation'];
}

interface ConversationTimes {
  partnership_id: string;
  last_held: number | string | null;
  next_id: string | null;
  next_at: number | string | null;
}

/** A partnership as stored, with the program it belongs to (never sent to clients). */
export type StoredPartnership = Partnership & { programId: string };

async function assemble(sql: Sql, rows: PartnershipRow[]): Promise<StoredPartnership[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [members, times] = await Promise.all([
    sql.all<MemberRow>(
      `SELECT m.partnership_id, m.person_id, p.name, m.role, m.invitation
         FROM partnership_members m JOIN people p ON p.id = m.person_id
        WHERE m.partnership_id IN (:ids) ORDER BY m.created_at, p.name`,
      { ids },
    ),
    conversationTimes(sql, ids),
  ]);
  const membersOf = groupBy(members, (m) => m.partnership_id);
  return rows.map((r) => {
    const t = times.get(r.id);
    return {
      id: r.id,
      programId: r.program_id,
      kind: r.kind,
      status: r.status,
      agreement: { ...DEFAULT_AGREEMENT, ...json.read<Partial<Agreement>>(r.agreement, {}) },
      agreementVersion: Number(r.agreement_version),
      createdById: r.created_by_id,
      createdAt: time.iso(r.created_at),
      closedAt: time.isoOrNull(r.closed_at),
      members: (membersOf.get(r.id) ?? []).map((m) => ({
        personId: m.person_id,
        name: m.name,
        role: m.role,
        invitation: m.invitation,
      })),
      lastConversationAt: time.isoOrNull(t?.last_held ?? null),
      nextConversation: t?.next_id ? { id: t.next_id, scheduledFor: time.iso(t.next_at) } : null,
    };
  });
}

/** The last held and the next scheduled conversation of each partnership. */
async function conversationTimes(sql: Sql, ids: string[]): Promise<Map<string, ConversationTimes>> {
  const rows = await sql.all<{
    partnership_id: string;
    id: string;
    scheduled_for: number | string;
    held_at: number | string | null;
  }>(`SELECT partnership_id, id, scheduled_for, held_at FROM conversations WHERE partnership_id IN (:ids)`, { ids });
  const out = new Map<string, ConversationTimes>();
  for (const r of rows) {
    const t = out.get(r.partnership_id) ?? {
      partnership_id: r.partnership_id,
      last_held: null,
      next_id: null,
      next_at: null,
    };
    if (r.held_at !== null) {
      if (t.last_held === null || Number(r.held_at) > Number(t.last_held)) t.last_held = r.held_at;
    } else if (t.next_at === null || Number(r.scheduled_for) < Number(t.next_at)) {
      t.next_id = r.id;
      t.next_at = r.scheduled_for;
    }
    out.set(r.partnership_id, t);
  }
  return out;
}

export async function findPartnership(sql: Sql, id: string): Promise<StoredPartnership | undefined> {
  const rows = await sql.all<PartnershipRow>('SELECT * FROM partnerships WHERE id = :id', { id });
  return (await assemble(sql, rows))[0];
}

export async function partnershipsOfPerson(
  sql: Sql,
  programId: string,
  personId: string,
): Promise<StoredPartnership[]> {
  const rows = await sql.all<PartnershipRow>(
    `SELECT p.* FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id
      WHERE p.program_id = :programId AND m.person_id = :personId ORDER BY p.created_at DESC`,
    { programId, personId },
  );
  return assemble(sql, rows);
}

/** Every partnership of the program, newest first: for the report, which covers them all; lists page instead. */
export async function partnershipsOfProgram(sql: Sql, programId: string): Promise<StoredPartnership[]> {
  const rows = await sql.all<PartnershipRow>(
    'SELECT * FROM partnerships WHERE program_id = :programId ORDER BY created_at DESC, id DESC',
    { programId },
  );
  return assemble(sql, rows);
}

/** Where a page starts: after this partnership in newest-first order. */
export interface PageCursor {
  createdAt: number;
  id: string;
}

export const pageCursor = {
  write: (c: PageCursor): string => Buffer.from(`${c.createdAt}.${c.id}`).toString('base64url'),
  /** Undefined when the text is not a cursor this list wrote. */
  read(text: string): PageCursor | undefined {
    const m = /^(\d{1,15})\.(.{1,64})$/s.exec(Buffer.from(text, 'base64url').toString('utf8'));
    return m ? { createdAt: Number(m[1]), id: m[2]! } : undefined;
  },
};

export interface PartnershipPageQuery {
  programId: string;
  /** Only partnerships this person is a member of and has not declined. */
  memberId?: string;
  status?: PartnershipStatus;
  /** Part of any member's name, case aside. */
  name?: string;
  /** The shared `isQuiet` rule, as SQL: `quietAfterDays` and `now` say when. */
  quiet?: { quiet: boolean; quietAfterDays: number; now: number };
  after?: PageCursor;
  limit: number;
}

const DAY = 86_400_000;

/**
 * `isQuiet` of shared/src/rules/activity.ts on one partnership row `p`: active, no conversation
 * scheduled from now on (the earliest not held is in the past, or there is none), and the last one
 * held (or the start) longer ago than the program allows.
 */
const QUIET = `(p.status = 'active'
  AND COALESCE((SELECT MIN(c.scheduled_for) FROM conversations c WHERE c.partnership_id = p.id AND c.held_at IS NULL), 0) < :now
  AND COALESCE((SELECT MAX(c.held_at) FROM conversations c WHERE c.partnership_id = p.id), p.created_at) < :quietSince)`;

function pageConditions(q: Omit<PartnershipPageQuery, 'limit'>) {
  const where = ['p.program_id = :programId'];
  const params: Record<string, unknown> = { programId: q.programId };
  if (q.memberId) {
    where.push(`EXISTS (SELECT 1 FROM partnership_members me
      WHERE me.partnership_id = p.id AND me.person_id = :memberId AND me.invitation <> 'declined')`);
    params.memberId = q.memberId;
  }
  if (q.status) {
    where.push('p.status = :status');
    params.status = q.status;
  }
  if (q.name) {
    // People first, then their partnerships by the members' person index: no walk over every member.
    where.push(`p.id IN (SELECT mn.partnership_id FROM partnership_members mn WHERE mn.person_id IN
      (SELECT pe.id FROM people pe WHERE LOWER(pe.name) LIKE :name ESCAPE '!'))`);
    params.name = `%${q.name.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
  }
  if (q.quiet) {
    where.push(q.quiet.quiet ? QUIET : `NOT ${QUIET}`);
    params.now = q.quiet.now;
    params.quietSince = q.quiet.now - q.quiet.quietAfterDays * DAY;
  }
  if (q.after) {
    // A row-value comparison is one range of the (program, time, id) index on SQLite and PostgreSQL alike.
    where.push('(p.created_at, p.id) < (:afterAt, :afterId)');
    params.afterAt = q.after.createdAt;
    params.afterId = q.after.id;
  }
  return { where: where.join(' AND '), params };
}

/**
 * One page of a program's partnerships, newest first (ties by id), and the cursor of the next page.
 * Each page reads its own rows and their members and conversations, nothing more: the cost follows
 * the page, not the program.
 */
export async function partnershipPage(
  sql: Sql,
  q: PartnershipPageQuery,
): Promise<{ partnerships: StoredPartnership[]; next: PageCursor | null }> {
  const { where, params } = pageConditions(q);
  const rows = await sql.all<PartnershipRow>(
    `SELECT p.* FROM partnerships p WHERE ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT :limit`,
    { ...params, limit: q.limit + 1 },
  );
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return {
    partnerships: await assemble(sql, page),
    next: more && last ? { createdAt: Number(last.created_at), id: last.id } : null,
  };
}

/**
 * How many partnerships a program has, and how many of them are quiet (`QUIET`, with each
 * partnership's conversation times aggregated once for the program instead of looked up per row).
 */
export async function partnershipCounts(
  sql: Sql,
  programId: string,
  quiet: { quietAfterDays: number; now: number },
): Promise<{ partnerships: number; quiet: number }> {
  const row = await sql.one<{ n: number | string; quiet: number | string | null }>(
    `SELECT COUNT(*) AS n,
            SUM(CASE WHEN p.status = 'active' AND COALESCE(t.next_at, 0) < :now
                      AND COALESCE(t.last_held, p.created_at) < :quietSince THEN 1 ELSE 0 END) AS quiet
       FROM partnerships p
       LEFT JOIN (SELECT c.partnership_id, MIN(CASE WHEN c.held_at IS NULL THEN c.scheduled_for END) AS next_at,
                         MAX(c.held_at) AS last_held
                    FROM conversations c JOIN partnerships cp ON cp.id = c.partnership_id
                   WHERE cp.program_id = :programId GROUP BY c.partnership_id) t ON t.partnership_id = p.id
      WHERE p.program_id = :programId`,
    { programId, now: quiet.now, quietSince: quiet.now - quiet.quietAfterDays * DAY },
  );
  return { partnerships: Number(row?.n ?? 0), quiet: Number(row?.quiet ?? 0) };
}

export async function insertPartnership(
  sql: Sql,
  p: {
    programId: string;
    kind: PartnershipKind;
    status: PartnershipStatus;
    agreement: Agreement;
    createdById: string;
    members: Array<{ personId: string; role: MemberRole; invitation: Member['invitation'] }>;
  },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO partnerships (id, program_id, kind, status, agreement, created_by_id, created_at, updated_at)
     VALUES (:id, :programId, :kind, :status, :agreement, :createdById, :now, :now)`,
    { ...p, id, agreement: json.write(p.agreement), now },
  );
  await insertEvent(sql, { partnershipId: id, kind: 'formed', byId: p.createdById }, now);
  for (const m of p.members) await addMember(sql, id, m, null, now);
  return id;
}

/** Adds a member and records when they joined (and who added them, when staff did). */
export async function addMember(
  sql: Sql,
  partnershipId: string,
  m: { personId: string; role: MemberRole; invitation: Member['invitation'] },
  byId: string | null,
  now: number,
) {
  await sql.run(
    `INSERT INTO partnership_members (partnership_id, person_id, role, invitation, created_at) VALUES (:partnershipId, :personId, :role, :invitation, :now)`,
    { ...m, partnershipId, now },
  );
  await insertEvent(sql, { partnershipId, kind: 'member-joined', byId, personId: m.personId, role: m.role }, now);
}

export async function removeMember(
  sql: Sql,
  partnershipId: string,
  personId: string,
  role: MemberRole,
  byId: string,
  now: number,
) {
  await sql.run('DELETE FROM partnership_members WHERE partnership_id = :partnershipId AND person_id = :personId', {
    partnershipId,
    personId,
  });
  await insertEvent(sql, { partnershipId, kind: 'member-left', byId, personId, role }, now);
}

export async function setMemberRole(
  sql: Sql,
  partnershipId: string,
  personId: string,
  role: MemberRole,
  byId: string,
  now: number,
) {
  await sql.run(
    'UPDATE partnership_members SET role = :role WHERE partnership_id = :partnershipId AND person_id = :personId',
    {
      partnershipId,
      personId,
      role,
    },
  );
  await insertEvent(sql, { partnershipId, kind: 'role-changed', byId, personId, role }, now);
}

export async function updatePartnershipRow(
  sql: Sql,
  id: string,
  change: { status?: PartnershipStatus; agreement?: Agreement; closedAt?: number | null },
  now: number,
  /** With an agreement: the version it was edited on; the write changes nothing when the stored one is newer. */
  agreementVersion?: number,
): Promise<number> {
  const sets = ['updated_at = :now'];
  const where = ['id = :id'];
  if (change.status) sets.push('status = :status');
  if (change.agreement) sets.push('agreement = :agreement', 'agreement_version = agreement_version + 1');
  if (change.agreement && agreementVersion !== undefined) where.push('agreement_version = :agreementVersion');
  if (change.closedAt !== undefined) sets.push('closed_at = :closedAt');
  // RETURNING tells how many rows changed on every dialect (SQLite's driver does not for UPDATE).
  const changed = await sql.all<{ id: string }>(
    `UPDATE partnerships SET ${sets.join(', ')} WHERE ${where.join(' AND ')} RETURNING id`,
    {
      id,
      now,
      status: change.status,
      agreement: change.agreement ? json.write(change.agreement) : undefined,
      closedAt: change.closedAt,
      agreementVersion,
    },
  );
  return changed.length;
}

export async function setInvitation(
  sql: Sql,
  partnershipId: string,
  personId: string,
  invitation: Member['invitation'],
) {
  await sql.run(
    'UPDATE partnership_members SET invitation = :invitation WHERE partnership_id = :partnershipId AND person_id = :personId',
    {
      partnershipId,
      personId,
      invitation,
    },
  );
}

/** Without the program id, for answers. */
export function publicPartnership(p: StoredPartnership): Partnership {
  const { programId: _programId, ...rest } = p;
  return rest;
}
