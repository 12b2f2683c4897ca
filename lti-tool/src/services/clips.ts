/**
 * The rules of clipping: who may file, change, delete, review and ask about a passage. Membership
 * comes from the access gate; the note, tags and links are the clipper's, reviewing is a mentor's.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  canReview,
  clipPageUrl,
  documentIdentities,
  type DocumentMeta,
  type Clip,
  type ClipFilter,
  type ClipList,
  type CreateClip,
  type Prompt,
  type UpdateClip,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { time, type Sql } from '../db/sql.ts';
import { conflict, forbidden, notFound } from './errors.ts';
import {
  clipsOnPageFor,
  deleteClipRow,
  findClip,
  findClipRecord,
  insertClips,
  insertReview,
  queryClips,
  tagsInPartnership,
  updateClipRow,
  withReviews,
  type ClipRecord,
  type NewClip,
} from '../models/clips.ts';
import { insertPrompt } from '../models/prompts.ts';
import type { StoredPartnership } from '../models/partnerships.ts';
import { readablePartnership, writablePartnership } from './access.ts';
import { requireInPartnership } from './references.ts';
import type { App } from './app.ts';
import { clipsAwaitReview } from './notifications.ts';

const DEFAULT_PAGE = 100;

/** The body of a create after validation (defaults applied). */
type CreateClipInput = z.output<typeof CreateClip>;

const unique = <T>(xs: readonly T[] | undefined): T[] => [...new Set(xs ?? [])];

/** Goals and prompts a clip is filed under must be the partnership's own; a wrong one is refused by its field. */
function checkLinks(sql: Sql, partnershipId: string, links: { goalIds?: string[]; promptIds?: string[] }) {
  return requireInPartnership(sql, partnershipId, [
    ...(links.goalIds ?? []).map((id, i) => ({ kind: 'goal' as const, id, field: `goalIds.${i}` })),
    ...(links.promptIds ?? []).map((id, i) => ({ kind: 'prompt' as const, id, field: `promptIds.${i}` })),
  ]);
}

/**
 * The clip and its partnership, if the caller may read it (or, with `write`, change the partnership).
 * A clip of a partnership the caller is not in gets the same 404 as one that does not exist.
 */
async function gate(
  app: App,
  principal: Principal,
  clipId: string,
  write: boolean,
): Promise<{ clip: ClipRecord; partnership: StoredPartnership }> {
  const clip = await findClipRecord(app.sql, clipId);
  if (!clip) throw notFound('The clip');
  const partnership = await (write ? writablePartnership : readablePartnership)(
    app,
    principal,
    clip.partnershipId,
    'The clip',
  );
  return { clip, partnership };
}

/** Marking clips reviewed (and taking the mark back) is a mentor's. */
export const REVIEW_REFUSED = /*i18n*/ {
  id: 'refusal.clips.review-mentor-only',
  message: 'Only a mentor in this partnership marks clips as reviewed.',
};

function ownClip(clip: ClipRecord, principal: Principal, doing: 'change' | 'delete') {
  if (clip.clipperId !== principal.personId)
    throw forbidden(
      /*i18n*/ {
        id: 'refusal.clips.not-yours',
        message:
          '{doing, select, delete {Only the person who clipped this passage can delete it.} other {Only the person who clipped this passage can change it.}}',
        values: { doing },
      },
    );
}

export async function listClips(
  app: App,
  principal: Principal,
  partnershipId: string,
  filter: ClipFilter,
): Promise<ClipList> {
  const p = await readablePartnership(app, principal, partnershipId);
  const sinceLast =
    filter.since === 'last-conversation' && p.lastConversationAt ? time.ms(p.lastConversationAt) : undefined;
  const { records, total } = await queryClips(app.sql, {
    partnershipId,
    goalId: filter.goalId,
    tag: filter.tag,
    text: filter.q?.trim() || undefined,
    pageUrl: filter.url ? clipPageUrl(filter.url) : undefined,
    after: sinceLast,
    before: filter.before ? time.ms(filter.before) : undefined,
    beforeId: filter.before ? filter.beforeId : undefined,
    limit: filter.limit ?? DEFAULT_PAGE,
  });
  return { clips: await withReviews(app.sql, records), total };
}

/** Every tag on the partnership's clips, sorted, for the filter (the listed clips are only a page). */
export async function clipTags(app: App, principal: Principal, partnershipId: string): Promise<string[]> {
  await readablePartnership(app, principal, partnershipId);
  return tagsInPartnership(app.sql, partnershipId);
}

/**
 * Files a passage. The client's id makes a retry harmless: the same id from the same clipper in the
 * same partnership answers the stored clip (`created: false`); that id anywhere else is a conflict.
 * A new prompt asked about the clip is made in the same transaction.
 */
