/**
 * Goals are the mentee's work (docs/design.md, principle 1): the mentee sets and changes their goals and actions;
 * both partners see them and may tick an action off. Every change is written to the goal's history,
 * so growth over months stays visible (docs/design.md, principle 6).
 */
import {
  canOwnGoals,
  memberOf,
  type CreateAction,
  type CreateGoal,
  type Goal,
  type GoalChangeData,
  type UpdateAction,
  type UpdateGoal,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import type { Sql } from '../db/sql.ts';
import {
  addGoalEvent,
  findAction,
  findGoal,
  goalsOfPartnership,
  insertAction,
  insertGoal,
  touchGoal,
  updateActionRow,
  updateGoalRow,
  type GoalChange,
} from '../models/goals.ts';
import { setCommitmentDoneByAction } from '../models/conversations.ts';
import type { StoredPartnership } from '../models/partnerships.ts';
import { forbidden, invalid, notFound, type Thing } from './errors.ts';
import { readablePartnership, writablePartnership } from './access.ts';
import type { App } from './app.ts';

export async function goalsFor(app: App, principal: Principal, partnershipId: string): Promise<Goal[]> {
  await readablePartnership(app, principal, partnershipId);
  return goalsOfPartnership(app.sql, partnershipId);
}

/**
 * Who coaches a goal: only collegial partnerships name one, by default the owner's partner (peers
 * switch roles goal by goal, docs/design.md, principle 4).
 */
function coachFor(p: StoredPartnership, ownerId: string, asked: string | null | undefined): string | null {
  if (p.kind === 'mentoring') {
    if (asked)
      throw invalid(
        /*i18n*/ {
          id: 'refusal.goals.coach-in-mentoring',
          message:
            '{field}: in a mentoring partnership the mentor coaches every goal; only collegial partnerships name a coach per goal.',
          values: { field: 'coachId' },
        },
        'coachId',
      );
    return null;
  }
  if (asked === undefined)
    return p.members.find((m) => m.personId !== ownerId && m.invitation !== 'declined')?.personId ?? null;
  if (asked !== null && (asked === ownerId || !memberOf(p, asked))) {
    throw invalid(
      /*i18n*/ {
        id: 'refusal.goals.coach-not-partner',
        message: '{field}: the coach of a goal is your partner in this partnership.',
        values: { field: 'coachId' },
      },
      'coachId',
    );
  }
  return asked;
}

export async function setGoal(app: App, principal: Principal, partnershipId: string, body: CreateGoal): Promise<Goal> {
  const p = await writablePartnership(app, principal, partnershipId);
  if (!canOwnGoals(p, principal.personId)) {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.goals.mentee-sets',
        message:
          'Goals are the mentee’s: in a mentoring partnership the mentee sets their own goals. As mentor, ask about them with a reflection prompt.',
      },
    );
  }
  if (body.ownerId && body.ownerId !== principal.personId)
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.goals.own-only',
        message: 'Goals are the mentee’s: you can set goals for yourself only.',
      },
    );
  const coachId = coachFor(p, principal.personId, body.coachId);
  const now = app.clock.now();
  const id = await app.sql.tx(async (sql) => {
    const goalId = await insertGoal(
      sql,
      {
        partnershipId,
        ownerId: principal.personId,
        coachId,
        title: body.title,
        why: body.why ?? '',
        success: body.success ?? '',
      },
      now,
    );
    await addGoalEvent(sql, goalId, principal.personId, { kind: 'created' }, now);
    return goalId;
  });
  return (await findGoal(app.sql, id))!;
}

/** The goal and its partnership, when the caller is a member who may write. */
async function writableGoal(
  app: App,
  principal: Principal,
  goalId: string,
  what: Thing = 'The goal',
): Promise<{ goal: Goal; partnership: StoredPartnership }> {
  const goal = await findGoal(app.sql, goalId);
  if (!goal) throw notFound(what);
  return { goal, partnership: await writablePartnership(app, principal, goal.partnershipId, what) };
}

/** What only a goal's owner does to it. */
type OwnersChange = 'change' | 'addActions' | 'editActions';

function requireOwner(goal: Goal, p: StoredPartnership, principal: Principal, doing: OwnersChange) {
  if (goal.ownerId === principal.personId) return;
  const owner = memberOf(p, goal.ownerId)?.name;
  throw forbidden(
    owner
      ? /*i18n*/ {
          id: 'refusal.goals.owner-only',
          message:
            '{doing, select, addActions {Goals are the mentee’s: only {owner}, whose goal this is, can add actions to it; commitments made in a conversation become actions too.} editActions {Goals are the mentee’s: only {owner}, whose goal this is, can change its actions; either partner may mark one done.} other {Goals are the mentee’s: only {owner}, whose goal this is, can change it.}}',
          values: { doing, owner },
        }
      : /*i18n*/ {
          id: 'refusal.goals.former-owner-only',
          message:
            '{doing, select, addActions {Goals are the mentee’s: only its owner, whose goal this is, can add actions to it; commitments made in a conversation become actions too.} editActions {Goals are the mentee’s: only its owner, whose goal this is, can change its actions; either partner may mark one done.} other {Goals are the mentee’s: only its owner, whose goal this is, can change it.}}',
          values: { doing },
        },
  );
}

