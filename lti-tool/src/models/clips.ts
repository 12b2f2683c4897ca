/** Clipped passages and the mentors' reviews of them. */
import type { Clip, Selector } from '@mentoring/shared';
import { groupBy, json, time, type Sql } from '../db/sql.ts';

export interface ClipRow {
  id: string;
  partnership_id: string;
  clipper_id: string;
  url: string;
  page_url: string;
  title: string;
  quote: string;
  selectors: string;
  note: string;
  tags: string;
  goal_ids: string;
  prompt_ids: string;
  created_at: number | string;
  updated_at: number | string;
}

interface ReviewRow {
  clip_id: string;
  mentor_id: string;
  reviewed_at: number | string;
}

/** A clip as stored, before its reviews and page identities are added. */
export type ClipRecord = Omit<Clip, 'reviews' | 'pageIds'>;

export function toClipRecord(r: ClipRow): ClipRecord {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    clipperId: r.clipper_id,
    url: r.url,
    title: r.title,
    quote: r.quote,
    selectors: json.read<Selector[]>(r.selectors, []),
    note: r.note,
    tags: json.read<string[]>(r.tags, []),
    goalIds: json.read<string[]>(r.goal_ids, []),
    promptIds: json.read<string[]>(r.prompt_ids, []),
    createdAt: time.iso(r.created_at),
    updatedAt: time.iso(r.updated_at),
  };
}

/** Clips with their reviews and page identities, in the order given; one query for each. */
export async function withReviews(sql: Sql, records: ClipRecord[]): Promise<Clip[]> {
  if (!records.length) return [];
  const ids = records.map((c) => c.id);
  const [rows, pages] = await Promise.all([
    sql.all<ReviewRow>(
      'SELECT clip_id, mentor_id, reviewed_at FROM clip_reviews WHERE clip_id IN (:ids) ORDER BY reviewed_at',
      { ids },
    ),
    sql.all<{ clip_id: string; page_id: string }>('SELECT clip_id, page_id FROM clip_pages WHERE clip_id IN (:ids)', {
      ids,
    }),
  ]);
  const reviewsOf = groupBy(rows, (r) => r.clip_id);
  const pagesOf = groupBy(pages, (p) => p.clip_id);
  return records.map((c) => ({
    ...c,
    pageIds: (pagesOf.get(c.id) ?? []).map((p) => p.page_id),
    reviews: (reviewsOf.get(c.id) ?? []).map((r) => ({ mentorId: r.mentor_id, reviewedAt: time.iso(r.reviewed_at) })),
  }));
}

export async function findClipRecord(sql: Sql, id: string): Promise<ClipRecord | undefined> {
  const row = await sql.one<ClipRow>('SELECT * FROM clips WHERE id = :id', { id });
  return row && toClipRecord(row);
}

export async function findClip(sql: Sql, id: string): Promise<Clip | undefined> {
  const record = await findClipRecord(sql, id);
  return record && (await withReviews(sql, [record]))[0];
}

/** `pageIds`: the identities of the clip's page, its `pageUrl` among them. */
export type NewClip = ClipRecord & { pageUrl: string; pageIds: string[] };

const CLIP_COLUMNS =
  'id, partnership_id, clipper_id, url, page_url, title, quote, selectors, note, tags, goal_ids, prompt_ids, created_at, updated_at';

function clipValues(c: NewClip, n: number, params: Record<string, unknown>): string {
  const values = [
    c.id,
    c.partnershipId,
    c.clipperId,
    c.url,
    c.pageUrl,
    c.title,
    c.quote,
    json.write(c.selectors),
    c.note,
    json.write(c.tags),
    json.write(c.goalIds),
    json.write(c.promptIds),
    time.ms(c.createdAt),
    time.ms(c.updatedAt),
  ];
  return `(${values.map((v, i) => ((params[`v${n}_${i}`] = v), `:v${n}_${i}`)).join(', ')})`;
}

/**
 * Inserts clips whose ids are free, in one statement (one commit); answers, row by row, whether
 * that row was inserted. An id already taken (a retried create, mostly) is left as stored.
 */