export async function createClip(
  app: App,
  principal: Principal,
  partnershipId: string,
  input: CreateClipInput,
): Promise<{ clip: Clip; created: boolean }> {
  const goalIds = unique(input.goalIds);
  const promptIds = unique(input.promptIds);
  // A clip filed under goals or prompts, or with a new prompt, is gated first (its links are
  // checked only for members); a plain clip, the hot path, is admitted by its group commit.
  const plain = !goalIds.length && !promptIds.length && !input.newPrompt;
  if (!plain) {
    await writablePartnership(app, principal, partnershipId);
    await checkLinks(app.sql, partnershipId, { goalIds, promptIds });
  }
  const now = app.clock.now();
  const newPromptId = input.newPrompt ? crypto.randomUUID() : undefined;
  const record: ClipRecord = {
    id: input.id ?? crypto.randomUUID(),
    partnershipId,
    clipperId: principal.personId,
    url: input.url,
    title: input.title,
    quote: input.quote,
    selectors: input.selectors ?? [],
    note: input.note ?? '',
    tags: unique(input.tags),
    goalIds,
    promptIds: newPromptId ? [...promptIds, newPromptId] : promptIds,
    createdAt: time.iso(now),
    updatedAt: time.iso(now),
  };
  const pageIds = documentIdentities({ url: record.url, ...input.document });
  const row = { ...record, pageUrl: clipPageUrl(record.url), pageIds };
  const created = input.newPrompt
    ? await app.sql.tx(async (sql) => {
        const [inserted] = await insertClips(sql, [row]);
        if (!inserted) return false;
        await insertPrompt(
          sql,
          {
            id: newPromptId,
            partnershipId,
            authorId: principal.personId,
            question: input.newPrompt!.question,
            clipId: record.id,
            goalId: null,
          },
          now,
        );
        await clipsAwaitReview(app, sql, [record]);
        return true;
      })
    : await insertPlain(app, principal, row);
  if (created) return { clip: { ...record, reviews: [], pageIds }, created };
  const existing = await findClip(app.sql, record.id);
  if (existing && existing.partnershipId === partnershipId && existing.clipperId === principal.personId)
    return { clip: existing, created };
  throw conflict(
    /*i18n*/ { id: 'refusal.clips.id-taken', message: 'Another clip already has this id. A new clip needs a new id.' },
  );
}

/** A plain clip through the group commit; a refusal is worded by the access gate, read fresh. */
async function insertPlain(app: App, principal: Principal, row: NewClip): Promise<boolean> {
  const outcome = await app.clipGroups.insert({ row, programId: principal.programId });
  if (outcome !== 'refused') return outcome === 'inserted';
  await writablePartnership(app, principal, row.partnershipId);
  throw forbidden(
    /*i18n*/ { id: 'refusal.clips.not-taken', message: 'This partnership does not take new clips from you.' },
  );
}

/** The clips on the page at `url`, or on any page sharing one of its identities. */
export async function clipsOnPage(app: App, principal: Principal, page: DocumentMeta): Promise<{ clips: Clip[] }> {
  const records = await clipsOnPageFor(app.sql, principal.programId, principal.personId, documentIdentities(page));
  return { clips: await withReviews(app.sql, records) };
}

export async function getClip(app: App, principal: Principal, clipId: string): Promise<Clip> {
  const { clip } = await gate(app, principal, clipId, false);
  return (await withReviews(app.sql, [clip]))[0]!;
}

/** The note, tags and links are the clipper's to change. */
export async function updateClip(app: App, principal: Principal, clipId: string, change: UpdateClip): Promise<Clip> {
  const { clip } = await gate(app, principal, clipId, true);
  ownClip(clip, principal, 'change');
  const goalIds = change.goalIds && unique(change.goalIds);
  const promptIds = change.promptIds && unique(change.promptIds);
  await checkLinks(app.sql, clip.partnershipId, { goalIds, promptIds });
  await updateClipRow(
    app.sql,
    clipId,
    { note: change.note, tags: change.tags && unique(change.tags), goalIds, promptIds },
    app.clock.now(),
  );
  return (await findClip(app.sql, clipId))!;
}

export async function deleteClip(app: App, principal: Principal, clipId: string): Promise<{ ok: true }> {
  const { clip } = await gate(app, principal, clipId, true);
  ownClip(clip, principal, 'delete');
  await deleteClipRow(app.sql, clipId);
  return { ok: true };
}

/** A mentor marks a clip reviewed; marking it again changes nothing. */
export async function reviewClip(app: App, principal: Principal, clipId: string): Promise<Clip> {
  const { clip, partnership } = await gate(app, principal, clipId, true);
  if (!canReview(partnership, principal.personId)) throw forbidden(REVIEW_REFUSED);
  await insertReview(app.sql, clip.id, principal.personId, app.clock.now());
  return (await withReviews(app.sql, [clip]))[0]!;
}

/**
 * Either partner turns a passage into a reflection prompt; the clip links to it. A mentor who turns
 * the mentee's passage into a question has read it: it counts as reviewed by them.
 */
export async function promptFromClip(
  app: App,
  principal: Principal,
  clipId: string,
  question: string,
): Promise<Prompt> {
  const { clip, partnership } = await gate(app, principal, clipId, true);
  const reviews = canReview(partnership, principal.personId) && clip.clipperId !== principal.personId;
  const now = app.clock.now();
  return app.sql.tx(async (sql) => {
    const prompt = await insertPrompt(
      sql,
      { partnershipId: clip.partnershipId, authorId: principal.personId, question, clipId: clip.id, goalId: null },
      now,
    );
    // Read again inside the transaction so a concurrent change of the clip's links is kept.
    const current = await findClipRecord(sql, clip.id);
    if (current) await updateClipRow(sql, clip.id, { promptIds: [...current.promptIds, prompt.id] }, now);
    if (reviews) await insertReview(sql, clip.id, principal.personId, now);
    return prompt;
  });
}
