/**
 * Issue 10, staff views at district scale: program activity and the staff partnership list come a
 * page at a time (keyset cursors), filtered by quiet, status and member name on the server, with
 * every partnership exactly once across pages, in a stable order, and still without content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, PartnershipActivity, PartnershipQuery } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const COURSE = 'district-2026';
const DAY = 86_400_000;
const PEOPLE = [
  ['coord', 'Nora Quist', Role.Instructor],
  ['mara', 'Mara Lind', Role.Learner],
  ['ben', 'Ben Okafor', Role.Learner],
  ['dana', 'Dana Reyes', Role.Learner],
  ['eli', 'Eli Novak', Role.Learner],
  ['fay', 'Fay Brandt', Role.Learner],
  ['gus', 'Gus 100%_Percent', Role.Learner],
] as const;

let tool: TestTool;
let lms: TestLms;
const api: Record<string, ApiClient> = {};
const id: Record<string, string> = {};
/** Partnership ids by what the test made of them. */
const made = { all: [] as string[], closed: [] as string[], quiet: [] as string[], scheduled: '', content: '' };

async function form(mentor: string, mentee: string): Promise<string> {
  const p = await api.coord!.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: id[mentor]!, role: 'mentor' },
        { personId: id[mentee]!, role: 'mentee' },
      ],
      agreement: { purpose: 'AGREEMENT-CONTENT' },
      // Paging needs many partnerships among few people: repeated pairs are meant.
      confirmDuplicate: true,
    },
  });
  made.all.push(p.id);
  return p.id;
}

/** Every page of the activity list for `query`, following the cursors, with the size of each page. */
async function allActivityPages(query: PartnershipQuery) {
  const rows: PartnershipActivity[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await api.coord!.programActivity({ query: { ...query, ...(cursor && { cursor }) } });
    rows.push(...page.partnerships);
    sizes.push(page.partnerships.length);
    if (cursor) expect(page.summary).toBeNull();
    if (!page.nextCursor) return { rows, sizes };
    cursor = page.nextCursor;
  }
  throw new Error('the cursors never ended');
}

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'District LMS' });
  lms.addCourse({ id: COURSE, title: 'District program', people: PEOPLE.map(([u, n, r]) => lmsPerson(u, n, [r])) });
  await lms.registerTool(`${tool.url}/register`);
  for (const [who] of PEOPLE) {
    const launched = await launchAs(lms, tool, { courseId: COURSE, personId: who });
    api[who] = launched.api;
    id[who] = (await launched.api.me({})).person.id;
  }
  await api.coord!.syncRoster({});

  const pairs = [
    ['mara', 'ben'],
    ['mara', 'dana'],
    ['eli', 'fay'],
    ['eli', 'gus'],
    ['ben', 'dana'],
  ] as const;
  for (let i = 0; i < 25; i++) {
    const [mentor, mentee] = pairs[i % pairs.length]!;
    await form(mentor, mentee);
  }

  // Ten partnerships formed in the same millisecond: the id decides their order.
  const sameMoment = Date.now() - 5 * DAY;
  for (const p of made.all.slice(0, 10))
    await tool.app.sql.run('UPDATE partnerships SET created_at = :t WHERE id = :p', { t: sameMoment, p });
  // Three long quiet; one as old but with a conversation coming; two closed (never quiet).
  made.quiet = made.all.slice(10, 13);
  made.scheduled = made.all[13]!;
  made.closed = made.all.slice(14, 16);
  for (const p of [...made.quiet, made.scheduled, ...made.closed])
    await tool.app.sql.run('UPDATE partnerships SET created_at = :t WHERE id = :p', { t: Date.now() - 60 * DAY, p });
  for (const p of made.closed)
    await tool.app.sql.run(`UPDATE partnerships SET status = 'closed', closed_at = :t WHERE id = :p`, {
      t: Date.now(),
      p,
    });
  const pScheduled = made.scheduled;
  const scheduledMembers = (await api.coord!.getPartnership({ params: { id: pScheduled } })).members;
  const mentor = PEOPLE.find(([u]) => id[u] === scheduledMembers.find((m) => m.role === 'mentor')!.personId)![0];
  await api[mentor]!.createConversation({
    params: { id: pScheduled },
    body: { scheduledFor: new Date(Date.now() + 3 * DAY).toISOString() },
  });

  // Content in one partnership that staff must never see.
  made.content = made.all[24]!;
  const contentMembers = (await api.coord!.getPartnership({ params: { id: made.content } })).members;
  const mentee = PEOPLE.find(([u]) => id[u] === contentMembers.find((m) => m.role === 'mentee')!.personId)![0];
  await api[mentee]!.createGoal({ params: { id: made.content }, body: { title: 'GOAL-CONTENT' } });
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

