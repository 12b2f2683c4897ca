/**
 * Checkpoint evaluations (docs/design.md, principle 3): a separate, labelled record. Staff name the checkpoints;
 * the mentor of a mentoring partnership completes one per mentee and checkpoint; both partners and
 * program staff see them. Coaching content never flows in, and the gradebook only hears "completed".
 */
import { canEvaluate, mentees, type Checkpoint, type CheckpointEvaluation } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import {
  checkpointsOf,
  evaluationsOfPartnership,
  evaluationsOfProgram,
  findCheckpoint,
  findEvaluationOf,
  insertCheckpoint,
  insertEvaluation,
  removeCheckpointRow,
  setCheckpointLineItem,
  updateCheckpointRow,
} from '../models/evaluations.ts';
import { findPartnership } from '../models/partnerships.ts';
import { findProgram, personSubject, type ProgramRow } from '../models/programs.ts';
import { conflict, forbidden, invalid, notFound, upstream } from './errors.ts';
import { readablePartnership, writablePartnership } from './access.ts';
import { createCheckpointLineItem, GradebookError, postCompletion } from './gradebook.ts';
import type { App } from './app.ts';
import { notifyPartnership } from './notifications.ts';

async function programOf(app: App, principal: Principal): Promise<ProgramRow> {
  const program = await findProgram(app.sql, principal.programId);
  if (!program) throw notFound('Your program');
  return program;
}

export async function checkpointsFor(app: App, principal: Principal): Promise<Checkpoint[]> {
  return checkpointsOf(app.sql, principal.programId);
}

/** Staff name a checkpoint, optionally with a gradebook column; if the LMS refuses the column, the checkpoint is kept. */
export async function nameCheckpoint(
  app: App,
  principal: Principal,
  body: { name: string; dueOn?: string | null; postToGradebook?: boolean },
): Promise<Checkpoint> {
  const program = await programOf(app, principal);
  if (body.postToGradebook && !program.ags_lineitems_url) {
    throw conflict(
      /*i18n*/ {
        id: 'refusal.evaluations.no-gradebook',
        message:
          'The LMS did not offer its gradebook (Assignment and Grade Services) for this course; name the checkpoint without posting to the gradebook.',
      },
    );
  }
  const named = { name: body.name, dueOn: body.dueOn ?? null };
  const checkpoint: Checkpoint = {
    id: await insertCheckpoint(app.sql, { programId: program.id, ...named }, app.clock.now()),
    ...named,
    lineItemId: null,
  };
  if (!body.postToGradebook) return checkpoint;
  try {
    checkpoint.lineItemId = await createCheckpointLineItem(app, program, checkpoint);
  } catch (err) {
    if (!(err instanceof GradebookError)) throw err;
    throw upstream(
      /*i18n*/ {
        id: 'refusal.evaluations.column-not-added',
        message: 'The checkpoint “{name}” was saved, but the LMS gradebook did not add its column: {detail}',
        values: { name: body.name, detail: err.message },
      },
    );
  }
  await setCheckpointLineItem(app.sql, checkpoint.id, checkpoint.lineItemId);
  return checkpoint;
}

async function programCheckpoint(app: App, principal: Principal, id: string) {
  const checkpoint = await findCheckpoint(app.sql, id);
  if (!checkpoint || checkpoint.programId !== principal.programId) throw notFound('The checkpoint');
  return checkpoint;
}

/** Staff rename a checkpoint or move its date; the evaluations made at it stay with it. */
export async function changeCheckpoint(
  app: App,
  principal: Principal,
  id: string,
  body: { name?: string; dueOn?: string | null },
): Promise<Checkpoint> {
  const checkpoint = await programCheckpoint(app, principal, id);
  if (checkpoint.removed) throw notFound('The checkpoint');
  await updateCheckpointRow(app.sql, id, body);
  const { programId: _p, removed: _r, ...changed } = (await findCheckpoint(app.sql, id))!;
  return changed;
}

/** Removing is idempotent: the checkpoint leaves the list, its evaluations are kept for the record. */
export async function removeCheckpoint(app: App, principal: Principal, id: string): Promise<{ ok: true }> {
  await programCheckpoint(app, principal, id);
  await removeCheckpointRow(app.sql, id, app.clock.now());
  return { ok: true };
}

/** Both partners, and program staff, see a partnership's evaluations. */
export async function evaluationsFor(
  app: App,
  principal: Principal,
  partnershipId: string,
): Promise<CheckpointEvaluation[]> {
  const asStaff =
    principal.programRole === 'staff' &&
    (await findPartnership(app.sql, partnershipId))?.programId === principal.programId;
  if (!asStaff) await readablePartnership(app, principal, partnershipId);
  return evaluationsOfPartnership(app.sql, partnershipId);
}

export async function programEvaluations(app: App, principal: Principal): Promise<CheckpointEvaluation[]> {
  return evaluationsOfProgram(app.sql, principal.programId);
}

export async function evaluate(
  app: App,
  principal: Principal,
  partnershipId: string,
  body: { checkpointId: string; menteeId: string; rating: CheckpointEvaluation['rating']; summary: string },
): Promise<CheckpointEvaluation> {
  const p = await writablePartnership(app, principal, partnershipId);
  if (!canEvaluate(p, principal.personId)) {
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.evaluations.mentor-only',
        message: 'Checkpoint evaluations are completed by the mentor of a mentoring partnership.',
      },
    );
  }
  if (!mentees(p).some((m) => m.personId === body.menteeId))
    throw invalid(
      /*i18n*/ {
        id: 'refusal.evaluations.not-a-mentee',
        message: '{field}: this person is not a mentee in this partnership.',
        values: { field: 'menteeId' },
      },
      'menteeId',
    );
  const checkpoint = await findCheckpoint(app.sql, body.checkpointId);
  if (!checkpoint || checkpoint.programId !== principal.programId || checkpoint.removed) {
    throw invalid(
      /*i18n*/ {
        id: 'refusal.evaluations.no-such-checkpoint',
        message: '{field}: there is no such checkpoint in this program.',
        values: { field: 'checkpointId' },
      },
      'checkpointId',
    );
  }
  if (await findEvaluationOf(app.sql, checkpoint.id, partnershipId, body.menteeId)) {
    throw conflict(
      /*i18n*/ {
        id: 'refusal.evaluations.already-completed',
        message: 'The evaluation at “{checkpoint}” for this mentee is already completed.',
        values: { checkpoint: checkpoint.name },
      },
    );
  }
  const evaluation = await app.sql.tx(async (sql) => {
    const made = await insertEvaluation(
      sql,
      {
        checkpointId: checkpoint.id,
        partnershipId,
        menteeId: body.menteeId,
        mentorId: principal.personId,
        rating: body.rating,
        summary: body.summary,
      },
      app.clock.now(),
    );
    await notifyPartnership(
      app,
      sql,
      {
        partnershipId,
        event: { kind: 'evaluation-completed', actorId: principal.personId, menteeId: body.menteeId },
        data: { checkpointName: checkpoint.name },
      },
      p,
    );
    return made;
  });
  if (checkpoint.lineItemId) {
    const [program, subject] = await Promise.all([programOf(app, principal), personSubject(app.sql, body.menteeId)]);
    try {
      await postCompletion(app, program, checkpoint.lineItemId, subject!);
    } catch (err) {
      if (!(err instanceof GradebookError)) throw err;
      throw upstream(
        /*i18n*/ {
          id: 'refusal.evaluations.completion-not-posted',
          message: 'The evaluation was saved, but the LMS gradebook did not record the completion: {detail}',
          values: { detail: err.message },
        },
      );
    }
  }
  return evaluation;
}
