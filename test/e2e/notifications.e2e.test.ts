/**
 * Issue 13 end to end in real Chromium: a mentee opens her notices from the header of the tool in
 * the course page (unread count, keyboard, axe), follows a reminder to its place; then the
 * sandbox's Mail page shows the reminder e-mail the tool sent through the local SMTP receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '@mentoring/shared';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { startMailbox, type Mailbox } from '@mentoring/lti-tool/src/sandbox/mailbox.ts';
import { MAIL_POLL_MS } from '@mentoring/lti-tool/src/mail/postman.ts';
import { hasChromium, openBrowser, type PlainBrowser } from '../support/browser.ts';
import { ManualClock } from '../support/clock.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';
import { AxeReport, poll, screenshot, toolFrame } from './journeys/world.ts';

const COURSE = sampleProgram();
const MENTOR = COURSE.people.find((p) => p.id === 'tokonkwo')!;
const MENTEE = COURSE.people.find((p) => p.id === 'wchen')!;

describe.skipIf(!hasChromium)('notices in the app and in the sandbox’s mail', () => {
  let mailbox: Mailbox;
  let clock: ManualClock;
  let tool: TestTool;
  let lms: TestLms;
  let browser: PlainBrowser;
  const axe = new AxeReport();

  beforeAll(async () => {
    mailbox = await startMailbox();
    clock = new ManualClock();
    tool = await startTestTool({ clock, env: { SMTP_URL: mailbox.smtpUrl, LAUNCH_SESSION_HOURS: '744' } });
    lms = await startTestLms({ name: 'Sandbox LMS', mailbox });
    lms.addCourse(COURSE);
    await lms.registerTool(`${tool.url}/register`);
    const as = async (id: string) => (await launchAs(lms, tool, { courseId: COURSE.id, personId: id })).api;
    const [coord, mentor, mentee] = await Promise.all([as('awhitfield'), as(MENTOR.id), as(MENTEE.id)]);
    const ids = await Promise.all([mentor.me({}), mentee.me({})]);
    const p = await coord.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: ids[0].person.id, role: 'mentor' },
          { personId: ids[1].person.id, role: 'mentee' },
        ],
      },
    });
    await mentor.createConversation({
      params: { id: p.id },
      body: { scheduledFor: new Date(clock.now() + DAY + 6 * HOUR).toISOString() },
    });
    await clock.advance(MAIL_POLL_MS);
    // Seven hours on, the conversation is within a day: both are reminded.
    await clock.advance(7 * HOUR);
    await clock.advance(MAIL_POLL_MS);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tool?.close();
    await lms?.close();
    await mailbox?.close();
  });

  it('the mentee finds her notices from the header by keyboard and follows the reminder to its place', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${lms.url}/courses/${COURSE.id}?as=${MENTEE.id}#tool`);
    const app = page.frameLocator('iframe.tool');
    const link = app.getByRole('link', { name: /^Notices\W+2 unread$/ });
    await link.waitFor({ timeout: 30_000 });
    await link.focus();
    await page.keyboard.press('Enter');
    await app.getByRole('heading', { level: 1, name: 'Notices' }).waitFor();
    const reminder = app.getByRole('link', { name: new RegExp(`Reminder: conversation with ${MENTOR.name}`) });
    await reminder.waitFor();
    await app.getByRole('link', { name: /Conversation scheduled for/ }).waitFor();
    await app.getByRole('combobox', { name: 'Reminder before a conversation' }).waitFor();
    const frame = await toolFrame(page);
    await axe.check('notices', frame);
    await screenshot(page, 'notices', frame);
    await reminder.focus();
    await page.keyboard.press('Enter');
    await app.getByRole('tab', { name: /Conversations/, selected: true }).waitFor();
    await poll(() => app.getByRole('link', { name: /^Notices\W+1 unread$/ }).count()).toBe(1);
    await page.close();
  });

  it('the sandbox’s Mail page, linked beside each person of the course, shows the reminder e-mail', async () => {
    const reminders = mailbox.to(MENTEE.email).filter((m) => m.subject.startsWith('Reminder: conversation'));
    expect(reminders).toHaveLength(1);
    const page = await browser.context.newPage();
    await page.goto(`${lms.url}/courses/${COURSE.id}`);
    await page
      .getByRole('link', { name: 'Mail' })
      .nth(COURSE.people.findIndex((p) => p.id === MENTEE.id))
      .waitFor();
    await page.goto(`${lms.url}/mail/${encodeURIComponent(MENTEE.email)}`);
    const article = page.getByRole('article', { name: reminders[0]!.subject });
    await article.waitFor();
    const mail = page.frameLocator(`iframe[title="${reminders[0]!.subject}"]`);
    await mail.getByRole('link', { name: /Open the mentoring workspace from your course/ }).waitFor();
    await mail.getByRole('link', { name: 'Stop these e-mails' }).waitFor();
    await axe.check('sandbox mail page', page);
    await page.setViewportSize({ width: 900, height: 640 });
    await article.scrollIntoViewIfNeeded();
    await screenshot(page, 'reminder-email');
    await page.close();
  });
});
