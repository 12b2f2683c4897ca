/**
 * The program report a coordinator hands to a board: per partnership its dates, how many
 * conversations were held (apart from those only scheduled), how much was clipped and asked, and
 * checkpoint completion; never a word of content. People no longer in the course are not counted.
 */
import { isMatched, mentees, type ProgramReport } from '@mentoring/shared';
import type { I18n } from '@lingui/core';
import type { Principal } from '../auth/principal.ts';
import type { Sql } from '../db/sql.ts';
import { time } from '../db/sql.ts';
import { checkpointsOf, evaluationsOfProgram } from '../models/evaluations.ts';
import { partnershipsOfProgram } from '../models/partnerships.ts';
import { findProgram, roster } from '../models/programs.ts';
import { serverI18n } from '../i18n/server.ts';
import { notFound } from './errors.ts';
import type { App } from './app.ts';

interface Counts {
  held: number;
  scheduled: number;
  firstHeld: number | null;
  clips: number;
  prompts: number;
  nudges: number;
}

async function countsOf(sql: Sql, programId: string, now: number): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { held: 0, scheduled: 0, firstHeld: null, clips: 0, prompts: 0, nudges: 0 }));
    return c;
  };
  const conversations = await sql.all<{
    partnership_id: string;
    held: number | string;
    scheduled: number | string;
    first_held: number | string | null;
  }>(
    `SELECT c.partnership_id,
            SUM(CASE WHEN c.held_at IS NOT NULL THEN 1 ELSE 0 END) AS held,
            SUM(CASE WHEN c.held_at IS NULL AND c.scheduled_for >= :now THEN 1 ELSE 0 END) AS scheduled,
            MIN(c.held_at) AS first_held
       FROM conversations c JOIN partnerships p ON p.id = c.partnership_id
      WHERE p.program_id = :programId GROUP BY c.partnership_id`,
    { programId, now },
  );
  for (const r of conversations)
    Object.assign(get(r.partnership_id), {
      held: Number(r.held),
      scheduled: Number(r.scheduled),
      firstHeld: r.first_held === null ? null : Number(r.first_held),
    });
  for (const [table, key] of [
    ['clips', 'clips'],
    ['prompts', 'prompts'],
    ['nudges', 'nudges'],
  ] as const) {
    const rows = await sql.all<{ partnership_id: string; n: number | string }>(
      `SELECT t.partnership_id, COUNT(*) AS n FROM ${table} t JOIN partnerships p ON p.id = t.partnership_id
        WHERE p.program_id = :programId GROUP BY t.partnership_id`,
      { programId },
    );
    for (const r of rows) get(r.partnership_id)[key] = Number(r.n);
  }
  return out;
}

export async function programReport(app: App, principal: Principal): Promise<ProgramReport> {
  const program = await findProgram(app.sql, principal.programId);
  if (!program) throw notFound('Your program');
  const now = app.clock.now();
  const [people, partnerships, checkpoints, evaluations, counts] = await Promise.all([
    roster(app.sql, program.id),
    partnershipsOfProgram(app.sql, program.id),
    checkpointsOf(app.sql, program.id),
    evaluationsOfProgram(app.sql, program.id),
    countsOf(app.sql, program.id, now),
  ]);
  const inCourse = people.filter((r) => r.inCourse);
  const participants = inCourse.filter((r) => r.programRole === 'participant');
  const matched = participants.filter(isMatched).length;
  const current = new Set(checkpoints.map((c) => c.id));
  // Counted once per partnership and per checkpoint: a district has thousands of each.
  const completedBy = new Map<string, number>();
  const completedOf = new Map<string, number>();
  for (const e of evaluations) {
    completedOf.set(e.checkpointId, (completedOf.get(e.checkpointId) ?? 0) + 1);
    if (current.has(e.checkpointId)) completedBy.set(e.partnershipId, (completedBy.get(e.partnershipId) ?? 0) + 1);
  }
  const expected = partnerships
    .filter((p) => p.kind === 'mentoring' && (p.status === 'active' || p.status === 'paused'))
    .reduce((n, p) => n + mentees(p).length, 0);
  return {
    programTitle: program.title,
    generatedAt: new Date(now).toISOString(),
    people: {
      participants: participants.length,
      matched,
      unmatched: participants.length - matched,
      staff: inCourse.length - participants.length,
      notInCourse: people.length - inCourse.length,
    },
    partnerships: partnerships.map((p) => {
      const c = counts.get(p.id);
      return {
        partnershipId: p.id,
        kind: p.kind,
        status: p.status,
        members: p.members.map((m) => ({ name: m.name, role: m.role })),
        formedAt: p.createdAt,
        endedAt: p.closedAt,
        conversationsHeld: c?.held ?? 0,
        conversationsScheduled: c?.scheduled ?? 0,
        firstHeldAt: c?.firstHeld ? time.iso(c.firstHeld) : null,
        lastHeldAt: p.lastConversationAt,
        nextScheduledAt: p.nextConversation?.scheduledFor ?? null,
        clips: c?.clips ?? 0,
        prompts: c?.prompts ?? 0,
        nudges: c?.nudges ?? 0,
        checkpointsCompleted: completedBy.get(p.id) ?? 0,
      };
    }),
    checkpoints: checkpoints.map((c) => ({
      checkpointId: c.id,
      name: c.name,
      dueOn: c.dueOn,
      completed: completedOf.get(c.id) ?? 0,
      expected,
    })),
  };
}

