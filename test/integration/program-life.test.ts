/**
 * Issue 12, items 1 and 2, through real launches from the test LMS: staff pause, resume, end and
 * re-match partnerships with a kept history, nudge a quiet pair, see who is matched and who left the
 * course, edit and remove checkpoints, and download a content-free program report; conversations
 * carry a length, a place and a time zone, one held date that is asked for, and reach calendars.
 * Also item 6's versions: a stale agenda, shared notes or agreement is refused, never lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { ApiClient, Partnership } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import type { LmsPerson } from '@mentoring/lti-tool/src/sandbox/lms/types.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const COURSE = 'program-life';
const SECRET = 'zq-secret';

let tool: TestTool;
let lms: TestLms;
const api: Record<string, ApiClient> = {};
const id: Record<string, string> = {};
const people: LmsPerson[] = [
  lmsPerson('coord', 'Nora Quist', [Role.Instructor]),
  lmsPerson('mara', 'Mara Lind', [Role.Learner]),
  lmsPerson('ben', 'Ben Okafor', [Role.Learner]),
  lmsPerson('dana', 'Dana Reyes', [Role.Learner]),
  lmsPerson('eli', 'Eli Novak', [Role.Learner]),
  lmsPerson('fay', 'Fay Brandt', [Role.Learner]),
  lmsPerson('gus', 'Gus Admin', [Role.Learner]),
];

/** Mara mentors Ben, formed by staff. */
let A: Partnership;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'Program life LMS' });
  lms.addCourse({ id: COURSE, title: 'Leaders 2026', people });
  await lms.registerTool(`${tool.url}/register`);
  for (const p of people) {
    const launched = await launchAs(lms, tool, { courseId: COURSE, personId: p.id });
    api[p.id] = launched.api;
    id[p.id] = (await launched.api.me({})).person.id;
  }
  A = await api.coord!.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: id.mara!, role: 'mentor' },
        { personId: id.ben!, role: 'mentee' },
      ],
    },
  });
  await api.ben!.createGoal({ params: { id: A.id }, body: { title: `${SECRET} goal` } });
}, 120_000);

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => ({ vevent: v, event: new ICAL.Event(v) }));
}

describe('a duplicate partnership', () => {
  it('warns staff with 409 before forming the same two people again, in either order, and forms it once confirmed', async () => {
    const reversed = {
      kind: 'mentoring' as const,
      members: [
        { personId: id.ben!, role: 'mentor' as const },
        { personId: id.mara!, role: 'mentee' as const },
      ],
    };
    await expect(api.coord!.createPartnership({ body: reversed })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/Ben Okafor and Mara Lind already share a mentoring partnership.*Confirm/),
    });
    const confirmed = await api.coord!.createPartnership({ body: { ...reversed, confirmDuplicate: true } });
    expect(confirmed.status).toBe('active');
    await api.coord!.partnershipLifecycle({
      params: { id: confirmed.id },
      body: { action: 'end', reason: 'Formed twice by mistake' },
    });
  });
});