export function insertClips(sql: Sql, rows: NewClip[]): Promise<boolean[]> {
  return sql.tx(async (tx) => {
    const inserted = await insertClipRows(tx, rows);
    const pages = rows.filter((_, i) => inserted[i]).flatMap((r) => r.pageIds.map((page) => [page, r.id] as const));
    if (pages.length) {
      const params: Record<string, unknown> = {};
      const values = pages.map(
        ([page, id], n) => ((params[`p${n}`] = page), (params[`c${n}`] = id), `(:p${n}, :c${n})`),
      );
      await tx.run(
        `INSERT INTO clip_pages (page_id, clip_id) VALUES ${values.join(', ')} ON CONFLICT (page_id, clip_id) DO NOTHING`,
        params,
      );
    }
    return inserted;
  });
}

async function insertClipRows(sql: Sql, rows: NewClip[]): Promise<boolean[]> {
  const params: Record<string, unknown> = {};
  const values = rows.map((r, n) => clipValues(r, n, params)).join(', ');
  const changes = await sql.run(
    `INSERT INTO clips (${CLIP_COLUMNS}) VALUES ${values} ON CONFLICT (id) DO NOTHING`,
    params,
  );
  if (changes === rows.length) return rows.map(() => true);
  // Ours are the stored rows with our clipper, partnership and time; a repeated id counts once.
  const stored = await sql.all<{ id: string; partnership_id: string; clipper_id: string; created_at: number | string }>(
    'SELECT id, partnership_id, clipper_id, created_at FROM clips WHERE id IN (:ids)',
    { ids: rows.map((r) => r.id) },
  );
  const byId = new Map(stored.map((s) => [s.id, s]));
  const claimed = new Set<string>();
  return rows.map((r) => {
    const s = byId.get(r.id);
    const ours =
      !!s &&
      !claimed.has(r.id) &&
      s.partnership_id === r.partnershipId &&
      s.clipper_id === r.clipperId &&
      Number(s.created_at) === time.ms(r.createdAt);
    if (ours) claimed.add(r.id);
    return ours;
  });
}

const MAX_GROUP = 100;

/** A clip waiting for its group, with the program its clipper acts in. */
export interface QueuedClip {
  row: NewClip;
  programId: string;
}

/** What became of a queued clip: inserted, its id already taken, or refused by the admission check. */
export type GroupOutcome = 'inserted' | 'taken' | 'refused';

/**
 * Group commit for clip creation. SQLite commits one writer at a time and syncs at every WAL
 * checkpoint, so one commit per clip caps creation well below what clippers send at busy times.
 * A clip arriving while no insert is running is written at once; those arriving meanwhile wait
 * for it and go together in the next transaction, which first asks `admit` (the access rules,
 * read fresh) which of them may go in. A failed group is retried row by row, so one bad row
 * refuses only its own request.
 */
export class ClipGroups {
  private readonly waiting: Array<{
    clip: QueuedClip;
    done: (outcome: GroupOutcome) => void;
    fail: (err: unknown) => void;
  }> = [];
  private running = false;

  constructor(
    private readonly sql: Sql,
    private readonly admit: (sql: Sql, clips: QueuedClip[]) => Promise<boolean[]>,
    /** Runs in the group's transaction with the clips it inserted (to tell who waits for them). */
    private readonly inserted?: (sql: Sql, rows: NewClip[]) => Promise<void>,
  ) {}

  /** Inserts one clip with the next group. */
  insert(clip: QueuedClip): Promise<GroupOutcome> {
    return new Promise((done, fail) => {
      this.waiting.push({ clip, done, fail });
      if (!this.running) void this.drain();
    });
  }

  private write(clips: QueuedClip[]): Promise<GroupOutcome[]> {
    return this.sql.tx(async (sql) => {
      const admitted = await this.admit(sql, clips);
      const rows = clips.filter((_, i) => admitted[i]).map((c) => c.row);
      const inserted = rows.length ? await insertClips(sql, rows) : [];
      if (this.inserted)
        await this.inserted(
          sql,
          rows.filter((_, i) => inserted[i]),
        );
      let next = 0;
      return admitted.map((ok) => (!ok ? 'refused' : inserted[next++] ? 'inserted' : 'taken'));
    });
  }

