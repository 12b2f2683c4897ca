/**
 * The LMS gradebook through Assignment and Grade Services: a column per checkpoint, and only ever
 * the fact that a checkpoint evaluation was completed, never its rating, summary or any coaching
 * content (docs/design.md, principle 3).
 */
import type { ProgramRow } from '../models/programs.ts';
import { idTokenFor } from './roster.ts';
import type { App } from './app.ts';

/** The LMS refused or could not be reached; the message says what it answered. */
export class GradebookError extends Error {}

async function withLms<T>(app: App, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    app.log.warn({ err }, `gradebook: ${what} failed`);
    throw new GradebookError((err as Error).message);
  }
}

/** A gradebook column for a checkpoint, out of 1 (done or not); answers its line item id. */
export async function createCheckpointLineItem(
  app: App,
  program: ProgramRow,
  checkpoint: { id: string; name: string; dueOn: string | null },
): Promise<string> {
  const item = await withLms(app, 'creating a line item', () =>
    app.lti.Grade.createLineItem(idTokenFor(program), {
      label: `Mentoring checkpoint: ${checkpoint.name}`,
      scoreMaximum: 1,
      resourceId: checkpoint.id,
      tag: 'mentoring-checkpoint',
      ...(checkpoint.dueOn && { endDateTime: `${checkpoint.dueOn}T23:59:59Z` }),
    }),
  );
  if (!item?.id) throw new GradebookError('the LMS did not say which column it created.');
  return item.id;
}

/** Marks a checkpoint complete for one person (their LMS user id): a score of 1 out of 1, nothing else. */
export async function postCompletion(
  app: App,
  program: ProgramRow,
  lineItemId: string,
  lmsUserId: string,
): Promise<void> {
  await withLms(app, 'posting a completion', () =>
    app.lti.Grade.submitScore(idTokenFor(program), lineItemId, {
      userId: lmsUserId,
      scoreGiven: 1,
      scoreMaximum: 1,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    }),
  );
}