/** A cell for a spreadsheet: quoted, and never read as a formula (CSV injection). */
function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/**
 * The report as a spreadsheet for a board, in the reader's language (headers, kinds, statuses); the
 * JSON report stays the API's, in codes.
 */
export function reportCsv(r: ProgramReport, i18n: I18n = serverI18n('en')): string {
  const header = [
    i18n._({ id: 'report.partnership', message: 'Partnership' }),
    i18n._({ id: 'report.kind', message: 'Kind' }),
    i18n._({ id: 'report.status', message: 'Status' }),
    i18n._({ id: 'report.mentors', message: 'Mentors' }),
    i18n._({ id: 'report.mentees', message: 'Mentees' }),
    i18n._({ id: 'report.formed', message: 'Formed' }),
    i18n._({ id: 'report.ended', message: 'Ended' }),
    i18n._({ id: 'report.conversations-held', message: 'Conversations held' }),
    i18n._({ id: 'report.conversations-scheduled', message: 'Conversations scheduled' }),
    i18n._({ id: 'report.first-held', message: 'First held' }),
    i18n._({ id: 'report.last-held', message: 'Last held' }),
    i18n._({ id: 'report.next-scheduled', message: 'Next scheduled' }),
    i18n._({ id: 'report.clips', message: 'Clips' }),
    i18n._({ id: 'report.prompts', message: 'Prompts' }),
    i18n._({ id: 'report.nudges', message: 'Nudges' }),
    i18n._({ id: 'report.evaluations-completed', message: 'Checkpoint evaluations completed' }),
  ];
  const rows = r.partnerships.map((p, i) => [
    `#${i + 1}`,
    i18n._({
      id: 'report.kind-value',
      message: '{kind, select, mentoring {mentoring} other {collegial}}',
      values: { kind: p.kind },
    }),
    i18n._({
      id: 'export.partnership-status',
      message: '{status, select, invited {invited} active {active} paused {paused} declined {declined} other {closed}}',
      values: { status: p.status },
    }),
    // Collegial partners coach and are coached goal by goal: they are listed in both columns.
    p.members
      .filter((m) => m.role === 'mentor' || m.role === 'partner')
      .map((m) => m.name)
      .join('; '),
    p.members
      .filter((m) => m.role === 'mentee' || m.role === 'partner')
      .map((m) => m.name)
      .join('; '),
    day(p.formedAt),
    day(p.endedAt),
    p.conversationsHeld,
    p.conversationsScheduled,
    day(p.firstHeldAt),
    day(p.lastHeldAt),
    day(p.nextScheduledAt),
    p.clips,
    p.prompts,
    p.nudges,
    p.checkpointsCompleted,
  ]);
  const checkpointRows = [
    [],
    [
      i18n._({ id: 'report.checkpoint', message: 'Checkpoint' }),
      i18n._({ id: 'report.due', message: 'Due' }),
      i18n._({ id: 'report.checkpoint-completed', message: 'Evaluations completed' }),
      i18n._({ id: 'report.checkpoint-expected', message: 'Mentees in active partnerships' }),
    ],
    ...r.checkpoints.map((c) => [c.name, c.dueOn, c.completed, c.expected]),
    [],
    [
      i18n._({ id: 'report.participants', message: 'Participants in the course' }),
      i18n._({ id: 'report.matched', message: 'Matched' }),
      i18n._({ id: 'report.unmatched', message: 'Unmatched' }),
      i18n._({ id: 'report.staff', message: 'Staff' }),
      i18n._({ id: 'report.not-in-course', message: 'No longer in the course (not counted)' }),
    ],
    [r.people.participants, r.people.matched, r.people.unmatched, r.people.staff, r.people.notInCourse],
  ];
  return [header, ...rows, ...checkpointRows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
