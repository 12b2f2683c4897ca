/** Turning the picker's fields into the clip that goes to the outbox. */
import { t } from '@lingui/core/macro';
import { CreateClip } from '@mentoring/shared';
import type { Capture } from './capture.ts';
import { sayFirstProblem } from './problems.ts';
import type { QueuedClip } from './queue.ts';

/** Where the clip is filed: under a goal, as a new reflection prompt, or on its own. */
export type Target = { kind: 'goal'; goalId: string } | { kind: 'prompt'; question: string } | { kind: 'none' };

export interface Draft {
  /** Made once per picker, so saving twice never makes two clips. */
  id: string;
  capture: Capture;
  target: Target;
  note: string;
  tags: string;
}

/** "leadership, trust ,trust" → ["leadership", "trust"]. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The clip to send, or the first problem with the fields, worded for the clipper. */
export function clipFromDraft(draft: Draft): { body: QueuedClip['body'] } | { problem: string } {
  const { capture, target } = draft;
  const body = {
    id: draft.id,
    url: capture.url,
    title: capture.title,
    quote: capture.quote,
    note: draft.note.trim() || undefined,
    tags: parseTags(draft.tags),
    goalIds: target.kind === 'goal' ? [target.goalId] : [],
    selectors: capture.selectors,
    document: Object.keys(capture.document).length ? capture.document : undefined,
    newPrompt: target.kind === 'prompt' ? { question: target.question.trim() } : undefined,
  };
  if (target.kind === 'prompt' && !body.newPrompt?.question)
    return { problem: t`Write the reflection question for the new prompt.` };
  const checked = CreateClip.safeParse(body);
  if (!checked.success) {
    return { problem: sayFirstProblem(checked.error.issues, body) };
  }
  return { body };
}