describe('pause, resume and end', () => {
  it('a paused partnership is read but not written by its members, until staff resume it', async () => {
    const paused = await api.coord!.partnershipLifecycle({ params: { id: A.id }, body: { action: 'pause' } });
    expect(paused.status).toBe('paused');
    expect((await api.ben!.getPartnership({ params: { id: A.id } })).status).toBe('paused');
    expect((await api.ben!.listGoals({ params: { id: A.id } })).goals).toHaveLength(1);
    await expect(api.ben!.createGoal({ params: { id: A.id }, body: { title: 'New' } })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/paused/),
    });
    await expect(
      api.coord!.partnershipLifecycle({ params: { id: A.id }, body: { action: 'pause' } }),
    ).rejects.toMatchObject({ status: 409 });
    const activity = await api.coord!.programActivity({});
    expect(activity.partnerships.find((p) => p.partnershipId === A.id)?.status).toBe('paused');
    await api.coord!.partnershipLifecycle({ params: { id: A.id }, body: { action: 'resume' } });
    await api.ben!.createGoal({ params: { id: A.id }, body: { title: `${SECRET} second goal` } });
  });

  it('only staff steer a partnership; its members cannot pause it', async () => {
    await expect(
      api.mara!.partnershipLifecycle({ params: { id: A.id }, body: { action: 'pause' } }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('ending needs a reason, which staff see in the history and members never do', async () => {
    const C = await api.coord!.createPartnership({
      body: {
        kind: 'collegial',
        members: [
          { personId: id.dana!, role: 'mentor' },
          { personId: id.eli!, role: 'mentee' },
        ],
      },
    });
    await expect(
      api.coord!.partnershipLifecycle({ params: { id: C.id }, body: { action: 'end' } }),
    ).rejects.toMatchObject({ status: 400, field: 'reason' });
    const ended = await api.coord!.partnershipLifecycle({
      params: { id: C.id },
      body: { action: 'end', reason: 'Eli moved to another district' },
    });
    expect(ended.status).toBe('closed');
    expect(ended.events.at(-1)).toMatchObject({
      kind: 'ended',
      reason: 'Eli moved to another district',
      byName: 'Nora Quist',
    });
    const seenByMember = JSON.stringify([
      await api.dana!.getPartnership({ params: { id: C.id } }),
      await api.dana!.listPartnerships({}),
    ]);
    expect(seenByMember).not.toContain('another district');
    await expect(api.dana!.partnershipHistory({ params: { id: C.id } })).rejects.toMatchObject({ status: 403 });
    // What the program ended, its members cannot reopen; what they closed themselves, they can.
    await expect(
      api.dana!.updatePartnership({ params: { id: C.id }, body: { status: 'active' } }),
    ).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/coordinator/) });
    expect((await api.dana!.getPartnership({ params: { id: C.id } })).status).toBe('closed');
  });

  it('members reopen a partnership they closed themselves', async () => {
    const D = await api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.fay!, role: 'mentor' },
          { personId: id.dana!, role: 'mentee' },
        ],
      },
    });
    await api.dana!.updatePartnership({ params: { id: D.id }, body: { status: 'closed' } });
    expect((await api.fay!.updatePartnership({ params: { id: D.id }, body: { status: 'active' } })).status).toBe(
      'active',
    );
  });
});

describe('changing members and re-matching', () => {
  it('replaces the mentor: the one who leaves loses access, the new one gains it, and the history says who was in it when', async () => {
    const E = await api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.fay!, role: 'mentor' },
          { personId: id.eli!, role: 'mentee' },
        ],
      },
    });
    const history = await api.coord!.changeMembers({
      params: { id: E.id },
      body: {
        members: [
          { personId: id.dana!, role: 'mentor' },
          { personId: id.eli!, role: 'mentee' },
        ],
      },
    });
    const steps = history.events.map((e) => [e.kind, e.name, e.role]);
    expect(steps).toEqual([
      ['formed', null, null],
      ['member-joined', 'Fay Brandt', 'mentor'],
      ['member-joined', 'Eli Novak', 'mentee'],
      ['member-left', 'Fay Brandt', 'mentor'],
      ['member-joined', 'Dana Reyes', 'mentor'],
    ]);
    expect(history.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    await expect(api.fay!.listGoals({ params: { id: E.id } })).rejects.toMatchObject({ status: 404 });
    expect((await api.dana!.getPartnership({ params: { id: E.id } })).members.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Dana Reyes', 'Eli Novak']),
    );
    await expect(
      api.coord!.changeMembers({
        params: { id: E.id },
        body: {
          members: [
            { personId: id.dana!, role: 'mentor' },
            { personId: id.coord!, role: 'mentee' },
          ],
        },
      }),
    ).rejects.toMatchObject({ status: 400, field: 'members.1.personId' });
  });
});

describe('nudges', () => {
  it('staff nudge a pair without content; the pair sees it, delivered as a notice', async () => {
    const n = await api.coord!.nudgePartnership({ params: { id: A.id } });
    expect(n).toMatchObject({ partnershipId: A.id, sentByName: 'Nora Quist' });
    expect(n.deliveredAt).toBe(n.sentAt);
    const seen = await api.ben!.listNudges({ params: { id: A.id } });
    expect(seen.nudges.map((x) => x.id)).toEqual([n.id]);
    await expect(api.eli!.listNudges({ params: { id: A.id } })).rejects.toMatchObject({ status: 404 });
    await expect(api.mara!.nudgePartnership({ params: { id: A.id } })).rejects.toMatchObject({ status: 403 });
    const history = await api.coord!.partnershipHistory({ params: { id: A.id } });
    expect(history.events.map((e) => e.kind)).toContain('nudged');
    expect(JSON.stringify(history)).not.toContain(SECRET);
  });
});

