/**
 * Issue 13: notices in the app and by e-mail, through a real SMTP server the test starts
 * (smtp-server, messages parsed by mailparser). Each event reaches the people it concerns and
 * nobody else; no message carries a word of coaching content; a reminder whose time passed while
 * the tool was stopped arrives once after the restart; two tools on one database send each
 * message once; each person's choices and the one-click unsubscribe hold. Time is the tools'
 * ManualClock: nothing sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, type ApiClient } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { startMailbox, type Mailbox, type ReceivedMail } from '@mentoring/lti-tool/src/sandbox/mailbox.ts';
import { MAIL_POLL_MS } from '@mentoring/lti-tool/src/mail/postman.ts';
import { ManualClock } from '../support/clock.ts';
import { apiAs, dropDisposableDatabase, launchAs, startTestTool, tempDir, type TestTool } from '../support/tool.ts';

const COURSE = 'notices-2026';
/** Coaching content carries this mark; no e-mail may. */
const SECRET = 'zq';
const secret = (what: string) => `${SECRET}-${what}-own`;
const addr = (who: string) => `${who}@example.org`;

let mailbox: Mailbox;
let lms: TestLms;
let clock: ManualClock;
let tool: TestTool;
const api: Record<string, ApiClient> = {};
const ltik: Record<string, string> = {};
const id: Record<string, string> = {};
let partnership = '';
let checkpoint = '';

const toolEnv = () => ({
  SMTP_URL: mailbox.smtpUrl,
  MAIL_FROM: 'Mentoring <mentoring@example.org>',
  LAUNCH_SESSION_HOURS: '744',
});

/** The same tool's database (SQLite file or PostgreSQL), for a restart or a second instance. */
const sameDatabase = () => ({
  dataDir: tool.dataDir,
  ...(tool.config.databaseUrl.startsWith('postgres') && { databaseUrl: tool.config.databaseUrl }),
  keepDatabase: true,
});

/** One round of the tool's notice worker: timed notices, then the due mail. */
const round = () => clock.advance(MAIL_POLL_MS);

/** What arrived since `from`, by recipient address. */
function arrivedSince(from: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of mailbox.messages.slice(from)) for (const to of m.to) (out[to] ??= []).push(m.subject);
  return out;
}

/** Runs `act`, then a worker round; answers who got which subject. */
async function mailAfter(act: () => Promise<unknown>): Promise<Record<string, string[]>> {
  const from = mailbox.messages.length;
  await act();
  await round();
  return arrivedSince(from);
}

function expectNoContent(messages: ReceivedMail[]) {
  for (const m of messages) {
    const whole = [m.subject, m.text, m.html, ...Object.values(m.headers)].join('\n');
    expect(whole, `${m.subject} to ${m.to.join(', ')}`).not.toMatch(new RegExp(`${SECRET}-[a-z]+-`));
  }
}

beforeAll(async () => {
  mailbox = await startMailbox();
  clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
  tool = await startTestTool({ clock, dataDir: tempDir(), env: toolEnv(), keepDatabase: true });
  lms = await startTestLms({ name: 'Notices LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Notices Program',
    people: [
      lmsPerson('coord', 'Nora Quist', [Role.Instructor]),
      lmsPerson('mara', 'Mara Lind', [Role.Learner]),
      lmsPerson('ben', 'Ben Okafor', [Role.Learner]),
      lmsPerson('olga', 'Olga Other', [Role.Learner]),
      lmsPerson('otto', 'Otto Mentor', [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  for (const who of ['coord', 'mara', 'ben', 'olga', 'otto']) {
    const l = await launchAs(lms, tool, { courseId: COURSE, personId: who });
    api[who] = l.api;
    ltik[who] = l.ltik;
    id[who] = (await l.api.me({})).person.id;
  }
  const pair = (mentor: string, mentee: string) =>
    api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id[mentor]!, role: 'mentor' },
          { personId: id[mentee]!, role: 'mentee' },
        ],
      },
    });
  partnership = (await pair('mara', 'ben')).id;
  await pair('otto', 'olga');
  checkpoint = (await api.coord!.createCheckpoint({ body: { name: 'Month 6' } })).id;
  await api.ben!.updatePartnership({
    params: { id: partnership },
    body: { agreement: { purpose: secret('purpose') } },
  });
  await api.ben!.createGoal({ params: { id: partnership }, body: { title: secret('goal'), why: secret('why') } });
}, 120_000);