  private async drain() {
    this.running = true;
    while (this.waiting.length) {
      const group = this.waiting.splice(0, MAX_GROUP);
      try {
        const outcomes = await this.write(group.map((g) => g.clip));
        group.forEach((g, i) => g.done(outcomes[i]!));
      } catch (err) {
        if (group.length === 1) group[0]!.fail(err);
        else for (const g of group) await this.write([g.clip]).then(([outcome]) => g.done(outcome!), g.fail);
      }
    }
    this.running = false;
  }
}

export async function updateClipRow(
  sql: Sql,
  id: string,
  change: { note?: string; tags?: string[]; goalIds?: string[]; promptIds?: string[] },
  now: number,
) {
  const sets = ['updated_at = :now'];
  if (change.note !== undefined) sets.push('note = :note');
  if (change.tags) sets.push('tags = :tags');
  if (change.goalIds) sets.push('goal_ids = :goalIds');
  if (change.promptIds) sets.push('prompt_ids = :promptIds');
  await sql.run(`UPDATE clips SET ${sets.join(', ')} WHERE id = :id`, {
    id,
    now,
    note: change.note,
    tags: change.tags && json.write(change.tags),
    goalIds: change.goalIds && json.write(change.goalIds),
    promptIds: change.promptIds && json.write(change.promptIds),
  });
}

/** Reviews and the clip's place in prompts go with it (cascade and set-null in the schema). */
export async function deleteClipRow(sql: Sql, id: string) {
  await sql.run('DELETE FROM clips WHERE id = :id', { id });
}

/** A second review by the same mentor keeps the first time: reviewing is idempotent. */
export async function insertReview(sql: Sql, clipId: string, mentorId: string, now: number) {
  await sql.run(
    `INSERT INTO clip_reviews (clip_id, mentor_id, reviewed_at) VALUES (:clipId, :mentorId, :now)
     ON CONFLICT (clip_id, mentor_id) DO NOTHING`,
    { clipId, mentorId, now },
  );
}

export interface ClipQuery {
  partnershipId: string;
  goalId?: string;
  tag?: string;
  /** Text in the quote, note or title, in any case. */
  text?: string;
  pageUrl?: string;
  /** Created strictly after (epoch ms). */
  after?: number;
  /** The page cursor: created before this (epoch ms), or at it with a smaller id than `beforeId`. */
  before?: number;
  beforeId?: string;
  limit: number;
}

/** `LIKE` patterns escape their wildcards with `!`, which needs no quoting in either dialect. */
const likeEscape = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);
const contains = (s: string) => `%${likeEscape(s)}%`;

function conditions(q: ClipQuery, withCursor: boolean): { where: string; params: Record<string, unknown> } {
  const where = ['partnership_id = :partnershipId'];
  const params: Record<string, unknown> = { partnershipId: q.partnershipId };
  // Lists are JSON text: an element is found by its JSON spelling, quotes included.
  if (q.goalId !== undefined) {
    where.push("goal_ids LIKE :goalLike ESCAPE '!'");
    params.goalLike = contains(JSON.stringify(q.goalId));
  }
  if (q.tag !== undefined) {
    where.push("tags LIKE :tagLike ESCAPE '!'");
    params.tagLike = contains(JSON.stringify(q.tag));
  }
  if (q.text) {
    where.push(
      "(LOWER(quote) LIKE :text ESCAPE '!' OR LOWER(note) LIKE :text ESCAPE '!' OR LOWER(title) LIKE :text ESCAPE '!')",
    );
    params.text = contains(q.text.toLowerCase());
  }
  if (q.pageUrl !== undefined) {
    where.push('page_url = :pageUrl');
    params.pageUrl = q.pageUrl;
  }
  if (q.after !== undefined) {
    where.push('created_at > :after');
    params.after = q.after;
  }
  if (withCursor && q.before !== undefined) {
    // The list's own order (created_at, id), so clips made in the same millisecond are neither
    // skipped nor repeated across a page boundary.
    where.push(
      q.beforeId === undefined
        ? 'created_at < :before'
        : '(created_at < :before OR (created_at = :before AND id < :beforeId))',
    );
    params.before = q.before;
    if (q.beforeId !== undefined) params.beforeId = q.beforeId;
  }
  return { where: where.join(' AND '), params };
}