describe('the roster', () => {
  it('shows each person’s partnerships and roles, and marks people who left the course without counting them', async () => {
    lms.addCourse({
      id: COURSE,
      title: 'Leaders 2026',
      people: people
        .filter((p) => p.id !== 'gus')
        .map((p) => (p.id === 'fay' ? { ...p, status: 'Inactive' as const } : p)),
    });
    const roster = await api.coord!.syncRoster({});
    const entry = (who: string) => roster.people.find((p) => p.personId === id[who])!;
    expect(entry('mara').partnerships).toEqual(
      expect.arrayContaining([expect.objectContaining({ partnershipId: A.id, role: 'mentor', status: 'active' })]),
    );
    expect(entry('ben').partnerships.map((p) => p.role)).toContain('mentee');
    expect(entry('mara').inCourse).toBe(true);
    expect(entry('fay').inCourse).toBe(false);
    expect(entry('gus').inCourse).toBe(false);
    expect(entry('gus').partnerships).toEqual([]);
    // A launch does not put back someone the LMS roster no longer lists (a site administrator, say).
    await launchAs(lms, tool, { courseId: COURSE, personId: 'gus' }).catch(() => undefined);
    expect((await api.coord!.programPeople({})).people.find((p) => p.personId === id.gus)?.inCourse).toBe(false);

    const directory = await api.ben!.programDirectory({});
    expect(directory.people.map((p) => p.name)).not.toContain('Fay Brandt');
    await expect(
      api.coord!.createPartnership({
        body: {
          kind: 'mentoring',
          members: [
            { personId: id.mara!, role: 'mentor' },
            { personId: id.gus!, role: 'mentee' },
          ],
          confirmDuplicate: true,
        },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/no longer in the course/) });

    const report = await api.coord!.programReport({});
    // Mara, Ben, Dana, Eli in the course; Fay (inactive) and Gus (gone) are not counted.
    expect(report.people).toMatchObject({ participants: 4, staff: 1, notInCourse: 2 });
    expect(report.people.matched + report.people.unmatched).toBe(4);
  });
});

