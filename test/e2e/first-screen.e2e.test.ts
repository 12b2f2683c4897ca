/**
 * Issue 10: a participant's home comes rendered by the server in the page a launch opens, so it is
 * on screen before the app's code has run (here: with that code refused); the app then takes it
 * over (hydrates) without a complaint in the console, writes its dates in the browser's own time
 * zone, and answers clicks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { formatDateTime } from '@mentoring/shared/format';
import { lmsPerson, Role, startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { formPartnership, launchAs, startTestTool, type TestTool } from '../support/tool.ts';
import { hasChromium, openBrowser, type PlainBrowser } from '../support/browser.ts';

const COURSE = 'first-screen-e2e';
/** A zone far from the browser's (UTC+14): its dates differ from the browser's by a day. */
const KEPT_ZONE = 'Pacific/Kiritimati';

/** What the page logs as an error or a warning, and its uncaught errors: a clean hydration has none. */
function complaintsOf(page: Page): string[] {
  const complaints: string[] = [];
  page.on('console', (m) => {
    // The browser asks for the pages' icon by itself; no page names one.
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (err) => complaints.push(err.message));
  return complaints;
}

/** Keeps the card the server wrote, and its words then, to compare with what shows once the app runs. */
async function keepServerCard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const card = document.querySelector('article.partnership-card');
      if (!card) return;
      Object.assign(window, { serverCard: card, servedText: card.textContent });
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

interface Kept {
  serverCard?: Element;
  servedText?: string | null;
}

describe.skipIf(!hasChromium)('the home rendered by the server', () => {
  let tool: TestTool;
  let lms: TestLms;
  let browser: PlainBrowser;
  let keepZone: () => Promise<unknown>;
  let speak: (locale: 'ar' | null) => Promise<unknown>;
  let next: string;
  const courseUrl = () => `${lms.url}/courses/${COURSE}?as=mentee#tool`;

  beforeAll(async () => {
    tool = await startTestTool();
    lms = await startTestLms();
    lms.addCourse({
      id: COURSE,
      title: 'First screen',
      people: [
        lmsPerson('coordinator', 'Cora Ordway', [Role.Instructor]),
        lmsPerson('mentor', 'Mona Abara', [Role.Learner]),
        lmsPerson('mentee', 'Nia Ekwueme', [Role.Learner]),
      ],
    });
    await lms.registerTool(`${tool.url}/register`);
    const staff = await launchAs(lms, tool, { courseId: COURSE, personId: 'coordinator' });
    const mentor = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentor' });
    const mentee = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentee' });
    const partnership = await formPartnership(staff.api, mentor.api, mentee.api);
    const day = new Date(Date.now() + 3 * 86_400_000);
    day.setUTCHours(12, 0, 0, 0);
    next = day.toISOString();
    await mentor.api.createConversation({ params: { id: partnership.id }, body: { scheduledFor: next } });
    keepZone = () => mentee.api.reportTimeZone({ body: { timeZone: KEPT_ZONE } });
    speak = (locale) => mentee.api.chooseLocale({ body: { locale } });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await tool?.close();
    await lms?.close();
  });

  async function toolFrame(page: Page): Promise<Frame> {
    await page.frameLocator('iframe.tool').locator('article.partnership-card').waitFor({ timeout: 30_000 });
    return page.frames().find((f) => f.url().startsWith(`${tool.url}/app/`))!;
  }

  /** A new page, watched for complaints and keeping the server's card, on the course page. */
  async function openWatched(): Promise<{ page: Page; complaints: string[] }> {
    const page = await browser.context.newPage();
    const complaints = complaintsOf(page);
    await keepServerCard(page);
    await page.goto(courseUrl());
    return { page, complaints };
  }

  it('is on screen before the app’s code runs, its dates in the person’s kept time zone', async () => {
    await keepZone();
    const page = await browser.context.newPage();
    // None of the app's code: what shows is the server's markup with the stylesheet.
    await page.route(/\/app\/assets\/.*\.js$/, (route) => route.abort());
    try {
      await page.goto(courseUrl());
      const frame = await toolFrame(page);
      const card = frame.locator('article.partnership-card');
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await card.textContent()).toContain('Mona Abara');
      expect(await card.textContent()).toContain(formatDateTime(next, 'en', KEPT_ZONE));
      expect(await frame.locator('h1').textContent()).toBe('Your partnerships');
      // Styled: the stylesheet applied to the server's markup.
      expect(await card.evaluate((e) => getComputedStyle(e).display)).not.toBe('inline');
    } finally {
      await page.close();
    }
  });

  it('is taken over by the app without a console complaint, then shows dates in the browser’s zone and answers clicks', async () => {
    await keepZone();
    const { page, complaints } = await openWatched();
    try {
      const frame = await toolFrame(page);
      const browserZone = await frame.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect(browserZone).not.toBe(KEPT_ZONE);
      const card = frame.locator('article.partnership-card');
      await expect.poll(() => card.textContent()).toContain(formatDateTime(next, 'en', browserZone));
      // Hydrated: the app kept the server's elements rather than drawing its own.
      expect(
        await frame.evaluate(() => document.querySelector('article.partnership-card') === (window as Kept).serverCard),
      ).toBe(true);
      expect(await frame.evaluate(() => document.getElementById('root')!.hasAttribute('dir'))).toBe(false);

      const invite = frame.getByRole('button', { name: 'Invite someone' }).first();
      await expect.poll(() => invite.isEnabled()).toBe(true);
      await invite.click();
      await frame.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await frame.getByRole('dialog').waitFor({ state: 'detached' });
      await card.getByRole('link').first().click();
      await frame.getByRole('tab', { name: /goals/i }).first().waitFor();
      expect(complaints).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('in Arabic, writes the same Arabic-Indic digits as the app, which takes it over without a complaint', async () => {
    await keepZone();
    await speak('ar');
    const { page, complaints } = await openWatched();
    try {
      const frame = await toolFrame(page);
      const card = frame.locator('article.partnership-card');
      const served = await frame.evaluate(() => (window as Kept).servedText);
      expect(served).toContain(formatDateTime(next, 'ar', KEPT_ZONE));
      expect(served).toMatch(/[٠-٩]/);
      expect(served).not.toMatch(/[0-9]/);
      await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe('ar');
      const browserZone = await frame.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      await expect.poll(() => card.textContent()).toContain(formatDateTime(next, 'ar', browserZone));
      expect(complaints).toEqual([]);
    } finally {
      await page.close();
      await speak(null);
    }
  });
});