describe('program activity, a page at a time', () => {
  it('gives every partnership once, newest first (ties by id), across pages of any size', async () => {
    const whole = await api.coord!.programActivity({ query: { limit: 200 } });
    expect(whole.nextCursor).toBeNull();
    expect(whole.summary).toEqual({ partnerships: 25, quiet: 3 });
    // Ids break ties in the database's own collation: the order is the whole list's, page by page.
    const order = whole.partnerships.map((p) => ({ createdAt: p.createdAt, id: p.partnershipId }));
    expect(order.map((p) => p.createdAt)).toEqual(
      order
        .map((p) => p.createdAt)
        .sort()
        .reverse(),
    );
    expect(new Set(order.map((p) => p.id))).toEqual(new Set(made.all));

    for (const limit of [1, 4, 7, 10, 24, 25]) {
      const { rows, sizes } = await allActivityPages({ limit });
      expect(
        rows.map((r) => r.partnershipId),
        `pages of ${limit}`,
      ).toEqual(order.map((p) => p.id));
      expect(sizes.slice(0, -1).every((n) => n === limit)).toBe(true);
    }
    // The default page is 50.
    expect((await api.coord!.programActivity({})).partnerships).toHaveLength(25);
  });

  it('stays stable when a partnership is formed between two pages', async () => {
    const first = await api.coord!.programActivity({ query: { limit: 5 } });
    const added = await form('fay', 'eli');
    const rest = await allActivityPages({ limit: 5 });
    const second = await api.coord!.programActivity({ query: { limit: 200, cursor: first.nextCursor! } });
    const seen = [...first.partnerships, ...second.partnerships].map((p) => p.partnershipId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(added);
    expect(seen.length).toBe(25);
    expect(rest.rows[0]!.partnershipId).toBe(added);
    await tool.app.sql.tx(async (sql) => {
      await sql.run('DELETE FROM partnership_members WHERE partnership_id = :added', { added });
      await sql.run('DELETE FROM partnerships WHERE id = :added', { added });
    });
    made.all.pop();
  });

  it('filters by quiet, status and member name on the server, through every page', async () => {
    const quiet = await allActivityPages({ quiet: 'true', limit: 2 });
    expect(quiet.rows.map((r) => r.partnershipId).sort()).toEqual([...made.quiet].sort());
    expect(quiet.rows.every((r) => r.quiet)).toBe(true);

    const notQuiet = await allActivityPages({ quiet: 'false', limit: 4 });
    expect(notQuiet.rows).toHaveLength(22);
    expect(notQuiet.rows.some((r) => r.quiet)).toBe(false);
    expect(notQuiet.rows.map((r) => r.partnershipId)).toContain(made.scheduled);

    const closed = await allActivityPages({ status: 'closed', limit: 1 });
    expect(closed.rows.map((r) => r.partnershipId).sort()).toEqual([...made.closed].sort());
    expect((await allActivityPages({ status: 'closed', quiet: 'true' })).rows).toEqual([]);

    // Part of a name, any case, any member: Eli's partnerships (as mentor) are 10 of the 25.
    const eli = await allActivityPages({ name: 'eLI nOv', limit: 3 });
    expect(eli.rows).toHaveLength(10);
    expect(eli.rows.every((r) => r.members.some((m) => m.name === 'Eli Novak'))).toBe(true);
    const dana = await allActivityPages({ name: 'reyes' });
    expect(dana.rows).toHaveLength(10);
    // Wildcards in a name are letters like any other.
    expect((await allActivityPages({ name: '0%_p' })).rows).toHaveLength(5);
    expect((await allActivityPages({ name: '%' })).rows).toHaveLength(5);
    expect((await allActivityPages({ name: 'nobody here' })).rows).toEqual([]);

    const summary = (await api.coord!.programActivity({ query: { name: 'nobody here' } })).summary;
    expect(summary).toEqual({ partnerships: 25, quiet: 3 });
  });

  it('refuses a cursor or a filter it did not make with a 400 that names the field', async () => {
    for (const [query, field] of [
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
      [{ cursor: 'not a cursor!' }, 'cursor'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ status: 'sleeping' }, 'status'],
      [{ quiet: 'maybe' }, 'quiet'],
    ] as const) {
      await expect(
        api.coord!.programActivity({ query: query as PartnershipQuery }),
        JSON.stringify(query),
      ).rejects.toMatchObject({ status: 400, field });
    }
  });

  it('shows staff counts and dates only, and is for staff only', async () => {
    const text = JSON.stringify(await allActivityPages({ limit: 3 }));
    expect(text).not.toContain('AGREEMENT-CONTENT');
    expect(text).not.toContain('GOAL-CONTENT');
    await expect(api.mara!.programActivity({})).rejects.toMatchObject({ status: 403 });
  });
});

describe('the staff partnership list, a page at a time', () => {
  it('pages through the whole program without content', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.coord!.listPartnerships({ query: { limit: 6, ...(cursor && { cursor }) } });
      expect(page.partnerships.length).toBeLessThanOrEqual(6);
      seen.push(...page.partnerships.map((p) => p.id));
      expect(JSON.stringify(page)).not.toContain('AGREEMENT-CONTENT');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set(made.all));

    const closed = await api.coord!.listPartnerships({ query: { status: 'closed' } });
    expect(closed.partnerships.map((p) => p.id).sort()).toEqual([...made.closed].sort());
    expect((await api.coord!.listPartnerships({ query: { quiet: 'true' } })).partnerships).toHaveLength(3);
  });

  it('gives a participant their own partnerships, with the agreement, and the same filters', async () => {
    const mine = await api.gus!.listPartnerships({});
    expect(mine.nextCursor).toBeNull();
    expect(mine.partnerships).toHaveLength(5);
    expect(mine.partnerships.every((p) => p.members.some((m) => m.personId === id.gus))).toBe(true);
    expect(mine.partnerships[0]!.agreement.purpose).toBe('AGREEMENT-CONTENT');
    const paged = await api.gus!.listPartnerships({ query: { limit: 2 } });
    expect(paged.partnerships).toHaveLength(2);
    expect(paged.nextCursor).not.toBeNull();
    expect((await api.gus!.listPartnerships({ query: { name: 'Mara' } })).partnerships).toEqual([]);
  });
});
