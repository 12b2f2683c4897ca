/**
 * Clips, the mentor's preparation and connecting the extension, through real launches from the
 * test LMS: who may file, change, review and see passages, and how a browser token lives and dies.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient, type Clip, type Me, type Preparation, type Prompt } from '@mentoring/shared';
import { CODE_REFUSED as CODE_REFUSED_TEXT } from '@mentoring/lti-tool/src/services/pairing.ts';
import { serverI18n } from '@mentoring/lti-tool/src/i18n/server.ts';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import {
  expireOpenPairingCodes,
  nextMillisecond,
  setStatusFromAnotherProcess,
  stampClipsAt,
} from '../support/behind-the-api.ts';
import { apiAs, launchAs, startTestTool, type TestTool } from '../support/tool.ts';

/** The refusal of a code that does not work, as an English reader gets it. */
const CODE_REFUSED = serverI18n('en')._(CODE_REFUSED_TEXT);

const COURSE = 'clips-2026';
interface Launched {
  ltik: string;
  api: ApiClient;
  me: Me;
  id: string;
}

let tool: TestTool;
let lms: TestLms;
const people: Record<'coordinator' | 'mentorA' | 'mentorB' | 'mentee' | 'otherMentee', Launched> = {} as never;
/** mentorA + mentee; mentorB + mentee; mentorB + otherMentee; a closed one of mentorA + mentee. */
const ids = { ab: '', bm: '', other: '', closed: '' };

/** A raw call, for statuses and headers the typed client does not show. */
async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(tool.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; field?: string } },
  };
}

/** Formed by the coordinator through the API, as staff do; a closed one is closed by its mentor. */
async function partnership(mentor: Launched, mentee: Launched, status: 'active' | 'closed' = 'active') {
  const { id } = await people.coordinator.api.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: mentor.id, role: 'mentor' },
        { personId: mentee.id, role: 'mentee' },
      ],
      // Tests pair the same people more than once; the coordinator's duplicate warning is confirmed.
      confirmDuplicate: true,
    },
  });
  if (status === 'closed') await mentor.api.updatePartnership({ params: { id }, body: { status: 'closed' } });
  return id;
}

