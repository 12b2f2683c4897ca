/**
 * Staff steer a partnership's life: pause, resume, end (with a reason kept for staff, never
 * coaching content), change its members or re-match it, and nudge a quiet pair. Every step is
 * recorded, so staff can tell who was in a partnership and when. Staff never read its content.
 */
import {
  canReadContent,
  type ChangeMembers,
  type Nudge,
  type PartnershipHistory,
  type PartnershipLifecycle,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { eventsOf, insertEvent, insertNudge, markNudgeDelivered, nudgesOf } from '../models/history.ts';
import { findProgram } from '../models/programs.ts';
import {
  addMember,
  findPartnership,
  removeMember,
  setMemberRole,
  updatePartnershipRow,
  type StoredPartnership,
} from '../models/partnerships.ts';
import { conflict, notFound } from './errors.ts';
import type { App } from './app.ts';
import { checkMembers, checkShape } from './partnerships.ts';
import { notifyPartnership } from './notifications.ts';

async function programPartnership(app: App, principal: Principal, id: string): Promise<StoredPartnership> {
  const p = await findPartnership(app.sql, id);
  if (!p || p.programId !== principal.programId) throw notFound('The partnership');
  return p;
}

export async function partnershipHistory(app: App, principal: Principal, id: string): Promise<PartnershipHistory> {
  const p = await programPartnership(app, principal, id);
  return { partnershipId: p.id, status: p.status, events: await eventsOf(app.sql, p.id) };
}

const ALLOWED_FROM = {
  pause: ['active'],
  resume: ['paused'],
  end: ['active', 'paused', 'invited'],
} as const;

export async function changeLifecycle(
  app: App,
  principal: Principal,
  id: string,
  body: PartnershipLifecycle,
): Promise<PartnershipHistory> {
  const p = await programPartnership(app, principal, id);
  if (!(ALLOWED_FROM[body.action] as readonly string[]).includes(p.status))
    throw conflict(
      /*i18n*/ {
        id: 'refusal.lifecycle.not-now',
        message:
          '{action, select, pause {Only an active partnership can be paused.} resume {Only a paused partnership can be resumed.} other {This partnership has already ended or was declined.}}',
        values: { action: body.action },
      },
    );
  const now = app.clock.now();
  const status = body.action === 'pause' ? 'paused' : body.action === 'resume' ? 'active' : 'closed';
  const kind = body.action === 'pause' ? 'paused' : body.action === 'resume' ? 'resumed' : 'ended';
  await app.sql.tx(async (sql) => {
    await updatePartnershipRow(sql, id, { status, ...(status === 'closed' && { closedAt: now }) }, now);
    await insertEvent(sql, { partnershipId: id, kind, byId: principal.personId, reason: body.reason || null }, now);
  });
  return partnershipHistory(app, principal, id);
}

/**
 * The new member list replaces the old: who leaves loses access at once (their past clips and
 * notes stay with the partnership), who joins is a member straight away, as when staff form one.
 */
export async function changeMembers(
  app: App,
  principal: Principal,
  id: string,
  body: ChangeMembers,
): Promise<PartnershipHistory> {
  const p = await programPartnership(app, principal, id);
  if (p.status === 'closed' || p.status === 'declined')
    throw conflict(
      /*i18n*/ {
        id: 'refusal.lifecycle.over',
        message: 'This partnership is over; form a new one for these people.',
      },
    );
  const members = checkShape(p.kind, body.members, false);
  await checkMembers(app, principal.programId, members);
  const before = new Map(p.members.map((m) => [m.personId, m]));
  const after = new Map(members.map((m) => [m.personId, m]));
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    for (const m of p.members)
      if (!after.has(m.personId)) await removeMember(sql, id, m.personId, m.role, principal.personId, now);
    for (const m of members) {
      const was = before.get(m.personId);
      if (!was) await addMember(sql, id, { ...m, invitation: 'accepted' }, principal.personId, now);
      else if (was.role !== m.role) await setMemberRole(sql, id, m.personId, m.role, principal.personId, now);
    }
    await updatePartnershipRow(sql, id, {}, now);
  });
  return partnershipHistory(app, principal, id);
}

/**
 * A nudge says only that the program would like the pair to meet: its members get a notice
 * (program and partner names, a link; by e-mail as each chose) in the same transaction.
 */
export async function nudge(app: App, principal: Principal, id: string): Promise<Nudge> {
  const p = await programPartnership(app, principal, id);
  if (p.status !== 'active')
    throw conflict(
      /*i18n*/ { id: 'refusal.lifecycle.nudge-inactive', message: 'Only an active partnership can be nudged.' },
    );
  const program = await findProgram(app.sql, p.programId);
  const now = app.clock.now();
  const nudgeId = await app.sql.tx(async (sql) => {
    const made = await insertNudge(sql, id, principal.personId, now);
    const told = await notifyPartnership(
      app,
      sql,
      { partnershipId: id, event: { kind: 'nudge' }, data: { programName: program?.title } },
      p,
    );
    if (told) await markNudgeDelivered(sql, made, now);
    return made;
  });
  return (await nudgesOf(app.sql, id)).find((n) => n.id === nudgeId)!;
}

/** Members see the nudges to their partnership, and staff of the program see them too. */
export async function nudgesFor(app: App, principal: Principal, id: string): Promise<Nudge[]> {
  const p = await findPartnership(app.sql, id);
  const staff = principal.programRole === 'staff';
  if (!p || p.programId !== principal.programId || (!staff && !canReadContent(p, principal.personId)))
    throw notFound('The partnership');
  return nudgesOf(app.sql, id);
}
