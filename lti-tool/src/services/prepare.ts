/**
 * The mentor's one screen before a session (docs/design.md, "Who uses it": preparing a conversation): what is
 * new since the last held conversation (not yet reviewed by the caller, and what became of those
 * already reviewed), the prompts, the next conversation's agenda, the commitments still open and the
 * open requests. A handful of indexed
 * queries, so it stays fast for partnerships with thousands of clips.
 */
import { publicPartnership } from '../models/partnerships.ts';
import { clipsByReview, findClip, withReviews } from '../models/clips.ts';
import { findPrompt, promptsWithStatus } from '../models/prompts.ts';
import { goalsOfPartnership } from '../models/goals.ts';
import { conversationAndCommitmentsDue, openRequestCount } from '../models/preparation.ts';
import { time } from '../db/sql.ts';
import type { Preparation } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { readablePartnership } from './access.ts';
import type { App } from './app.ts';

/** At most this many new clips are sent; `newClipCount` tells how many there are. */
export const NEW_CLIPS_SHOWN = 100;

export async function prepare(app: App, principal: Principal, partnershipId: string): Promise<Preparation> {
  const p = await readablePartnership(app, principal, partnershipId);
  const after = p.lastConversationAt ? time.ms(p.lastConversationAt) : 0;
  const clipsSince = { partnershipId, reviewerId: principal.personId, after, limit: NEW_CLIPS_SHOWN };
  const [fresh, reviewed, prompts, next, openRequests, goals] = await Promise.all([
    clipsByReview(app.sql, { ...clipsSince, reviewed: false }),
    clipsByReview(app.sql, { ...clipsSince, reviewed: true }),
    promptsWithStatus(app.sql, partnershipId, ['open', 'answered']),
    conversationAndCommitmentsDue(app.sql, {
      partnershipId,
      conversationId: p.nextConversation?.id ?? null,
      viewerId: principal.personId,
    }),
    openRequestCount(app.sql, partnershipId),
    goalsOfPartnership(app.sql, partnershipId),
  ]);
  const [newClips, reviewedSince] = await Promise.all([
    withReviews(app.sql, fresh.records),
    withReviews(app.sql, reviewed.records),
  ]);
  // An agenda holds a handful of items; what the other lists already carry is not fetched again.
  const agenda = next.conversation?.agenda ?? [];
  const shownClips = new Set([...newClips, ...reviewedSince].map((c) => c.id));
  const shownPrompts = new Set(prompts.map((x) => x.id));
  const [agendaClips, agendaPrompts] = await Promise.all([
    Promise.all(
      agenda.flatMap((i) => (i.kind === 'clip' && !shownClips.has(i.clipId) ? [findClip(app.sql, i.clipId)] : [])),
    ),
    Promise.all(
      agenda.flatMap((i) =>
        i.kind === 'prompt' && !shownPrompts.has(i.promptId) ? [findPrompt(app.sql, i.promptId)] : [],
      ),
    ),
  ]);
  return {
    partnership: publicPartnership(p),
    lastConversationAt: p.lastConversationAt,
    newClips,
    newClipCount: fresh.total,
    reviewedClips: reviewedSince,
    openPrompts: prompts.filter((x) => x.status === 'open'),
    answeredPrompts: prompts.filter((x) => x.status === 'answered'),
    nextConversation: next.conversation,
    commitmentsDue: next.commitmentsDue,
    openRequests,
    goals,
    agendaClips: agendaClips.filter((c) => c !== undefined),
    agendaPrompts: agendaPrompts.filter((x) => x !== undefined),
  };
}