describe('checkpoints', () => {
  it('are renamed, moved and removed; evaluations made at a removed checkpoint are kept', async () => {
    const cp = await api.coord!.createCheckpoint({ body: { name: 'Month 3', dueOn: '2027-01-15' } });
    await api.mara!.createEvaluation({
      params: { id: A.id },
      body: { checkpointId: cp.id, menteeId: id.ben!, rating: 'developing', summary: 'Growing' },
    });
    const renamed = await api.coord!.updateCheckpoint({
      params: { id: cp.id },
      body: { name: 'Quarter 1', dueOn: '2027-02-01' },
    });
    expect(renamed).toMatchObject({ id: cp.id, name: 'Quarter 1', dueOn: '2027-02-01' });
    await expect(api.mara!.updateCheckpoint({ params: { id: cp.id }, body: { name: 'Mine' } })).rejects.toMatchObject({
      status: 403,
    });
    await api.coord!.removeCheckpoint({ params: { id: cp.id } });
    await api.coord!.removeCheckpoint({ params: { id: cp.id } });
    expect((await api.coord!.listCheckpoints({})).checkpoints.map((c) => c.id)).not.toContain(cp.id);
    expect((await api.coord!.programEvaluations({})).evaluations.map((e) => e.checkpointId)).toContain(cp.id);
    expect((await api.ben!.listEvaluations({ params: { id: A.id } })).evaluations).toHaveLength(1);
    await expect(api.coord!.updateCheckpoint({ params: { id: cp.id }, body: { name: 'Back' } })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('conversations in time', () => {
  it('carry a length, a place or video link and the time zone they were set in', async () => {
    const c = await api.ben!.createConversation({
      params: { id: A.id },
      body: {
        scheduledFor: day(3),
        durationMinutes: 45,
        place: 'Library, room 2',
        videoUrl: 'https://meet.example.org/ben-mara',
        timeZone: 'Europe/Oslo',
      },
    });
    expect(c).toMatchObject({ durationMinutes: 45, place: 'Library, room 2', timeZone: 'Europe/Oslo', heldAt: null });
    await expect(
      api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(3), timeZone: 'Mars/Olympus' } }),
    ).rejects.toMatchObject({ status: 400, field: 'timeZone' });
    await expect(
      api.ben!.createConversation({
        params: { id: A.id },
        body: { scheduledFor: day(3), videoUrl: 'http://x.example' },
      }),
    ).rejects.toMatchObject({ status: 400, field: 'videoUrl' });
    const moved = await api.mara!.updateConversation({
      params: { id: c.id },
      body: { durationMinutes: 90, place: '' },
    });
    expect(moved).toMatchObject({ durationMinutes: 90, place: '' });
  });

  it('counts a conversation only scheduled apart from one held', async () => {
    const before = (await api.coord!.programActivity({})).partnerships.find((p) => p.partnershipId === A.id)!;
    expect(before.last30Days.conversations).toBe(0);
    expect(before.scheduledConversations).toBe(1);
    const report = (await api.coord!.programReport({})).partnerships.find((p) => p.partnershipId === A.id)!;
    expect(report).toMatchObject({ conversationsHeld: 0, conversationsScheduled: 1 });
  });

  it('held: the date asked for, never later than now, is the one date every view uses', async () => {
    const friday = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(2) } });
    await expect(
      api.ben!.updateConversation({ params: { id: friday.id }, body: { held: true, heldAt: day(1) } }),
    ).rejects.toMatchObject({ status: 400, field: 'heldAt' });
    const heldAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const held = await api.ben!.updateConversation({ params: { id: friday.id }, body: { held: true, heldAt } });
    expect(held.heldAt).toBe(heldAt);
    expect((await api.ben!.getPartnership({ params: { id: A.id } })).lastConversationAt).toBe(heldAt);
    const staffView = (await api.coord!.programActivity({})).partnerships.find((p) => p.partnershipId === A.id)!;
    expect(staffView.lastConversationAt).toBe(heldAt);
    expect(staffView.last30Days.conversations).toBe(1);
    // A clip made after the conversation was held is new since it, though the conversation was scheduled later.
    const clipAfter = await api.ben!.createClip({
      params: { id: A.id },
      body: { url: 'https://readings.example.org/a', quote: 'After we met' },
    });
    const since = await api.ben!.listClips({ params: { id: A.id }, query: { since: 'last-conversation' } });
    expect(since.clips.map((c) => c.id)).toContain(clipAfter.id);
    const list = await api.ben!.listConversations({ params: { id: A.id } });
    expect(list.conversations.find((c) => c.id === friday.id)?.heldAt).toBe(heldAt);
  });

  it('held without a date: the scheduled time once it has passed, else now', async () => {
    const past = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(-5) } });
    const pastHeld = await api.mara!.updateConversation({ params: { id: past.id }, body: { held: true } });
    expect(pastHeld.heldAt).toBe(past.scheduledFor);
    const ahead = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(9) } });
    const t0 = Date.now();
    const early = await api.mara!.updateConversation({ params: { id: ahead.id }, body: { held: true } });
    expect(Date.parse(early.heldAt!)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(Date.parse(early.heldAt!)).toBeLessThanOrEqual(Date.now());
  });
});

