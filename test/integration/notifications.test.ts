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
import { completeLaunch, followToApp, startLaunch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { decodeJwt } from 'jose';
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
    expect(review[0]!.title).toBe('3 items wait for your review');
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
      // The course's page (the launches' return address), not only the LMS's.
      expect(m.text).toContain(`${lms.url}/courses/${COURSE}`);
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

describe('a link into the course', () => {
  const ELSEWHERE = 'notices-elsewhere';
  const PRESENTATION = 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation';

  /** A launch whose id_token carries this return address (else the LMS's own, the course page). */
  async function launchReturningTo(personId: string, returnUrl?: string) {
    const auth = await startLaunch(lms, { courseId: ELSEWHERE, personId, toolUrl: tool.url });
    const idToken =
      returnUrl === undefined
        ? auth.idToken
        : await lms.signIdToken(
            { courseId: ELSEWHERE, personId, nonce: String(decodeJwt(auth.idToken).nonce) },
            { overrides: { [PRESENTATION]: { document_target: 'iframe', return_url: returnUrl } } },
          );
    const landed = await followToApp(await completeLaunch({ ...auth, idToken }), auth.action, auth.jar);
    await landed.finalResponse.body?.cancel();
    return apiAs(tool, landed.ltik);
  }

  it('is the course page from the launch, never an address off the platform; else the LMS', async () => {
    lms.addCourse({
      id: ELSEWHERE,
      title: 'Elsewhere Program',
      people: [
        lmsPerson('ida', 'Ida Staff', [Role.Instructor]),
        lmsPerson('finn', 'Finn Mentor', [Role.Learner]),
        lmsPerson('gus', 'Gus Mentee', [Role.Learner]),
      ],
    });
    const phish = 'https://phish.example/courses/notices-elsewhere';
    const ida = await launchReturningTo('ida', phish);
    const finn = await launchReturningTo('finn', `${lms.url}/course/return?course=9&sesskey=abc`);
    const gus = await launchReturningTo('gus', 'javascript:alert(1)');
    const ids = await Promise.all([finn, gus].map(async (a) => (await a.me({})).person.id));
    const pair = await ida.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: ids[0]!, role: 'mentor' },
          { personId: ids[1]!, role: 'mentee' },
        ],
      },
    });
    const schedule = (api: ApiClient, days: number) =>
      api.createConversation({
        params: { id: pair.id },
        body: { scheduledFor: new Date(clock.now() + days * DAY).toISOString() },
      });
    let from = mailbox.messages.length;
    await mailAfter(() => schedule(gus, 10));
    let mail = mailbox.messages.slice(from);
    expect(mail.map((m) => m.to[0])).toEqual([addr('finn')]);
    // None of those addresses is kept: the e-mail opens the LMS itself.
    const way = mail[0]!.text.split('\n').find((l) => l.startsWith('Open the mentoring workspace'));
    expect(way).toMatch(/: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(way).toContain(lms.url);
    for (const m of mail) {
      expect(m.text + m.html).not.toContain('phish.example');
      expect(m.text + m.html).not.toContain('sesskey');
      expect(m.text + m.html).not.toContain('javascript:');
    }
    // A genuine launch brings the course page, kept for the program from then on.
    await launchReturningTo('gus');
    from = mailbox.messages.length;
    await mailAfter(() => schedule(gus, 11));
    mail = mailbox.messages.slice(from);
    expect(mail.map((m) => m.to[0])).toEqual([addr('finn')]);
    expect(mail[0]!.text).toContain(`${lms.url}/courses/${ELSEWHERE}`);
    expect(mail[0]!.html).toContain(`href="${lms.url}/courses/${ELSEWHERE}"`);
    // A later launch with an address elsewhere leaves it as it was.
    await launchReturningTo('finn', phish);
    from = mailbox.messages.length;
    await mailAfter(() => schedule(finn, 12));
    mail = mailbox.messages.slice(from);
    expect(mail.map((m) => m.to[0])).toEqual([addr('gus')]);
    expect(mail[0]!.text).toContain(`${lms.url}/courses/${ELSEWHERE}`);
    // Moodle's return address carries the launching person's sesskey; its course page does not.
    await launchReturningTo(
      'finn',
      `${lms.url}/mod/lti/return.php?course=9&launch_container=3&instanceid=2&sesskey=s3`,
    );
    from = mailbox.messages.length;
    await mailAfter(() => schedule(finn, 13));
    mail = mailbox.messages.slice(from);
    expect(mail[0]!.text).toContain(`${lms.url}/course/view.php?id=9`);
    expect(mail[0]!.text + mail[0]!.html).not.toContain('sesskey');
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

/** The clients of the tool running now (it was restarted above). */
const now = (who: string) => apiAs(tool, ltik[who]!);

describe('cancelling a conversation', () => {
  it('either partner cancels one not yet held; the other partner is told, by e-mail as chosen', async () => {
    const when = new Date(clock.now() + 10 * DAY).toISOString();
    const c = await now('ben').createConversation({ params: { id: partnership }, body: { scheduledFor: when } });
    // Ben unsubscribed from all e-mail: Mara hears by e-mail, Ben in the app.
    const got = await mailAfter(() => now('ben').cancelConversation({ params: { id: c.id } }));
    expect(Object.keys(got)).toEqual([addr('mara')]);
    expect(got[addr('mara')]![0]).toMatch(/^Conversation of .+ cancelled$/);
    const notice = (await now('mara').listNotifications({})).notifications.find(
      (n) => n.kind === 'conversation-cancelled',
    );
    expect(notice).toMatchObject({ kind: 'conversation-cancelled', partnershipId: partnership, data: { when } });
    const list = await now('mara').listConversations({ params: { id: partnership } });
    expect(list.conversations.map((x) => x.id)).not.toContain(c.id);
    await expect(now('ben').cancelConversation({ params: { id: c.id } })).rejects.toMatchObject({ status: 404 });
    expectNoContent(mailbox.messages);
  });

  it('a held conversation, or one with notes, cannot be cancelled; an outsider cannot find it', async () => {
    const held = await now('mara').createConversation({
      params: { id: partnership },
      body: { scheduledFor: new Date(clock.now() - HOUR).toISOString() },
    });
    await now('mara').updateConversation({ params: { id: held.id }, body: { held: true } });
    await expect(now('mara').cancelConversation({ params: { id: held.id } })).rejects.toMatchObject({ status: 409 });
    const noted = await now('mara').createConversation({
      params: { id: partnership },
      body: { scheduledFor: new Date(clock.now() + 12 * DAY).toISOString() },
    });
    await now('ben').updateConversation({ params: { id: noted.id }, body: { privateNote: secret('private') } });
    await expect(now('mara').cancelConversation({ params: { id: noted.id } })).rejects.toMatchObject({ status: 409 });
    await expect(now('olga').cancelConversation({ params: { id: noted.id } })).rejects.toMatchObject({ status: 404 });
    await expect(now('coord').cancelConversation({ params: { id: noted.id } })).rejects.toMatchObject({
      status: 404,
    });
    const ids = (await now('ben').listConversations({ params: { id: partnership } })).conversations.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([held.id, noted.id]));
  });
});

