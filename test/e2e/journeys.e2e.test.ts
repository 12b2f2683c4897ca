/**
 * Every journey end to end, as one story in real Chromium with the test build of the extension: the
 * test LMS on one origin, the real tool on another, the tool always inside the course page's iframe.
 *
 * 1. Coordinator: registers the tool through Dynamic Registration, places it in the course with deep
 *    linking, syncs the roster, forms a mentoring partnership, and sees another one formed by
 *    invitation and acceptance.
 * 2. Mentee: sets a goal with an action, connects the extension, clips two passages from a reading
 *    (keyboard only), answers the prompt, and builds the next conversation's agenda by keys.
 * 3. Mentor: prepares (exactly the two new clips), marks them reviewed, turns one into a question,
 *    holds the conversation (shared and private notes, a commitment), and sees the commitment carried
 *    into the next one.
 * 4. Staff: sees the partnership's activity and not one word of its content, in the page and in every
 *    API response the page received (the app's page, with the answers it carries, among them).
 *
 * On the way, axe-core checks every main screen and the screenshots are made (both into
 * docs/screenshots/ with `npm run screenshots`, into a temporary folder otherwise).
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../support/globals.d.ts" />
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { menteeJourney, type MenteeResult } from './journeys/mentee.ts';
import { CONTENT_STRINGS, COORDINATOR, INVITEE, INVITER, MENTEE, MENTOR, TEXT } from './journeys/story.ts';
import {
  AxeReport,
  COURSE_ID,
  newPage,
  openTool,
  poll,
  recordApiResponses,
  screenshotTool,
  SCREENSHOTS_DIR,
  settled,
  shootOnFailure,
  startWorld,
  toolFrame,
  type World,
} from './journeys/world.ts';

describe.skipIf(!hasChromium)('journeys: coordinator, mentee, mentor, staff', () => {
  let w: World;
  const axe = new AxeReport();
  let mentee: MenteeResult;

  beforeAll(async () => {
    w = await startWorld();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shootOnFailure(w, ctx.task.name);
  });

  afterAll(async () => {
    if (axe.screens.length > 0) {
      await axe.write(path.join(SCREENSHOTS_DIR, 'axe-results.json'));
      console.log(`axe-core, violations by impact (nodes) per screen:\n${axe.summary()}`);
    }
    await w?.close();
  });

  it('coordinator: registers the tool, places it, syncs the roster, forms a partnership, sees one formed by invitation', async () => {
    const page = await newPage(w);

    // Dynamic Registration from the LMS's admin page, as in Moodle: the tool's frame closes the registration.
    await page.goto(`${w.lms.url}/admin/register`);
    await page.getByLabel('Tool registration URL').fill(`${w.tool.url}/register`);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('status').getByText('The tool is registered.').waitFor({ timeout: 20_000 });
    expect(w.lms.tools()).toEqual([
      expect.objectContaining({ name: 'Mentoring workspaces', loginUrl: `${w.tool.url}/login` }),
    ]);

    // Deep linking: the coordinator places the tool in the course.
    const placing = await openTool(page, w, COORDINATOR.id, 'place=1');
    await placing.getByRole('heading', { name: /Add Mentoring workspaces to/ }).waitFor({ timeout: 20_000 });
    await placing.getByRole('button', { name: 'Add to course' }).click();
    await placing.getByRole('heading', { name: 'Placed in the course' }).waitFor();
    expect(w.lms.deepLinks(COURSE_ID)).toEqual([
      expect.objectContaining({
        personId: COORDINATOR.id,
        items: [expect.objectContaining({ type: 'ltiResourceLink', title: 'Mentoring workspaces' })],
      }),
    ]);

    // The placed link launches the program view.
    const app = await openTool(page, w, COORDINATOR.id);
    await app.getByRole('heading', { level: 1, name: 'New School Leaders 2026–2028' }).waitFor();
    await app.getByRole('tab', { name: 'Roster' }).click();
    await app.getByRole('button', { name: 'Sync roster from the LMS' }).first().click();
    await app.getByText('Roster synced: read 10 members from the LMS.').waitFor();
    const roster = app.getByRole('table', { name: 'Roster' });
    await poll(() => roster.locator('tbody tr').count()).toBe(10);
    await settled(app);
    await axe.check('program: roster', await toolFrame(page));

    // A mentoring partnership from the roster.
    await app.getByRole('tab', { name: 'Partnerships' }).click();
    await app.getByRole('button', { name: 'Form a partnership' }).first().click();
    const dialog = app.getByRole('dialog', { name: 'Form a partnership' });
    await dialog.getByRole('combobox', { name: 'Mentor' }).fill('Marcus');
    await app.getByRole('option', { name: new RegExp(MENTOR.name) }).click();
    await dialog.getByRole('combobox', { name: 'Mentees' }).fill('Hannah');
    await app.getByRole('option', { name: new RegExp(MENTEE.name) }).click();
    await dialog.getByLabel('Purpose').fill(TEXT.partnershipPurpose);
    await axe.check('program: form a partnership', await toolFrame(page));
    await dialog.getByRole('button', { name: 'Form partnership' }).click();
    await dialog.waitFor({ state: 'detached' });
    const activity = app.getByRole('table', { name: 'Partnership activity' });
    await activity.getByRole('row', { name: new RegExp(`${MENTOR.name}.*${MENTEE.name}`) }).waitFor();

    // Another partnership, by choice: Jamal invites Priya to mentor him; she accepts.
    const jamal = await openTool(page, w, INVITER.id);
    await jamal.getByRole('button', { name: 'Invite someone' }).first().click();
    const invite = jamal.getByRole('dialog', { name: 'Invite someone' });
    await invite.getByRole('combobox', { name: 'Person to invite' }).fill('Priya');
    await jamal.getByRole('option', { name: new RegExp(INVITEE.name) }).click();
    await invite.getByLabel('What you hope to work on').fill(TEXT.invitationPurpose);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await jamal.getByText(`Waiting for ${INVITEE.name} to answer your invitation`).waitFor();

    const priya = await openTool(page, w, INVITEE.id);
    const invitation = priya.getByRole('region', { name: 'Invitations for you' });
    await invitation.getByText(`${INVITER.name} invites you to a mentoring partnership as their mentor.`).waitFor();
    await settled(priya);
    await axe.check('participant home: invitation', await toolFrame(page));
    await invitation.getByRole('button', { name: 'Accept' }).click();
    await priya.getByRole('link', { name: `You mentor ${INVITER.name}` }).waitFor();

    // The coordinator sees both partnerships active.
    const again = await openTool(page, w, COORDINATOR.id);
    const rows = again.getByRole('table', { name: 'Partnership activity' }).locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    await again
      .getByRole('row', { name: new RegExp(`${INVITEE.name}.*${INVITER.name}`) })
      .getByText('Active')
      .waitFor();
    await again
      .getByRole('row', { name: new RegExp(`${MENTOR.name}.*${MENTEE.name}`) })
      .getByText('Active')
      .waitFor();
    await page.close();
  });

  it('mentee: sets a goal, connects the extension, clips two passages by keyboard, answers the prompt, builds the agenda by keys', async () => {
    mentee = await menteeJourney(w, { axe, shots: true });
  });

  it('mentor: prepares with exactly the two new clips, reviews them, turns one into a question, holds the conversation, sees the commitment carried into the next', async () => {
    const page = await newPage(w);
    const app = await openTool(page, w, MENTOR.id);
    const card = app.locator('article.partnership-card').filter({ hasText: MENTEE.name });
    await card.getByRole('link', { name: 'Prepare for the next conversation' }).click();
    await app.getByRole('heading', { level: 1, name: 'Before your next conversation' }).waitFor();
    await settled(app);

    // Exactly the two new clips, and Hannah's agenda in her order.
    const newClips = app.getByRole('region', { name: /New clips to review/ });
    await poll(() => newClips.locator('article.clip-card').count()).toBe(2);
    expect((await newClips.locator('blockquote.clip-quote').allInnerTexts()).sort()).toEqual(
      [TEXT.passage, TEXT.promptPassage].sort(),
    );
    expect(await newClips.locator('.count').innerText()).toBe('2');
    const agenda = app.getByRole('region', { name: `${MENTEE.name}’s agenda` });
    expect(await agenda.locator('.agenda-title').allInnerTexts()).toEqual([
      TEXT.agendaTopic,
      TEXT.goal,
      TEXT.promptQuestion,
      `“${TEXT.passage}”`,
    ]);
    await app.getByRole('region', { name: 'Prompts' }).getByText(TEXT.promptResponse).waitFor();
    await axe.check('prepare', await toolFrame(page));
    await screenshotTool(page, 'prepare');

    // Both reviewed (sent once each notice's undo window closes: the mentor dismisses the notices).
    for (const quote of [TEXT.passage, TEXT.promptPassage]) {
      const clip = newClips.locator('article.clip-card').filter({ hasText: quote });
      await clip.getByRole('button', { name: 'Mark reviewed' }).click();
      await clip.getByText('Reviewed by you').waitFor();
    }
    const dismiss = app.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    const api = await w.api(MENTOR.id);
    const { partnershipId } = mentee;
    await poll(async () => (await api.prepare({ params: { id: partnershipId } })).newClipCount).toBe(0);
    const reviewed = (await api.listClips({ params: { id: partnershipId }, query: {} })).clips;
    const me = (await api.me({})).person.id;
    expect(reviewed.map((c) => c.reviews.map((r) => r.mentorId))).toEqual([[me], [me]]);

    // A passage becomes a question for Hannah.
    const goalClip = newClips.locator('article.clip-card').filter({ hasText: TEXT.passage });
    await goalClip.getByRole('button', { name: 'Turn into a question' }).click();
    const ask = app.getByRole('dialog', { name: 'Turn into a question' });
    await ask.getByLabel('Question for reflection').fill(TEXT.mentorQuestion);
    await ask.getByRole('button', { name: 'Add question' }).click();
    await ask.waitFor({ state: 'detached' });
    // Prepare keeps the clip and says what became of it.
    await goalClip.getByRole('link', { name: 'Turned into a question' }).waitFor();
    await goalClip.getByText('Reviewed by you').waitFor();
    const { prompts } = await api.listPrompts({ params: { id: partnershipId } });
    expect(prompts).toContainEqual(
      expect.objectContaining({ question: TEXT.mentorQuestion, clipId: mentee.clipIds.intoGoal, status: 'open' }),
    );

    // The conversation: the agenda as Hannah ordered it, shared and private notes, a commitment.
    await app.getByRole('link', { name: `Workspace with ${MENTEE.name}` }).click();
    await app.getByRole('tab', { name: 'Conversations' }).click();
    const conversation = app.locator('article.conversation').filter({ has: app.getByText('Next conversation') });
    await conversation.getByRole('region', { name: 'Agenda' }).locator('.agenda-title').first().waitFor();
    expect(await conversation.getByRole('region', { name: 'Agenda' }).locator('.agenda-title').allInnerTexts()).toEqual(
      [TEXT.agendaTopic, TEXT.goal, TEXT.promptQuestion, `“${TEXT.passage}”`],
    );
    const shared = conversation.getByRole('region', { name: 'Shared notes' });
    await shared.getByRole('button', { name: 'Write' }).click();
    await shared.getByLabel('Shared notes').fill(TEXT.sharedNote);
    await shared.getByRole('button', { name: 'Save notes' }).click();
    await shared.getByText(TEXT.sharedNote).waitFor();
    const own = conversation.getByRole('region', { name: 'My private note' });
    await own.getByRole('button', { name: 'Write' }).click();
    await own.getByLabel('My private note').fill(TEXT.privateNote);
    await own.getByRole('button', { name: 'Save private note' }).click();
    await own.getByText(TEXT.privateNote).waitFor();
    const commitments = conversation.getByRole('region', { name: 'Commitments', exact: true });
    await commitments.getByLabel('Commitment', { exact: true }).fill(TEXT.commitment);
    await commitments.getByRole('button', { name: /Goal/ }).click();
    await app.getByRole('option', { name: TEXT.goal }).click();
    await commitments.getByRole('button', { name: 'Add commitment' }).click();
    await commitments.locator('.commitment-text').getByText(TEXT.commitment).waitFor();
    await settled(app);
    await axe.check('workspace: conversation (mentor)', await toolFrame(page));
    await screenshotTool(page, 'conversation', conversation);

    // Held; the next one is scheduled and brings the commitment back, now an action under the goal.
    await conversation.getByRole('button', { name: 'Mark as held' }).click();
    const heldDialog = app.getByRole('dialog', { name: 'When was it held?' });
    await heldDialog.getByRole('button', { name: 'Mark as held' }).click();
    await heldDialog.waitFor({ state: 'detached' });
    const nudge = app.getByRole('region', { name: 'When will you talk next?' });
    await nudge.getByRole('button', { name: 'Schedule' }).click();
    await nudge.waitFor({ state: 'detached' });
    const next = app.locator('article.conversation').filter({ has: app.getByText('Next conversation') });
    await next.getByRole('region', { name: 'Commitments from last time' }).getByText(TEXT.commitment).waitFor();
    await app.getByRole('region', { name: 'Held conversations' }).waitFor();
    await app.getByRole('tab', { name: 'Goals' }).click();
    const action = app.locator('article.goal-card li.action').filter({ hasText: TEXT.commitment });
    await action.getByText('Commitment', { exact: true }).waitFor();

    const { conversations } = await api.listConversations({ params: { id: partnershipId } });
    const held = conversations.find((c) => c.id === mentee.conversationId);
    expect(held).toMatchObject({
      heldAt: expect.any(String),
      sharedNotes: TEXT.sharedNote,
      privateNote: TEXT.privateNote,
      commitments: [expect.objectContaining({ text: TEXT.commitment, goalId: mentee.goalId })],
    });
    expect(conversations.filter((c) => !c.heldAt)).toHaveLength(1);
    // The private note is the mentor's alone: Hannah's answer does not carry it.
    const hers = await (await w.api(MENTEE.id)).listConversations({ params: { id: partnershipId } });
    expect(JSON.stringify(hers)).not.toContain(TEXT.privateNote);
    expect(hers.conversations.find((c) => c.id === mentee.conversationId)?.sharedNotes).toBe(TEXT.sharedNote);
    await page.close();
  });

  it('staff: sees the partnership’s activity and not one word of its content, on screen or in any API response', async () => {
    const page = await newPage(w);
    const received = recordApiResponses(page, w.tool.url);
    const app = await openTool(page, w, COORDINATOR.id);
    const frame = await toolFrame(page);
    const row = app.getByRole('row', { name: new RegExp(`${MENTOR.name}.*${MENTEE.name}`) });
    await row.waitFor();
    await settled(app);
    // Activity: met today, next one scheduled, counts of the last 30 days.
    await row.getByText('Active').waitFor();
    expect(await row.getByRole('cell').nth(1).innerText()).not.toBe('None yet');
    expect(await row.getByRole('cell').nth(2).innerText()).not.toBe('Not scheduled');
    await row.getByLabel('2 clips').waitFor();
    await row.getByLabel('2 prompts').waitFor();
    await axe.check('program: partnerships (activity)', frame);
    await screenshotTool(page, 'program-view', app.locator('.page-title'));
    const seen: string[] = [await frame.locator('body').innerText()];

    // The other sections, and the workspace itself by its address: a notice, no content, no request.
    await app.getByRole('tab', { name: 'Roster' }).click();
    await app.getByRole('table', { name: 'Roster' }).waitFor();
    seen.push(await frame.locator('body').innerText());
    await app.getByRole('tab', { name: 'Checkpoints and evaluations' }).click();
    await app.getByRole('heading', { name: 'Checkpoints' }).waitFor();
    await settled(app);
    await axe.check('program: checkpoints', frame);
    seen.push(await frame.locator('body').innerText());
    for (const where of ['goals', 'prepare']) {
      await frame.evaluate(([id, tab]) => (location.hash = `#/p/${id}/${tab}`), [mentee.partnershipId, where] as const);
      await app.getByText('Partnership workspaces are confidential to their members.').waitFor();
      seen.push(await frame.locator('body').innerText());
    }

    await received.settled();
    const answers = received.responses;
    // The activity list is asked for a page at a time (`?limit=…`): paths without their query. The
    // app's page (`/app/`) brought /api/me's answer.
    expect(answers.map((r) => r.url.split('?')[0])).toEqual(
      expect.arrayContaining(['/app/', '/api/program/activity', '/api/program/people']),
    );
    expect(answers.every((r) => r.status < 400)).toBe(true);
    // The bodies were read (names and counts are in them), so finding no content is not for want of looking.
    expect(answers.some((r) => r.body.includes(MENTEE.name))).toBe(true);
    console.log(
      `staff page: ${answers.length} API responses (${[...new Set(answers.map((r) => r.url.split('?')[0]))].join(', ')}), no content in any`,
    );
    const leaks = [
      ...answers.flatMap((r) =>
        CONTENT_STRINGS.filter((t) => r.body.toLowerCase().includes(t.toLowerCase())).map(
          (t) => `${r.method} ${r.url}: “${t}”`,
        ),
      ),
      ...seen.flatMap((text, i) =>
        CONTENT_STRINGS.filter((t) => text.toLowerCase().includes(t.toLowerCase())).map((t) => `screen ${i}: “${t}”`),
      ),
    ];
    expect(leaks).toEqual([]);
    await page.close();
  });
});