describe('calendars', () => {
  it('one conversation as an .ics: who and when, where, never the agenda', async () => {
    const c = await api.ben!.createConversation({
      params: { id: A.id },
      body: { scheduledFor: day(4), durationMinutes: 50, place: 'Staff room', timeZone: 'America/Chicago' },
    });
    await api.ben!.setAgenda({ params: { id: c.id }, body: { agenda: [{ kind: 'free', text: `${SECRET} agenda` }] } });
    const text = await api.ben!.conversationCalendar({ params: { id: c.id } });
    expect(text).not.toContain(SECRET);
    const [one] = parseIcs(text);
    expect(one!.event.summary).toBe('Mentoring conversation with Mara Lind');
    // iCalendar times are to the second.
    const start = one!.event.startDate.toJSDate().getTime();
    expect(Math.floor(Date.parse(c.scheduledFor) / 1000) * 1000).toBe(start);
    expect(one!.event.endDate.toJSDate().getTime() - start).toBe(50 * 60_000);
    expect(one!.event.location).toBe('Staff room');
    // In the conversation's own zone, named (shared/src/format.ts).
    expect(one!.event.description).toMatch(/Scheduled for .+ 2026 at \d{1,2}:\d{2}\s[AP]M CST\./);
    await expect(api.eli!.conversationCalendar({ params: { id: c.id } })).rejects.toMatchObject({ status: 404 });
  });

  it('a personal feed at a secret address, with a reminder, revocable', async () => {
    expect(await api.mara!.calendarFeed({})).toMatchObject({ active: false, url: null });
    const feed = await api.mara!.createCalendarFeed({});
    expect(feed.url).toMatch(/\/api\/calendar\/cal_[\w-]+\/mentoring\.ics$/);
    const res = await fetch(feed.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const events = parseIcs(text);
    const conversations = (await api.mara!.listConversations({ params: { id: A.id } })).conversations;
    expect(events).toHaveLength(conversations.length);
    const upcoming = events.find((e) => Date.parse(e.event.startDate.toJSDate().toISOString()) > Date.now())!;
    expect(upcoming.event.summary).toBe('Mentoring conversation with Ben Okafor');
    const alarm = upcoming.vevent.getFirstSubcomponent('valarm')!;
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT30M');
    expect(await api.mara!.calendarFeed({})).toMatchObject({ active: true, url: null });

    const renewed = await api.mara!.createCalendarFeed({});
    expect((await fetch(feed.url!)).status).toBe(404);
    expect((await fetch(renewed.url!)).status).toBe(200);
    await api.mara!.revokeCalendarFeed({});
    const gone = await fetch(renewed.url!);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
  });
});

describe('nothing silently overwritten', () => {
  it('a stale agenda or shared notes are refused with 409, and the newer text kept', async () => {
    const c = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(6) } });
    const first = await api.ben!.setAgenda({
      params: { id: c.id },
      body: { agenda: [{ kind: 'free', text: 'From the app' }], version: c.version },
    });
    expect(first.version).toBe(c.version + 1);
    await expect(
      api.ben!.setAgenda({
        params: { id: c.id },
        body: { agenda: [{ kind: 'free', text: 'From the side panel' }], version: c.version },
      }),
    ).rejects.toMatchObject({ status: 409 });
    const notes = await api.mara!.updateConversation({
      params: { id: c.id },
      body: { sharedNotes: 'Mara’s notes', version: first.version },
    });
    await expect(
      api.ben!.updateConversation({
        params: { id: c.id },
        body: { sharedNotes: 'Ben’s notes', privateNote: 'mine', version: first.version },
      }),
    ).rejects.toMatchObject({ status: 409 });
    const now = (await api.ben!.listConversations({ params: { id: A.id } })).conversations.find((x) => x.id === c.id)!;
    expect(now).toMatchObject({ sharedNotes: 'Mara’s notes', version: notes.version, privateNote: '' });
    expect(now.agenda).toEqual([{ kind: 'free', text: 'From the app' }]);
  });

  it('a stale agreement is refused with 409', async () => {
    const p = await api.ben!.getPartnership({ params: { id: A.id } });
    const changed = await api.mara!.updatePartnership({
      params: { id: A.id },
      body: { agreement: { meetingCadence: 'Weekly' }, agreementVersion: p.agreementVersion },
    });
    expect(changed.agreementVersion).toBe(p.agreementVersion + 1);
    await expect(
      api.ben!.updatePartnership({
        params: { id: A.id },
        body: { agreement: { meetingCadence: 'Monthly' }, agreementVersion: p.agreementVersion },
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await api.ben!.getPartnership({ params: { id: A.id } })).agreement.meetingCadence).toBe('Weekly');
  });
});

describe('the program report', () => {
  it('is dates, counts and checkpoint completion, as JSON and as a CSV download, never content', async () => {
    const report = await api.coord!.programReport({});
    const row = report.partnerships.find((p) => p.partnershipId === A.id)!;
    expect(row).toMatchObject({ status: 'active', nudges: 1, checkpointsCompleted: 0 });
    expect(row.conversationsHeld).toBe(3);
    expect(row.members).toEqual(
      expect.arrayContaining([
        { name: 'Mara Lind', role: 'mentor' },
        { name: 'Ben Okafor', role: 'mentee' },
      ]),
    );
    expect(JSON.stringify(report)).not.toContain(SECRET);
    await expect(api.mara!.programReport({})).rejects.toMatchObject({ status: 403 });

    const csv = await api.coord!.programReport({ query: { format: 'csv' } });
    expect(typeof csv).toBe('string');
    const text = csv as unknown as string;
    expect(text.split('\r\n')[0]).toMatch(/^Partnership,Kind,Status,Mentors,Mentees,Formed,Ended,Conversations held/);
    expect(text).toContain('Mara Lind');
    expect(text).not.toContain(SECRET);
  });
});

