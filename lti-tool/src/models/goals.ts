/** Goals, their actions and their history (`goal_events`). */
import crypto from 'node:crypto';
import type { Action, Goal, GoalChangeData, GoalStatus } from '@mentoring/shared';
import { groupBy, bool, time, type Sql } from '../db/sql.ts';
import { goalChangeText, readGoalChange } from '../i18n/history.ts';
import { serverI18n } from '../i18n/server.ts';

interface GoalRow {
  id: string;
  partnership_id: string;
  owner_id: string;
  coach_id: string | null;
  title: string;
  why: string;
  success: string;
  status: GoalStatus;
  created_at: number | string;
  updated_at: number | string;
}

interface ActionRow {
  id: string;
  goal_id: string;
  text: string;
  due_on: string | null;
  done: unknown;
  done_at: number | string | null;
  from_conversation_id: string | null;
  created_at: number | string;
}

interface EventRow {
  goal_id: string;
  by_id: string;
  change: string;
  at: number | string;
}

const toAction = (r: ActionRow): Action => ({
  id: r.id,
  goalId: r.goal_id,
  text: r.text,
  dueOn: r.due_on,
  done: bool(r.done),
  doneAt: time.isoOrNull(r.done_at),
  fromConversationId: r.from_conversation_id,
  createdAt: time.iso(r.created_at),
});

async function assemble(sql: Sql, rows: GoalRow[]): Promise<Goal[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [actions, events] = await Promise.all([
    sql.all<ActionRow>('SELECT * FROM goal_actions WHERE goal_id IN (:ids) ORDER BY created_at', { ids }),
    sql.all<EventRow>('SELECT goal_id, by_id, change, at FROM goal_events WHERE goal_id IN (:ids) ORDER BY at', {
      ids,
    }),
  ]);
  const actionsOf = groupBy(actions, (a) => a.goal_id);
  const eventsOf = groupBy(events, (e) => e.goal_id);
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    ownerId: r.owner_id,
    coachId: r.coach_id,
    title: r.title,
    why: r.why,
    success: r.success,
    status: r.status,
    actions: (actionsOf.get(r.id) ?? []).map(toAction),
    history: (eventsOf.get(r.id) ?? []).map((e) => {
      const event = readGoalChange(e.change);
      return {
        at: time.iso(e.at),
        byId: e.by_id,
        change: event ? goalChangeText(serverI18n('en'), event, 'en') : e.change,
        event,
      };
    }),
    createdAt: time.iso(r.created_at),
    updatedAt: time.iso(r.updated_at),
  }));
}

export async function goalsOfPartnership(sql: Sql, partnershipId: string): Promise<Goal[]> {
  const rows = await sql.all<GoalRow>('SELECT * FROM goals WHERE partnership_id = :partnershipId ORDER BY created_at', {
    partnershipId,
  });
  return assemble(sql, rows);
}

export async function findGoal(sql: Sql, id: string): Promise<Goal | undefined> {
  const rows = await sql.all<GoalRow>('SELECT * FROM goals WHERE id = :id', { id });
  return (await assemble(sql, rows))[0];
}

export async function insertGoal(
  sql: Sql,
  g: { partnershipId: string; ownerId: string; coachId: string | null; title: string; why: string; success: string },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO goals (id, partnership_id, owner_id, coach_id, title, why, success, status, created_at, updated_at)
     VALUES (:id, :partnershipId, :ownerId, :coachId, :title, :why, :success, 'active', :now, :now)`,
    { ...g, id, now },
  );
  return id;
}

export type GoalChange = Partial<{
  title: string;
  why: string;
  success: string;
  status: GoalStatus;
  coachId: string | null;
}>;

const GOAL_COLUMNS = { title: 'title', why: 'why', success: 'success', status: 'status', coachId: 'coach_id' } as const;

/** Answers how many rows changed: none when the goal was deleted meanwhile. */
export async function updateGoalRow(sql: Sql, id: string, change: GoalChange, now: number): Promise<number> {
  const sets = ['updated_at = :now'];
  for (const [key, column] of Object.entries(GOAL_COLUMNS)) {
    if (change[key as keyof GoalChange] !== undefined) sets.push(`${column} = :${key}`);
  }
  return sql.run(`UPDATE goals SET ${sets.join(', ')} WHERE id = :id`, { ...change, id, now });
}

/** Any change to a goal or its actions also counts as the goal being updated. */
export async function touchGoal(sql: Sql, id: string, now: number) {
  await sql.run('UPDATE goals SET updated_at = :now WHERE id = :id', { id, now });
}

/** Keeps what changed as data (`GoalChangeData`), worded at display time in the reader's language. */
export async function addGoalEvent(sql: Sql, goalId: string, byId: string, event: GoalChangeData, now: number) {
  const change = JSON.stringify(event);
  await sql.run(
    'INSERT INTO goal_events (id, goal_id, by_id, change, at) VALUES (:id, :goalId, :byId, :change, :now)',
    {
      id: crypto.randomUUID(),
      goalId,
      byId,
      change,
      now,
    },
  );
}

export async function insertAction(
  sql: Sql,
  a: { goalId: string; text: string; dueOn: string | null; fromConversationId: string | null },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await sql.run(
    `INSERT INTO goal_actions (id, goal_id, text, due_on, done, from_conversation_id, created_at)
     VALUES (:id, :goalId, :text, :dueOn, :no, :fromConversationId, :now)`,
    { ...a, id, now, no: false },
  );
  return id;
}

export async function findAction(sql: Sql, id: string): Promise<Action | undefined> {
  const row = await sql.one<ActionRow>('SELECT * FROM goal_actions WHERE id = :id', { id });
  return row && toAction(row);
}

export async function updateActionRow(
  sql: Sql,
  id: string,
  change: Partial<{ text: string; dueOn: string | null; done: boolean }>,
  now: number,
) {
  const sets: string[] = [];
  if (change.text !== undefined) sets.push('text = :text');
  if (change.dueOn !== undefined) sets.push('due_on = :dueOn');
  if (change.done !== undefined) sets.push('done = :done', 'done_at = :doneAt');
  if (!sets.length) return;
  await sql.run(`UPDATE goal_actions SET ${sets.join(', ')} WHERE id = :id`, {
    ...change,
    id,
    doneAt: change.done ? now : null,
  });
}