afterAll(async () => {
  await tool?.close();
  await dropDisposableDatabase(tool?.config.databaseUrl);
  await lms?.close();
  await mailbox?.close();
});

describe('each event reaches the people it concerns, and only them', () => {
  it('forming a partnership by staff sends nothing; an invitation reaches the invited person', async () => {
    expect(mailbox.messages).toEqual([]);
    const got = await mailAfter(() =>
      api.olga!.createPartnership({
        body: {
          kind: 'collegial',
          members: [
            { personId: id.olga!, role: 'mentee' },
            { personId: id.mara!, role: 'mentor' },
          ],
        },
      }),
    );
    expect(got).toEqual({ [addr('mara')]: ['Olga Other invites you to a mentoring partnership'] });
  });

  let conversation = '';
  it('a conversation scheduled reaches the partner; moved, the other partner', async () => {
    const when = new Date(clock.now() + 5 * DAY).toISOString();
    let got = await mailAfter(async () => {
      conversation = (await api.ben!.createConversation({ params: { id: partnership }, body: { scheduledFor: when } }))
        .id;
    });
    expect(Object.keys(got)).toEqual([addr('mara')]);
    expect(got[addr('mara')]![0]).toMatch(/^Conversation scheduled for /);
    await api.ben!.setAgenda({
      params: { id: conversation },
      body: { agenda: [{ kind: 'free', text: secret('agenda') }] },
    });
    got = await mailAfter(() =>
      api.mara!.updateConversation({
        params: { id: conversation },
        body: { scheduledFor: new Date(clock.now() + 4 * DAY).toISOString(), sharedNotes: secret('shared') },
      }),
    );
    expect(Object.keys(got)).toEqual([addr('ben')]);
    expect(got[addr('ben')]![0]).toMatch(/^Conversation moved to /);
    // Notes alone move nothing.
    got = await mailAfter(() =>
      api.mara!.updateConversation({ params: { id: conversation }, body: { privateNote: secret('private') } }),
    );
    expect(got).toEqual({});
  });

  it('a resource request reaches the mentor; its answer the mentee who asked', async () => {
    let request = '';
    let got = await mailAfter(async () => {
      request = (await api.ben!.createRequest({ params: { id: partnership }, body: { question: secret('request') } }))
        .id;
    });
    expect(got).toEqual({ [addr('mara')]: ['Ben Okafor asked for a resource'] });
    got = await mailAfter(() => api.mara!.answerRequest({ params: { id: request }, body: { text: secret('answer') } }));
    expect(got).toEqual({ [addr('ben')]: ['Mara Lind answered your resource request'] });
  });

  it('a checkpoint evaluation reaches the mentee it is about', async () => {
    const got = await mailAfter(() =>
      api.mara!.createEvaluation({
        params: { id: partnership },
        body: { checkpointId: checkpoint, menteeId: id.ben!, rating: 'developing', summary: secret('summary') },
      }),
    );
    expect(got).toEqual({ [addr('ben')]: ['Mara Lind completed a checkpoint evaluation'] });
  });

  it('clips and answers for review are gathered into one notice and go out in the daily digest', async () => {
    const got = await mailAfter(async () => {
      for (const n of [1, 2])
        await api.ben!.createClip({
          params: { id: partnership },
          body: {
            url: `https://readings.example.org/${n}`,
            title: secret('title'),
            quote: secret('quote'),
            note: secret('note'),
          },
        });
      const prompt = await api.mara!.createPrompt({
        params: { id: partnership },
        body: { question: secret('prompt') },
      });
      await api.ben!.updatePrompt({ params: { id: prompt.id }, body: { response: secret('response') } });
    });
    expect(got).toEqual({});
    const list = await api.mara!.listNotifications({});
    const review = list.notifications.filter((n) => n.kind === 'review-waiting');
    expect(review).toHaveLength(1);
    expect(review[0]!.data.count).toBe(3);
    // The next morning's digest (07:00 UTC).
    const from = mailbox.messages.length;
    await clock.advance(DAY);
    await round();
    const digest = mailbox.messages.slice(from).filter((m) => m.subject.startsWith('Your daily mentoring digest'));
    expect(digest.map((m) => m.to)).toEqual([[addr('mara')]]);
    expect(digest[0]!.text).toContain('3 items wait for your review');
    await round();
    expect(mailbox.messages.slice(from).filter((m) => m.subject.startsWith('Your daily'))).toHaveLength(1);
  });

  it('a reminder a day before reaches both partners, once', async () => {
    const from = mailbox.messages.length;
    // The conversation is 4 days after it was moved, a day of which has passed: 2 more bring it within 24 h.
    await clock.advance(2 * DAY);
    await round();
    await round();
    const reminders = mailbox.messages.slice(from).filter((m) => m.subject.startsWith('Reminder: conversation'));
    expect(reminders.map((m) => m.to[0]).sort()).toEqual([addr('ben'), addr('mara')]);
    expect(reminders.find((m) => m.to[0] === addr('ben'))!.subject).toContain('Mara Lind');
  });

  it('staff and the other partnership heard of none of it; no message carries coaching content', () => {
    for (const who of ['coord', 'otto', 'olga']) expect(mailbox.to(addr(who)), who).toEqual([]);
    expect(mailbox.messages.length).toBeGreaterThan(8);
    expectNoContent(mailbox.messages);
  });

  it('every e-mail has HTML and plain text, a way into the LMS and one-click unsubscribe headers', () => {
    for (const m of mailbox.messages) {
      expect(m.html).toContain('<html');
      expect(m.text).toContain('Open the mentoring workspace from your course');
      expect(m.text).toContain(lms.url);
      expect(m.headers['list-unsubscribe']).toMatch(new RegExp(`^<${tool.url}/unsubscribe/[^>]+>$`));
      expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    }
  });
});