describe('undo and delete, by whom the rules say', () => {
  it('a mentor takes back a review; the clip is new to them again', async () => {
    const clip = await api.ben!.createClip({
      params: { id: A.id },
      body: { url: 'https://readings.example.org/u', quote: 'To review' },
    });
    expect((await api.mara!.reviewClip({ params: { id: clip.id } })).reviews).toHaveLength(1);
    expect((await api.mara!.unreviewClip({ params: { id: clip.id } })).reviews).toEqual([]);
    await expect(api.ben!.unreviewClip({ params: { id: clip.id } })).rejects.toMatchObject({ status: 403 });
  });

  it('the mentee deletes her goal (its links and agenda items go too); the mentor cannot', async () => {
    const goal = await api.ben!.createGoal({ params: { id: A.id }, body: { title: 'Short-lived' } });
    const clip = await api.ben!.createClip({
      params: { id: A.id },
      body: { url: 'https://readings.example.org/g', quote: 'Linked', goalIds: [goal.id] },
    });
    const c = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(8) } });
    await api.ben!.setAgenda({ params: { id: c.id }, body: { agenda: [{ kind: 'goal', goalId: goal.id }] } });
    await expect(api.mara!.deleteGoal({ params: { id: goal.id } })).rejects.toMatchObject({ status: 403 });
    await api.ben!.deleteGoal({ params: { id: goal.id } });
    expect((await api.ben!.listGoals({ params: { id: A.id } })).goals.map((g) => g.id)).not.toContain(goal.id);
    expect((await api.ben!.getClip({ params: { id: clip.id } })).goalIds).toEqual([]);
    const after = (await api.ben!.listConversations({ params: { id: A.id } })).conversations.find(
      (x) => x.id === c.id,
    )!;
    expect(after.agenda).toEqual([]);
    await expect(api.ben!.deleteGoal({ params: { id: goal.id } })).rejects.toMatchObject({ status: 404 });
  });

  it('whoever asked deletes an unanswered prompt; an answered one stays', async () => {
    const open = await api.mara!.createPrompt({ params: { id: A.id }, body: { question: 'Unasked after all?' } });
    await expect(api.ben!.deletePrompt({ params: { id: open.id } })).rejects.toMatchObject({ status: 403 });
    await api.mara!.deletePrompt({ params: { id: open.id } });
    const answered = await api.mara!.createPrompt({ params: { id: A.id }, body: { question: 'Answered?' } });
    await api.ben!.updatePrompt({ params: { id: answered.id }, body: { response: 'Yes' } });
    await expect(api.mara!.deletePrompt({ params: { id: answered.id } })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/answered/),
    });
  });

  it('either partner edits or deletes a commitment; the goal action it became follows', async () => {
    const goal = await api.ben!.createGoal({ params: { id: A.id }, body: { title: 'Listening' } });
    const c = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(-1) } });
    const made = await api.ben!.addCommitment({
      params: { id: c.id },
      body: { text: 'Observe two meetings', goalId: goal.id },
    });
    const commitment = made.commitments[0]!;
    const edited = await api.mara!.updateCommitment({
      params: { id: commitment.id },
      body: { text: 'Observe three meetings', dueOn: '2027-01-10' },
    });
    expect(edited).toMatchObject({ text: 'Observe three meetings', dueOn: '2027-01-10', done: false });
    const action = (await api.ben!.listGoals({ params: { id: A.id } })).goals
      .find((g) => g.id === goal.id)!
      .actions.find((a) => a.id === commitment.actionId)!;
    expect(action).toMatchObject({ text: 'Observe three meetings', dueOn: '2027-01-10' });
    await api.mara!.deleteCommitment({ params: { id: commitment.id } });
    const goalAfter = (await api.ben!.listGoals({ params: { id: A.id } })).goals.find((g) => g.id === goal.id)!;
    expect(goalAfter.actions).toEqual([]);
    await expect(api.eli!.deleteCommitment({ params: { id: commitment.id } })).rejects.toMatchObject({ status: 404 });
  });
});