describe('staff nudges', () => {
  it('reach the pair’s members, content-free and as each chose; nobody else', async () => {
    const from = mailbox.messages.length;
    const nudged = await mailAfter(() => now('coord').nudgePartnership({ params: { id: partnership } }));
    expect(nudged).toEqual({ [addr('mara')]: ['Notices Program would like you to meet'] });
    const mail = mailbox.messages.slice(from)[0]!;
    expect(mail.text).toContain('Ben Okafor');
    expect(mail.text).toContain(`${lms.url}/courses/${COURSE}`);
    // Ben unsubscribed from e-mail: the app lists it for him.
    expect((await now('ben').listNotifications({})).notifications.find((n) => n.kind === 'nudge')).toMatchObject({
      kind: 'nudge',
      partnershipId: partnership,
      data: { programName: 'Notices Program', partnerNames: ['Mara Lind'] },
    });
    for (const who of ['coord', 'otto', 'olga'])
      expect((await now(who).listNotifications({})).notifications.map((n) => n.kind)).not.toContain('nudge');
    // Turned off, the nudge is in the app only.
    await now('mara').updateNotificationPreferences({ body: { delivery: { nudge: 'off' } } });
    expect(await mailAfter(() => now('coord').nudgePartnership({ params: { id: partnership } }))).toEqual({});
    const maras = (await now('mara').listNotifications({})).notifications.filter((n) => n.kind === 'nudge');
    expect(maras).toHaveLength(2);
    expectNoContent(mailbox.messages);
  });
});