describe('in the app', () => {
  it('lists a person’s own notices with the unread count, and marks them read', async () => {
    const before = await api.ben!.listNotifications({});
    expect(before.unread).toBeGreaterThan(0);
    expect(before.notifications.every((n) => n.partnershipId === partnership)).toBe(true);
    expect(JSON.stringify(before)).not.toMatch(new RegExp(`${SECRET}-`));
    const first = before.notifications[0]!.id;
    const one = await api.ben!.markNotificationsRead({ body: { ids: [first] } });
    expect(one.unread).toBe(before.unread - 1);
    // Someone else's notice id changes nothing of theirs.
    const maras = (await api.mara!.listNotifications({})).notifications[0]!.id;
    await api.ben!.markNotificationsRead({ body: { ids: [maras] } });
    expect((await api.mara!.listNotifications({})).notifications[0]!.readAt).toBeNull();
    expect((await api.ben!.markNotificationsRead({ body: { all: true } })).unread).toBe(0);
    expect((await api.coord!.listNotifications({})).notifications).toEqual([]);
  });
});

describe('choices and unsubscribe', () => {
  it('a kind turned off sends no e-mail, while the app still lists it', async () => {
    const prefs = await api.mara!.updateNotificationPreferences({
      body: { delivery: { 'conversation-scheduled': 'off' } },
    });
    expect(prefs).toMatchObject({ hasEmail: true, delivery: { 'conversation-scheduled': 'off', invitation: 'now' } });
    const got = await mailAfter(() =>
      api.ben!.createConversation({
        params: { id: partnership },
        body: { scheduledFor: new Date(clock.now() + 20 * DAY).toISOString() },
      }),
    );
    expect(got).toEqual({});
    expect((await api.mara!.listNotifications({})).notifications[0]!.kind).toBe('conversation-scheduled');
  });

  it('one click on the List-Unsubscribe address stops every e-mail, without a login', async () => {
    const link = /<([^>]+)>/.exec(mailbox.to(addr('ben')).at(-1)!.headers['list-unsubscribe']!)![1]!;
    const confirm = await fetch(link);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Stop e-mail notices?');
    const forged = await fetch(
      link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { method: 'POST' },
    );
    expect(forged.status).toBe(404);
    const click = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    const prefs = await api.ben!.notificationPreferences({});
    expect(Object.values(prefs.delivery).every((d) => d === 'off')).toBe(true);
    const got = await mailAfter(() =>
      api.mara!.createConversation({
        params: { id: partnership },
        body: { scheduledFor: new Date(clock.now() + 21 * DAY).toISOString() },
      }),
    );
    expect(got).toEqual({});
  });
});