/** History lines for what a change really changes. */
function describeGoalChange(goal: Goal, change: GoalChange, p: StoredPartnership): GoalChangeData[] {
  const lines: GoalChangeData[] = [];
  if (change.title !== undefined && change.title !== goal.title)
    lines.push({ kind: 'renamed', from: goal.title, to: change.title });
  if (change.why !== undefined && change.why !== goal.why) lines.push({ kind: 'why-changed' });
  if (change.success !== undefined && change.success !== goal.success) lines.push({ kind: 'success-changed' });
  if (change.status !== undefined && change.status !== goal.status)
    lines.push({ kind: 'status', status: change.status });
  if (change.coachId !== undefined && change.coachId !== goal.coachId)
    lines.push({ kind: 'coach', name: change.coachId ? (memberOf(p, change.coachId)?.name ?? null) : null });
  return lines;
}

export async function changeGoal(app: App, principal: Principal, goalId: string, body: UpdateGoal): Promise<Goal> {
  const { goal, partnership } = await writableGoal(app, principal, goalId);
  requireOwner(goal, partnership, principal, 'change');
  const change: GoalChange = { ...body };
  if (body.coachId !== undefined) change.coachId = coachFor(partnership, goal.ownerId, body.coachId);
  const lines = describeGoalChange(goal, change, partnership);
  if (!lines.length) return goal;
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    // Deleted by its owner since it was read (another tab): a 404, not a broken history line.
    if (!(await updateGoalRow(sql, goalId, change, now))) throw notFound('The goal');
    for (const line of lines) await addGoalEvent(sql, goalId, principal.personId, line, now);
  });
  return (await findGoal(app.sql, goalId))!;
}

/**
 * Adds an action to a goal with its history line; conversations use it for commitments linked to a
 * goal, with `conversationOn` saying which conversation it came from (its time).
 */
export async function addActionTo(
  sql: Sql,
  goalId: string,
  byId: string,
  a: { text: string; dueOn: string | null; fromConversationId: string | null },
  now: number,
  conversationOn: string | null = null,
): Promise<string> {
  const id = await insertAction(sql, { goalId, ...a }, now);
  await addGoalEvent(sql, goalId, byId, { kind: 'action-added', text: a.text, conversationOn }, now);
  await touchGoal(sql, goalId, now);
  return id;
}

export async function addAction(app: App, principal: Principal, goalId: string, body: CreateAction): Promise<Goal> {
  const { goal, partnership } = await writableGoal(app, principal, goalId);
  requireOwner(goal, partnership, principal, 'addActions');
  await app.sql.tx((sql) =>
    addActionTo(
      sql,
      goalId,
      principal.personId,
      { text: body.text, dueOn: body.dueOn ?? null, fromConversationId: null },
      app.clock.now(),
    ),
  );
  return (await findGoal(app.sql, goalId))!;
}

/** Ticks an action off (or on again) with its history line, and the commitment it came from follows. */
export async function setActionDone(
  sql: Sql,
  goalId: string,
  action: { id: string; text: string },
  done: boolean,
  byId: string,
  now: number,
) {
  await updateActionRow(sql, action.id, { done }, now);
  await setCommitmentDoneByAction(sql, action.id, done);
  await addGoalEvent(sql, goalId, byId, { kind: 'action-done', text: action.text, done }, now);
  await touchGoal(sql, goalId, now);
}

/** The owner edits an action; either partner may mark it done. */
export async function changeAction(
  app: App,
  principal: Principal,
  actionId: string,
  body: UpdateAction,
): Promise<Goal> {
  const action = await findAction(app.sql, actionId);
  if (!action) throw notFound('The action');
  // Refused in the action's words, so an action of another partnership looks like one that does not exist.
  const { goal, partnership } = await writableGoal(app, principal, action.goalId, 'The action');
  const edits =
    (body.text !== undefined && body.text !== action.text) || (body.dueOn !== undefined && body.dueOn !== action.dueOn);
  if (edits) requireOwner(goal, partnership, principal, 'editActions');
  const now = app.clock.now();
  await app.sql.tx(async (sql) => {
    if (edits) {
      await updateActionRow(sql, actionId, { text: body.text, dueOn: body.dueOn }, now);
      await addGoalEvent(sql, goal.id, principal.personId, { kind: 'action-changed', text: action.text }, now);
      await touchGoal(sql, goal.id, now);
    }
    if (body.done !== undefined && body.done !== action.done) {
      await setActionDone(
        sql,
        goal.id,
        { id: actionId, text: body.text ?? action.text },
        body.done,
        principal.personId,
        now,
      );
    }
  });
  return (await findGoal(app.sql, goal.id))!;
}