/** A page of matching clips, newest first, and how many match in all (the cursor aside). */
export async function queryClips(sql: Sql, q: ClipQuery): Promise<{ records: ClipRecord[]; total: number }> {
  const page = conditions(q, true);
  const all = conditions(q, false);
  const rows = await sql.all<ClipRow>(
    `SELECT * FROM clips WHERE ${page.where} ORDER BY created_at DESC, id DESC LIMIT :limit`,
    {
      ...page.params,
      limit: q.limit,
    },
  );
  const total =
    rows.length < q.limit && q.before === undefined
      ? rows.length
      : Number(
          (await sql.one<{ n: number | string }>(`SELECT COUNT(*) AS n FROM clips WHERE ${all.where}`, all.params))
            ?.n ?? 0,
        );
  return { records: rows.map(toClipRecord), total };
}

/** The distinct tags on a partnership's clips, sorted as people read them. */
export async function tagsInPartnership(sql: Sql, partnershipId: string): Promise<string[]> {
  const rows = await sql.all<{ tags: string }>(
    "SELECT DISTINCT tags FROM clips WHERE partnership_id = :partnershipId AND tags <> '[]'",
    { partnershipId },
  );
  const tags = new Set(rows.flatMap((r) => JSON.parse(r.tags) as string[]));
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/**
 * The clips on one page in every partnership the person may read in the program: those sharing
 * any of the page's identities (by the `clip_pages` index).
 */
export async function clipsOnPageFor(
  sql: Sql,
  programId: string,
  personId: string,
  pageIds: string[],
): Promise<ClipRecord[]> {
  const rows = await sql.all<ClipRow>(
    `SELECT c.* FROM clips c
       JOIN partnership_members m ON m.partnership_id = c.partnership_id AND m.person_id = :personId AND m.invitation <> 'declined'
       JOIN partnerships p ON p.id = c.partnership_id AND p.program_id = :programId
      WHERE c.id IN (SELECT clip_id FROM clip_pages WHERE page_id IN (:pageIds))
      ORDER BY c.created_at DESC, c.id DESC`,
    { programId, personId, pageIds },
  );
  return rows.map(toClipRecord);
}

/**
 * The clips created after `after` that `reviewerId` has not reviewed, newest first, and how many
 * there are. Walks the (partnership_id, created_at, id) index backwards and probes clip_reviews
 * by its primary key; counting reads that index alone. The cost follows the partnership's new
 * clips, not the size of the table.
 */
/**
 * Clips after `after` that `reviewerId` has (or has not) reviewed, newest first, at most `limit`;
 * `total` counts them all, with a second query only when the limit was reached.
 */
export async function clipsByReview(
  sql: Sql,
  p: { partnershipId: string; reviewerId: string; after: number; limit: number; reviewed: boolean },
): Promise<{ records: ClipRecord[]; total: number }> {
  const where = `c.partnership_id = :partnershipId AND c.created_at > :after
    AND ${p.reviewed ? '' : 'NOT '}EXISTS (SELECT 1 FROM clip_reviews r WHERE r.clip_id = c.id AND r.mentor_id = :reviewerId)`;
  const params = { partnershipId: p.partnershipId, reviewerId: p.reviewerId, after: p.after, limit: p.limit };
  const rows = await sql.all<ClipRow>(
    `SELECT c.* FROM clips c WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT :limit`,
    params,
  );
  const total =
    rows.length < p.limit
      ? rows.length
      : Number(
          (await sql.one<{ n: number | string }>(`SELECT COUNT(*) AS n FROM clips c WHERE ${where}`, params))?.n ?? 0,
        );
  return { records: rows.map(toClipRecord), total };
}