describe('timed notices', () => {
  it('commitments coming due and a quiet partnership are noticed once, from what the database holds', async () => {
    const held = await api.ben!.createConversation({
      params: { id: partnership },
      body: { scheduledFor: new Date(clock.now() - HOUR).toISOString() },
    });
    await api.mara!.updateConversation({ params: { id: held.id }, body: { held: true } });
    const dueOn = new Date(clock.now() + DAY).toISOString().slice(0, 10);
    await api.ben!.addCommitment({ params: { id: held.id }, body: { text: secret('commitment'), dueOn } });
    await round();
    await round();
    for (const who of ['ben', 'mara']) {
      const due = (await api[who]!.listNotifications({})).notifications.filter((n) => n.kind === 'commitments-due');
      expect(
        due.map((n) => n.data.count),
        who,
      ).toEqual([1]);
    }
    // 22 days on, neither partnership has met for longer than the program's 21 quiet days nor planned
    // a conversation: all members hear, by e-mail those who still take it (Ben unsubscribed).
    const from = mailbox.messages.length;
    await clock.advance(22 * DAY);
    await round();
    await round();
    const quiet = mailbox.messages.slice(from).filter((m) => m.subject.startsWith('Time to plan'));
    expect(quiet.map((m) => m.to[0]).sort()).toEqual([addr('mara'), addr('olga'), addr('otto')]);
    expect((await api.ben!.listNotifications({})).notifications[0]!.kind).toBe('partnership-quiet');
    expectNoContent(mailbox.messages);
  });
});

describe('delivery that holds', () => {
  it('a reminder whose time came while the tool was stopped arrives once after the restart', async () => {
    await api.ben!.updateNotificationPreferences({ body: { delivery: { 'conversation-reminder': 'now' } } });
    const at = clock.now() + 3 * DAY;
    const c = await api.mara!.createConversation({
      params: { id: partnership },
      body: { scheduledFor: new Date(at).toISOString() },
    });
    await round();
    const from = mailbox.messages.length;
    await tool.close();
    // Stopped across the reminder's moment (24 h before), not the conversation itself.
    await clock.advance(2.5 * DAY);
    tool = await startTestTool({ clock, env: toolEnv(), ...sameDatabase() });
    api.mara = apiAs(tool, ltik.mara!);
    api.ben = apiAs(tool, ltik.ben!);
    await round();
    await round();
    await clock.advance(HOUR);
    const reminders = mailbox.messages
      .slice(from)
      .filter((m) => m.subject.startsWith('Reminder: conversation'))
      .map((m) => m.to[0]);
    expect(reminders.sort()).toEqual([addr('ben'), addr('mara')]);
    expect(
      (await api.mara!.listConversations({ params: { id: partnership } })).conversations.map((x) => x.id),
    ).toContain(c.id);
  });

  it('two tools on one database send each message once', async () => {
    const otherClock = new ManualClock(clock.now());
    const second = await startTestTool({ clock: otherClock, env: toolEnv(), ...sameDatabase() });
    try {
      await api.ben!.updateNotificationPreferences({ body: { delivery: { 'request-asked': 'now' } } });
      const asked = 12;
      for (let i = 0; i < asked; i++)
        await api.ben!.createRequest({ params: { id: partnership }, body: { question: `${secret('request')} ${i}` } });
      const from = mailbox.messages.length;
      await Promise.all([clock.advance(MAIL_POLL_MS), otherClock.advance(MAIL_POLL_MS)]);
      await Promise.all([clock.advance(MAIL_POLL_MS), otherClock.advance(MAIL_POLL_MS)]);
      const got = mailbox.messages.slice(from).filter((m) => m.subject === 'Ben Okafor asked for a resource');
      expect(got).toHaveLength(asked);
      expect(got.every((m) => m.to[0] === addr('mara'))).toBe(true);
      expectNoContent(got);
    } finally {
      await second.close();
    }
  });
});