const clip = (over: Record<string, unknown> = {}) => ({
  url: 'https://reading.example/generative-leadership#ch1',
  title: 'Generative Leadership, chapter 1',
  quote: 'Mentor and mentee compose the conversation together as it unfolds.',
  ...over,
});

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'Clips LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Clipping course',
    people: [
      lmsPerson('coord', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('ment-a', 'Mona Abara', [Role.Learner]),
      lmsPerson('ment-b', 'Milo Brandt', [Role.Learner]),
      lmsPerson('mentee', 'Nia Ekwueme', [Role.Learner]),
      lmsPerson('other', 'Otto Rask', [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  const launchOne = async (personId: string): Promise<Launched> => {
    const { api, ltik } = await launchAs(lms, tool, { courseId: COURSE, personId });
    const me = await api.me({});
    return { api, ltik, me, id: me.person.id };
  };
  people.coordinator = await launchOne('coord');
  people.mentorA = await launchOne('ment-a');
  people.mentorB = await launchOne('ment-b');
  people.mentee = await launchOne('mentee');
  people.otherMentee = await launchOne('other');
  await people.coordinator.api.syncRoster({});
  ids.ab = await partnership(people.mentorA, people.mentee);
  ids.bm = await partnership(people.mentorB, people.mentee);
  ids.other = await partnership(people.mentorB, people.otherMentee);
  ids.closed = await partnership(people.mentorA, people.mentee, 'closed');
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

describe('filing clips', () => {
  it('makes a repeated create with the same id harmless', async () => {
    const id = crypto.randomUUID();
    const first = await call(
      people.mentee.ltik,
      'POST',
      `/api/partnerships/${ids.ab}/clips`,
      clip({ id, note: 'first try' }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id,
      partnershipId: ids.ab,
      clipperId: people.mentee.id,
      reviews: [],
      note: 'first try',
    });
    const again = await call(
      people.mentee.ltik,
      'POST',
      `/api/partnerships/${ids.ab}/clips`,
      clip({ id, note: 'the retry' }),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id, note: 'first try', createdAt: first.body.createdAt });
    const list = await people.mentee.api.listClips({ params: { id: ids.ab }, query: {} });
    expect(list.clips.filter((c) => c.id === id)).toHaveLength(1);
  });

  it('refuses an id already used by another clipper or in another partnership with 409', async () => {
    const id = crypto.randomUUID();
    expect((await call(people.mentee.ltik, 'POST', `/api/partnerships/${ids.ab}/clips`, clip({ id }))).status).toBe(
      201,
    );
    const otherClipper = await call(people.mentorA.ltik, 'POST', `/api/partnerships/${ids.ab}/clips`, clip({ id }));
    expect(otherClipper).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const otherPartnership = await call(people.mentee.ltik, 'POST', `/api/partnerships/${ids.bm}/clips`, clip({ id }));
    expect(otherPartnership.status).toBe(409);
  });

  it('names the field of invalid input, including goals and prompts of another partnership', async () => {
    const goalHere = (await people.mentee.api.createGoal({ params: { id: ids.ab }, body: { title: 'Lead learning' } }))
      .id;
    const goalThere = (
      await people.otherMentee.api.createGoal({ params: { id: ids.other }, body: { title: 'Lead learning' } })
    ).id;
    const promptThere = (
      await people.mentorB.api.createPrompt({ params: { id: ids.other }, body: { question: 'What did you notice?' } })
    ).id;
    const post = (body: unknown) => call(people.mentee.ltik, 'POST', `/api/partnerships/${ids.ab}/clips`, body);
    expect((await post(clip({ goalIds: [goalHere, goalThere] }))).body.error).toMatchObject({
      code: 'invalid_input',
      field: 'goalIds.1',
    });
    expect((await post(clip({ promptIds: [promptThere] }))).body.error).toMatchObject({ field: 'promptIds.0' });
    expect((await post(clip({ quote: '   ' }))).body.error).toMatchObject({ field: 'quote' });
    expect((await post(clip({ url: 'javascript:alert(1)' }))).body.error).toMatchObject({ field: 'url' });
    const ok = await post(clip({ goalIds: [goalHere, goalHere] }));
    expect(ok.status).toBe(201);
    expect(ok.body.goalIds).toEqual([goalHere]);
  });

  it('makes a prompt from the clip with newPrompt, in the same create', async () => {
    const created = await people.mentee.api.createClip({
      params: { id: ids.ab },
      body: clip({ newPrompt: { question: 'Where do I compose with my staff?' } }),
    });
    expect(created.promptIds).toHaveLength(1);
    const prep = await people.mentorA.api.prepare({ params: { id: ids.ab } });
    expect(prep.openPrompts).toContainEqual(
      expect.objectContaining({
        id: created.promptIds[0],
        clipId: created.id,
        question: 'Where do I compose with my staff?',
        authorId: people.mentee.id,
      }),
    );
  });

  it('sees a partnership closed in the database (by any process) at the next clip, and reopened likewise', async () => {
    const id = await partnership(people.mentorA, people.mentee);
    const setStatus = (status: string) => setStatusFromAnotherProcess(tool, id, status);
    await people.mentee.api.createClip({ params: { id }, body: clip() });
    await setStatus('closed');
    await expect(people.mentee.api.createClip({ params: { id }, body: clip() })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/closed/),
    });
    await setStatus('active');
    expect((await people.mentee.api.createClip({ params: { id }, body: clip() })).partnershipId).toBe(id);
  });

  it('stops taking clips as soon as a member closes the partnership in the app', async () => {
    const id = await partnership(people.mentorA, people.mentee);
    await people.mentee.api.createClip({ params: { id }, body: clip() });
    await people.mentorA.api.updatePartnership({ params: { id }, body: { status: 'closed' } });
    await expect(people.mentee.api.createClip({ params: { id }, body: clip() })).rejects.toMatchObject({ status: 403 });
  });

  it('refuses clipping in a closed partnership (403) and in someone else’s (404)', async () => {
    await expect(people.mentee.api.createClip({ params: { id: ids.closed }, body: clip() })).rejects.toMatchObject({
      status: 403,
    });
    await expect(people.mentorA.api.createClip({ params: { id: ids.other }, body: clip() })).rejects.toMatchObject({
      status: 404,
    });
    await expect(people.coordinator.api.listClips({ params: { id: ids.ab }, query: {} })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('finding clips', () => {
  let goalId: string;
  let older: Clip;
  let newer: Clip;
  let fresh: string;

  beforeAll(async () => {
    fresh = await partnership(people.mentorA, people.otherMentee);
    goalId = (await people.otherMentee.api.createGoal({ params: { id: fresh }, body: { title: 'Feedback' } })).id;
    const api = people.otherMentee.api;
    older = await api.createClip({
      params: { id: fresh },
      body: clip({
        url: 'https://reading.example/feedback#top',
        title: 'On Feedback',
        quote: 'Feedback is a gift.',
        tags: ['feedback', '100%_sure'],
      }),
    });
    // A conversation held between the older clip and the newer ones.
    await nextMillisecond();
    const held = await api.createConversation({
      params: { id: fresh },
      body: { scheduledFor: new Date().toISOString() },
    });
    await api.updateConversation({ params: { id: held.id }, body: { held: true } });
    await nextMillisecond();
    newer = await api.createClip({
      params: { id: fresh },
      body: clip({ quote: 'Neither has planned in advance.', note: 'Ask about IMPROVISATION', goalIds: [goalId] }),
    });
    await nextMillisecond();
    await api.createClip({ params: { id: fresh }, body: clip({ quote: 'A third passage.', tags: ['feedback'] }) });
  });

  const list = (query: Record<string, string | number>) =>
    people.mentorA.api.listClips({ params: { id: fresh }, query });

  it('lists newest first with the total', async () => {
    const all = await list({});
    expect(all.total).toBe(3);
    expect(all.clips.map((c) => c.quote)).toEqual([
      'A third passage.',
      'Neither has planned in advance.',
      'Feedback is a gift.',
    ]);
  });

  it('filters by goal, tag, text, page and since the last conversation', async () => {
    expect((await list({ goalId })).clips.map((c) => c.id)).toEqual([newer.id]);
    expect((await list({ tag: 'feedback' })).total).toBe(2);
    expect((await list({ tag: '100%_sure' })).clips.map((c) => c.id)).toEqual([older.id]);
    expect((await list({ tag: '100' })).total).toBe(0);
    expect((await list({ q: 'improvisation' })).clips.map((c) => c.id)).toEqual([newer.id]);
    expect((await list({ q: 'on feedback' })).clips.map((c) => c.id)).toEqual([older.id]);
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ url: 'https://reading.example/feedback' })).clips.map((c) => c.id)).toEqual([older.id]);
    expect((await list({ since: 'last-conversation' })).total).toBe(2);
  });

  it('lists every tag on the partnership’s clips once, for the filter', async () => {
    expect((await people.mentorA.api.clipTags({ params: { id: fresh } })).tags).toEqual(['100%_sure', 'feedback']);
    await expect(people.mentorB.api.clipTags({ params: { id: fresh } })).rejects.toMatchObject({ status: 404 });
  });

  it('pages with limit and a createdAt cursor', async () => {
    const first = await list({ limit: 2 });
    expect(first.clips).toHaveLength(2);
    expect(first.total).toBe(3);
    const rest = await list({ limit: 2, before: first.clips[1]!.createdAt });
    expect(rest.clips.map((c) => c.id)).toEqual([older.id]);
    await expect(list({ limit: 0 })).rejects.toMatchObject({ status: 400, field: 'limit' });
  });

  it('pages through clips made in the same millisecond, each exactly once, in the list’s order', async () => {
    const same = await partnership(people.mentorA, people.otherMentee);
    for (let i = 0; i < 12; i++)
      await people.otherMentee.api.createClip({ params: { id: same }, body: clip({ quote: `Passage ${i}.` }) });
    // As a batch from the extension's outbox can land: eight clips in one millisecond, between two others.
    const made = (await people.mentorA.api.listClips({ params: { id: same }, query: {} })).clips;
    await stampClipsAt(
      tool,
      made.slice(2, 10).map((c) => c.id),
      Date.parse(made[2]!.createdAt),
    );
    const everything = (await people.mentorA.api.listClips({ params: { id: same }, query: {} })).clips.map((c) => c.id);
    const paged: string[] = [];
    let query: Record<string, string | number> = { limit: 5 };
    for (let pages = 0; pages < 5; pages++) {
      const page = await people.mentorA.api.listClips({ params: { id: same }, query });
      expect(page.total).toBe(12);
      paged.push(...page.clips.map((c) => c.id));
      const last = page.clips.at(-1);
      if (page.clips.length < 5 || !last) break;
      query = { limit: 5, before: last.createdAt, beforeId: last.id };
    }
    expect(paged).toEqual(everything);
  });

  it('shows each person the clips on a page across their partnerships, and nobody else’s', async () => {
    const page = 'https://reading.example/shared-page';
    const inAb = await people.mentee.api.createClip({ params: { id: ids.ab }, body: clip({ url: `${page}#one` }) });
    const inBm = await people.mentee.api.createClip({ params: { id: ids.bm }, body: clip({ url: page }) });
    const foreign = await people.otherMentee.api.createClip({ params: { id: ids.other }, body: clip({ url: page }) });
    const onPage = async (who: Launched) =>
      (await who.api.clipsOnPage({ query: { url: `${page}#elsewhere` } })).clips.map((c) => c.id).sort();
    expect(await onPage(people.mentee)).toEqual([inAb.id, inBm.id].sort());
    expect(await onPage(people.mentorA)).toEqual([inAb.id]);
    expect(await onPage(people.mentorB)).toEqual([inBm.id, foreign.id].sort());
    expect(await onPage(people.coordinator)).toEqual([]);
  });

  it('finds a reading’s clips wherever it moved: tracking parameters, another address with its canonical link, its DOI', async () => {
    const reading = 'https://reading.example/listening-before-advising';
    const atCanonical = await people.mentee.api.createClip({
      params: { id: ids.ab },
      body: clip({ url: `${reading}?id=14`, document: { canonical: reading } }),
    });
    const byDoi = await people.mentee.api.createClip({
      params: { id: ids.ab },
      body: clip({ url: 'https://journal.example/articles/14', document: { doi: 'doi:10.5555/Mentoring.14' } }),
    });
    expect(atCanonical.pageIds).toEqual([`${reading}?id=14`, reading]);
    expect(byDoi.pageIds).toEqual(['https://journal.example/articles/14', 'doi:10.5555/mentoring.14']);
    const onPage = async (query: { url: string; canonical?: string; ogUrl?: string; doi?: string }) =>
      (await people.mentee.api.clipsOnPage({ query })).clips.map((c) => c.id).sort();

    expect(await onPage({ url: `${reading}?id=14&utm_source=newsletter&fbclid=abc#top` })).toEqual([atCanonical.id]);
    expect(await onPage({ url: `${reading}/print`, canonical: reading })).toEqual([atCanonical.id]);
    expect(await onPage({ url: 'https://mirror.example/copy', doi: '10.5555/MENTORING.14' })).toEqual([byDoi.id]);
    // A page on another site cannot claim a reading's address as its canonical link.
    expect(await onPage({ url: 'https://copy.example/listening', canonical: reading, ogUrl: reading })).toEqual([]);
    // The mentor of the partnership sees them there too; a mentor of another partnership does not.
    expect(
      (await people.mentorA.api.clipsOnPage({ query: { url: `${reading}?utm_medium=email&id=14` } })).clips.map(
        (c) => c.id,
      ),
    ).toEqual([atCanonical.id]);
    expect((await people.mentorB.api.clipsOnPage({ query: { url: `${reading}?id=14` } })).clips).toEqual([]);
  });
});

describe('changing, reviewing and asking about a clip', () => {
  let theClip: Clip;
  beforeAll(async () => {
    theClip = await people.mentee.api.createClip({
      params: { id: ids.ab },
      body: clip({ note: 'mine', tags: ['dance'] }),
    });
  });

  it('lets only the clipper change or delete it; others in the course do not find it', async () => {
    await expect(
      people.mentorA.api.updateClip({ params: { id: theClip.id }, body: { note: 'not mine' } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(people.mentorA.api.deleteClip({ params: { id: theClip.id } })).rejects.toMatchObject({ status: 403 });
    await expect(people.mentorB.api.getClip({ params: { id: theClip.id } })).rejects.toMatchObject({ status: 404 });
    await expect(
      people.coordinator.api.updateClip({ params: { id: theClip.id }, body: { note: 'x' } }),
    ).rejects.toMatchObject({ status: 404 });
    const changed = await people.mentee.api.updateClip({
      params: { id: theClip.id },
      body: { note: 'changed', tags: ['dance', 'jazz'] },
    });
    expect(changed).toMatchObject({ note: 'changed', tags: ['dance', 'jazz'], quote: theClip.quote });
    expect((await people.mentorA.api.getClip({ params: { id: theClip.id } })).note).toBe('changed');
  });

  it('lets a mentor of the partnership mark it reviewed, once', async () => {
    await expect(people.mentee.api.reviewClip({ params: { id: theClip.id } })).rejects.toMatchObject({ status: 403 });
    await expect(people.mentorB.api.reviewClip({ params: { id: theClip.id } })).rejects.toMatchObject({ status: 404 });
    const reviewed = await people.mentorA.api.reviewClip({ params: { id: theClip.id } });
    expect(reviewed.reviews).toEqual([{ mentorId: people.mentorA.id, reviewedAt: expect.any(String) }]);
    const again = await people.mentorA.api.reviewClip({ params: { id: theClip.id } });
    expect(again.reviews).toEqual(reviewed.reviews);
  });

  it('lets either partner turn it into a prompt', async () => {
    const prompt: Prompt = await people.mentorA.api.promptFromClip({
      params: { id: theClip.id },
      body: { question: 'What does this ask of you?' },
    });
    expect(prompt).toMatchObject({
      clipId: theClip.id,
      authorId: people.mentorA.id,
      status: 'open',
      partnershipId: ids.ab,
    });
    expect((await people.mentee.api.getClip({ params: { id: theClip.id } })).promptIds).toContain(prompt.id);
    await expect(
      people.otherMentee.api.promptFromClip({ params: { id: theClip.id }, body: { question: 'Mine?' } }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('counts a passage the mentor turns into a question as reviewed by them', async () => {
    const fresh = await people.mentee.api.createClip({
      params: { id: ids.ab },
      body: clip({ quote: 'A passage the mentor turns into a question.' }),
    });
    const prompt = await people.mentorA.api.promptFromClip({
      params: { id: fresh.id },
      body: { question: 'What would you try first?' },
    });
    const after = await people.mentee.api.getClip({ params: { id: fresh.id } });
    expect(after.reviews.map((r) => r.mentorId)).toEqual([people.mentorA.id]);
    expect(after.promptIds).toEqual([prompt.id]);
  });

  it('deletes for the clipper', async () => {
    expect(await people.mentee.api.deleteClip({ params: { id: theClip.id } })).toEqual({ ok: true });
    await expect(people.mentee.api.getClip({ params: { id: theClip.id } })).rejects.toMatchObject({ status: 404 });
  });
});

describe('preparing for a conversation', () => {
  let p: string;
  let prep: Preparation;
  const seen: Record<string, string> = {};

  beforeAll(async () => {
    p = await partnership(people.mentorB, people.otherMentee);
    const mentee = people.otherMentee.api;
    const mentor = people.mentorB.api;
    const before = await mentee.createClip({
      params: { id: p },
      body: clip({ quote: 'Before the last conversation.' }),
    });
    await nextMillisecond();
    const held = await mentee.createConversation({
      params: { id: p },
      body: { scheduledFor: new Date().toISOString() },
    });
    await mentee.updateConversation({ params: { id: held.id }, body: { held: true, sharedNotes: 'We talked.' } });
    await mentee.addCommitment({ params: { id: held.id }, body: { text: 'c-open' } });
    const { commitments } = await mentee.addCommitment({ params: { id: held.id }, body: { text: 'c-done' } });
    const done = commitments.find((c) => c.text === 'c-done')!;
    await mentee.updateCommitment({ params: { id: done.id }, body: { done: true } });
    const { id: next } = await mentee.createConversation({
      params: { id: p },
      body: {
        scheduledFor: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        agenda: [{ kind: 'free', text: 'Staff meeting' }],
      },
    });
    await mentor.updateConversation({ params: { id: next }, body: { privateNote: 'mentor only' } });
    await mentee.updateConversation({ params: { id: next }, body: { privateNote: 'mentee only' } });
    await mentee.createRequest({ params: { id: p }, body: { question: 'A reading on feedback?' } });
    await nextMillisecond();
    const a = await mentee.createClip({ params: { id: p }, body: clip({ quote: 'New one.' }) });
    await nextMillisecond();
    const b = await mentee.createClip({
      params: { id: p },
      body: clip({ quote: 'Newest one.', newPrompt: { question: 'Why this?' } }),
    });
    const reviewed = await mentee.createClip({
      params: { id: p },
      body: clip({ quote: 'Already reviewed.' }),
    });
    await mentor.reviewClip({ params: { id: reviewed.id } });
    const { id: answered } = await mentor.createPrompt({ params: { id: p }, body: { question: 'Q?' } });
    await mentee.updatePrompt({ params: { id: answered }, body: { response: 'A.' } });
    Object.assign(seen, { before: before.id, a: a.id, b: b.id, reviewed: reviewed.id, answered, next });
    prep = await people.mentorB.api.prepare({ params: { id: p } });
  });

  it('brings the clips new since the last conversation that the mentor has not reviewed, newest first', () => {
    expect(prep.lastConversationAt).not.toBeNull();
    expect(prep.newClips.map((c) => c.id)).toEqual([seen.b, seen.a]);
    expect(prep.newClipCount).toBe(2);
    expect(prep.partnership.id).toBe(p);
  });

  it('keeps what became of the clips the mentor already reviewed since the last conversation', () => {
    expect(prep.reviewedClips.map((c) => c.id)).toEqual([seen.reviewed]);
    expect(prep.reviewedClips[0]!.reviews).toEqual([expect.objectContaining({ mentorId: people.mentorB.id })]);
  });

  it('brings prompts, the next conversation with the caller’s own note, commitments due and open requests', () => {
    expect(prep.openPrompts.map((x) => x.clipId)).toEqual([seen.b]);
    expect(prep.answeredPrompts.map((x) => x.id)).toEqual([seen.answered]);
    expect(prep.nextConversation).toMatchObject({
      id: seen.next,
      privateNote: 'mentor only',
      agenda: [{ kind: 'free', text: 'Staff meeting' }],
      heldAt: null,
    });
    expect(prep.commitmentsDue).toEqual([
      expect.objectContaining({ text: 'c-open', done: false, conversationId: expect.any(String) }),
    ]);
    expect(prep.openRequests).toBe(1);
  });

  it('carries what the agenda points at, so the screen needs no second request', async () => {
    await people.otherMentee.api.setAgenda({
      params: { id: seen.next! },
      body: {
        agenda: [
          { kind: 'clip', clipId: seen.before! },
          { kind: 'clip', clipId: seen.reviewed! },
          { kind: 'clip', clipId: seen.a! },
          { kind: 'prompt', promptId: seen.answered! },
        ],
      },
    });
    const again = await people.mentorB.api.prepare({ params: { id: p } });
    // A clip from before the last conversation comes along for the agenda; the new and reviewed ones are there already.
    expect(again.agendaClips.map((c) => c.id)).toEqual([seen.before]);
    expect(again.agendaPrompts).toEqual([]);
    expect(again.goals).toEqual([]);
  });

  it('shows the mentee their own note and their own unreviewed view; refuses outsiders', async () => {
    const mine = await people.otherMentee.api.prepare({ params: { id: p } });
    expect(mine.nextConversation?.privateNote).toBe('mentee only');
    expect(mine.newClipCount).toBe(3);
    await expect(people.mentorA.api.prepare({ params: { id: p } })).rejects.toMatchObject({ status: 404 });
    await expect(people.coordinator.api.prepare({ params: { id: p } })).rejects.toMatchObject({ status: 404 });
  });
});

describe('connecting a browser', () => {
  const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

  async function connect(who: Launched, browserName?: string) {
    const { code } = await who.api.createPairingCode({});
    const exchange = createPublic().exchangePairingCode({ body: { code: code.toLowerCase(), browserName } });
    return { code, result: await exchange };
  }
  const createPublic = () => apiAs(tool, '');

  it('exchanges a code for a token that acts as the person, once', async () => {
    const { code, result } = await connect(people.mentee, 'Chrome on a laptop');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(result.token).toMatch(/^mwx_/);
    expect(result.connection.label).toBe('Chrome on a laptop');
    expect(result.me.person.id).toBe(people.mentee.id);
    const ext = apiAs(tool, result.token, { origin: EXTENSION });
    expect((await ext.me({})).person.id).toBe(people.mentee.id);
    // A used code and one never given out are refused in the same words.
    await expect(createPublic().exchangePairingCode({ body: { code } })).rejects.toMatchObject({
      status: 400,
      field: 'code',
      message: CODE_REFUSED,
    });
    await expect(createPublic().exchangePairingCode({ body: { code: 'ABCD-EFGH' } })).rejects.toMatchObject({
      status: 400,
      field: 'code',
      message: CODE_REFUSED,
    });
    const stored = await tool.app.sql.all<{ token_hash: string }>(
      'SELECT token_hash FROM browser_connections WHERE id = :id',
      { id: result.connection.id },
    );
    expect(stored[0]!.token_hash).not.toContain(result.token);
    expect(stored[0]!.token_hash).toHaveLength(64);
  });

  it('refuses an expired code', async () => {
    const { code } = await people.mentee.api.createPairingCode({});
    await expireOpenPairingCodes(tool);
    await expect(createPublic().exchangePairingCode({ body: { code } })).rejects.toMatchObject({
      status: 400,
      message: CODE_REFUSED,
    });
  });

  it('keeps the token to the extension’s routes and origins', async () => {
    const { result } = await connect(people.mentee);
    const token = result.token;
    expect((await call(token, 'GET', '/api/me', undefined, { origin: EXTENSION })).status).toBe(200);
    expect((await call(token, 'GET', '/api/me', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(token, 'POST', '/api/pairing/codes', undefined, { origin: EXTENSION })).status).toBe(403);
    const { body } = await call(token, 'POST', `/api/partnerships/${ids.ab}/clips`, clip(), { origin: EXTENSION });
    expect(
      (await call(token, 'POST', `/api/clips/${body.id as string}/review`, undefined, { origin: EXTENSION })).status,
    ).toBe(403);
    expect(
      (await call(token, 'GET', `/api/partnerships/${ids.ab}/clips`, undefined, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
  });

  it('lists the person’s browsers and revokes one at once', async () => {
    const { result } = await connect(people.mentorA, 'Firefox');
    const ext = apiAs(tool, result.token);
    expect((await ext.me({})).person.id).toBe(people.mentorA.id);
    const listed = await people.mentorA.api.listConnections({});
    expect(listed.connections.map((c) => c.id)).toContain(result.connection.id);
    expect(listed.connections.find((c) => c.id === result.connection.id)?.lastUsedAt).not.toBeNull();
    await expect(people.mentee.api.revokeConnection({ params: { id: result.connection.id } })).rejects.toMatchObject({
      status: 404,
    });
    expect(await people.mentorA.api.revokeConnection({ params: { id: result.connection.id } })).toEqual({ ok: true });
    await expect(ext.me({})).rejects.toMatchObject({ status: 401 });
    expect((await people.mentorA.api.listConnections({})).connections.map((c) => c.id)).not.toContain(
      result.connection.id,
    );
  });

  it('lets a browser disconnect itself, and no other', async () => {
    const first = (await connect(people.mentorB)).result;
    const second = (await connect(people.mentorB)).result;
    const ext = apiAs(tool, second.token, { origin: EXTENSION });
    await expect(ext.revokeConnection({ params: { id: first.connection.id } })).rejects.toMatchObject({ status: 403 });
    expect(await ext.revokeConnection({ params: { id: second.connection.id } })).toEqual({ ok: true });
    await expect(ext.me({})).rejects.toBeInstanceOf(ApiError);
    expect((await apiAs(tool, first.token).me({})).person.id).toBe(people.mentorB.id);
  });
});
