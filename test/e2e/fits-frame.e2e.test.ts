/**
 * Issue 12, item 4: every main screen fits the frame it is given, in real Chromium with the tool in
 * the sandbox LMS's course page and the sample program filled as the sandbox fills it.
 * - At 320 and 390 px wide: no horizontal overflow, and every control a finger can hit (44 px high).
 * - In a laptop's LMS frame (1366 × 525): the chosen tab's first content shows without scrolling.
 * - In a Canvas-like course the frame asks the LMS to grow (`lti.frameResize`) and the LMS does.
 * On the way it shoots the workspace, prepare and conversation screens at 390 px for the README.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../support/globals.d.ts" />
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { populateSampleProgram } from '@mentoring/lti-tool/src/sandbox/populate.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { hasChromium } from '../support/browser.ts';
import { formPartnership, launchAs } from '../support/tool.ts';
import {
  newPage,
  openTool,
  poll,
  screenshotFrame,
  settled,
  shootOnFailure,
  startWorld,
  toolFrame,
  type World,
} from './journeys/world.ts';

const COORDINATOR = 'awhitfield';
const MENTOR = 'mdelgado';
const MENTEE = 'hkowalski';
/** Aisha's partnership has no conversation yet: her workspace asks when they will talk, with a date input. */
const QUIET_MENTEE = 'amohammed';
const CANVAS_COURSE = 'nsl-2026-canvas';

interface Size {
  width: number;
  height: number;
}
const PHONES: Size[] = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];
/** Moodle's activity frame on a 1366 × 768 laptop. */
const LAPTOP_FRAME: Size = { width: 1366, height: 525 };

/** Gives the course page's tool frame a size of its own, as an LMS would, above the rest of the page. */
async function sizeFrame(page: Page, size: Size): Promise<Frame> {
  await page.setViewportSize({ width: Math.max(size.width, 1280) + 40, height: Math.max(size.height, 700) + 40 });
  await page.locator('iframe.tool').evaluate(
    (el, s) =>
      void Object.assign((el as HTMLElement).style, {
        position: 'fixed',
        top: '0',
        left: '0',
        zIndex: '10',
        width: `${s.width}px`,
        height: `${s.height}px`,
        minHeight: '0',
        border: '0',
        borderRadius: '0',
      }),
    size,
  );
  const frame = await toolFrame(page);
  await poll(() => frame.evaluate(() => window.innerWidth)).toBe(size.width);
  return frame;
}

/** Goes to a place in the app (its hash route) and waits for its data. */
async function go(page: Page, frame: Frame, hash: string): Promise<void> {
  await frame.evaluate((h) => (window.location.hash = h), hash);
  await frame.evaluate(() => window.scrollTo(0, 0));
  await settled(page.frameLocator('iframe.tool'));
}

/** What does not fit: horizontal overflow of the page, and elements wider than the frame. */
async function overflow(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        // What scrolls sideways inside its own box (tables, the row of tabs) does not widen the page.
        return r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1) && !el.closest('.table-wrap, .tab-list');
      })
      .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
    const widest = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().width > root.clientWidth && !el.closest('.table-wrap'))
      .slice(-3)
      .map((el) => `${el.tagName}.${el.className}:${el.scrollWidth}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: [...wide, ...widest] };
  });
}

/** Visible controls shorter than a finger (44 px), links inside running text excepted. */
async function smallTargets(frame: Frame) {
  return frame.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, [role=button], [role=tab], .button, input:not([type=hidden]), select, textarea, nav a, .card-link, .todo a',
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('[aria-hidden=true], .visually-hidden, .skip-link'))
          return false;
        // A checkbox or radio counts by its label, which carries the click.
        const hit = (el instanceof HTMLInputElement && /checkbox|radio/.test(el.type) && el.closest('label')) || el;
        return hit.getBoundingClientRect().height < 44;
      })
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().height)}px`,
      ),
  );
}

describe.skipIf(!hasChromium)('fits the frame: phones and a laptop LMS frame', () => {
  let w: World;
  let partnershipId: string;
  let quietPartnershipId: string;
  let conversationHash: string;

  beforeAll(async () => {
    w = await startWorld({ registerTool: true });
    w.lms.addCourse({ ...sampleProgram(), id: CANVAS_COURSE, title: 'NSL on Canvas', mode: 'canvas' });
    await populateSampleProgram(w.lms, w.tool, `${w.lms.url}/readings`);
    const hannah = await w.api(MENTEE);
    const mine = await hannah.listPartnerships({});
    partnershipId = mine.partnerships.find((p) => p.members.some((m) => m.name === 'Marcus Delgado'))!.id;
    conversationHash = `#/p/${partnershipId}/conversations`;
    quietPartnershipId = (await (await w.api(QUIET_MENTEE)).listPartnerships({})).partnerships[0]!.id;
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shootOnFailure(w, ctx.task.name);
  });

  afterAll(async () => {
    await w?.close();
  });

  const participantScreens = () => [
    { who: MENTEE, hash: '#/' },
    ...['goals', 'clips', 'prompts', 'conversations', 'requests', 'evaluations', 'export'].map((tab) => ({
      who: MENTEE,
      hash: `#/p/${partnershipId}/${tab}`,
    })),
    { who: MENTEE, hash: '#/connect' },
    { who: MENTOR, hash: `#/p/${partnershipId}/prepare` },
    { who: QUIET_MENTEE, hash: `#/p/${quietPartnershipId}/goals` },
    { who: QUIET_MENTEE, hash: `#/p/${quietPartnershipId}/conversations` },
  ];
  const staffScreens = ['partnerships', 'roster', 'checkpoints', 'report'].map((s) => ({
    who: COORDINATOR,
    hash: `#/program/${s}`,
  }));

  it('at 320 and 390 px wide: no screen overflows sideways, and controls are 44 px high', async () => {
    const page = await newPage(w);
    const problems: string[] = [];
    for (const who of [MENTEE, QUIET_MENTEE, MENTOR, COORDINATOR]) {
      await openTool(page, w, who);
      for (const size of PHONES) {
        const frame = await sizeFrame(page, size);
        for (const screen of [...participantScreens(), ...staffScreens].filter((s) => s.who === who)) {
          await go(page, frame, screen.hash);
          const o = await overflow(frame);
          if (o.scrollWidth > o.clientWidth)
            problems.push(
              `${who} ${screen.hash} at ${size.width}: ${o.scrollWidth} > ${o.clientWidth} (${o.wide.join(' | ')})`,
            );
          const small = await smallTargets(frame);
          if (small.length) problems.push(`${who} ${screen.hash} at ${size.width}: small targets ${small.join(' | ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in a 1366 × 525 LMS frame, the chosen tab shows its content without scrolling', async () => {
    const page = await newPage(w);
    const problems: string[] = [];
    const check = async (who: string, hashes: string[]) => {
      await openTool(page, w, who);
      const frame = await sizeFrame(page, LAPTOP_FRAME);
      const app = page.frameLocator('iframe.tool');
      for (const hash of hashes) {
        await go(page, frame, hash);
        const o = await overflow(frame);
        if (o.scrollWidth > o.clientWidth) problems.push(`${hash}: overflows ${o.scrollWidth} > ${o.clientWidth}`);
        const panel = app.locator('[role=tabpanel]').first();
        const top = await panel.evaluate((el) => {
          const first = (el.firstElementChild ?? el) as HTMLElement;
          return first.getBoundingClientRect().top;
        });
        if (top + 48 > LAPTOP_FRAME.height) problems.push(`${hash}: the tab's content starts at ${Math.round(top)} px`);
      }
    };
    await check(
      MENTEE,
      ['goals', 'clips', 'prompts', 'conversations', 'requests', 'evaluations', 'export'].map(
        (t) => `#/p/${partnershipId}/${t}`,
      ),
    );
    await check(
      COORDINATOR,
      ['partnerships', 'roster', 'checkpoints', 'report'].map((s) => `#/program/${s}`),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in a Canvas-like course the frame asks the LMS to grow to its content, and it does', async () => {
    const page = await newPage(w);
    await page.goto(`${w.lms.url}/courses/${CANVAS_COURSE}?as=${MENTEE}#tool`);
    const app = page.frameLocator('iframe.tool');
    await app.locator('#main').waitFor({ timeout: 30_000 });
    const frame = await toolFrame(page);
    const iframeHeight = () => page.locator('iframe.tool').evaluate((el) => el.getBoundingClientRect().height);
    const before = await iframeHeight();
    // A screen longer than the frame the LMS first gave (75% of the window).
    await go(page, frame, '#/connect');
    const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
    expect(content).toBeGreaterThan(before);
    await poll(iframeHeight).toBeGreaterThanOrEqual(content);
    // No scrollbar inside the frame: only the LMS page scrolls.
    await poll(() => frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    await page.close();
  });

  it('in a Canvas-grown frame taller than the screen, a dialog opened low on the page opens in view', async () => {
    // A partnership in the Canvas course, with goals enough to grow the frame past a small laptop's window.
    const inCanvas = (personId: string) => launchAs(w.lms, w.tool, { courseId: CANVAS_COURSE, personId });
    const [staff, mentor, mentee] = await Promise.all([inCanvas(COORDINATOR), inCanvas(MENTOR), inCanvas(MENTEE)]);
    const partnership = await formPartnership(staff.api, mentor.api, mentee.api);
    for (const title of ['Observe lessons weekly', 'Lead the data team', 'Coach two new teachers', 'Plan the PD day'])
      await mentee.api.createGoal({
        params: { id: partnership.id },
        body: { title, why: 'For the school year ahead.' },
      });

    const page = await newPage(w);
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(`${w.lms.url}/courses/${CANVAS_COURSE}?as=${MENTEE}#tool`);
    await page.frameLocator('iframe.tool').locator('#main').waitFor({ timeout: 30_000 });
    const frame = await toolFrame(page);
    await go(page, frame, `#/p/${partnership.id}/goals`);
    const screen = page.viewportSize()!;
    await poll(() => frame.evaluate(() => window.innerHeight)).toBeGreaterThan(screen.height);
    // The last goal's Edit: below the frame's first screenful, reached by scrolling the course page.
    const edit = frame.getByRole('button', { name: 'Edit', exact: true }).last();
    expect(await edit.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(screen.height);
    await edit.scrollIntoViewIfNeeded();
    await edit.click();
    const dialog = frame.getByRole('dialog');
    await dialog.waitFor();
    // Playwright measures a frame's elements in the course page's viewport: what the person sees.
    const seen = (await dialog.boundingBox())!;
    expect(seen.y).toBeGreaterThanOrEqual(0);
    expect(seen.y + Math.min(seen.height, screen.height / 2)).toBeLessThanOrEqual(screen.height);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Deleting the last goal: its confirmation, then the notice that says it is done, both in view.
    await frame.getByRole('button', { name: 'Delete', exact: true }).last().click();
    const confirm = frame.getByRole('alertdialog');
    await confirm.waitFor();
    expect((await confirm.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await confirm.getByRole('button', { name: 'Delete goal' }).click();
    const notice = frame.locator('.toast', { hasText: 'Goal deleted: Plan the PD day' });
    await notice.waitFor();
    const shown = (await notice.boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.height).toBeLessThanOrEqual(screen.height);
    await page.close();
  });

  it('shoots the workspace, prepare and conversation screens at 390 px', async () => {
    const page = await newPage(w);
    await openTool(page, w, MENTEE);
    let frame = await sizeFrame(page, PHONES[1]!);
    await go(page, frame, '#/');
    // The home says what comes next and what waits, one link to each.
    const app = page.frameLocator('iframe.tool');
    const next = app.getByRole('region', { name: 'What next' });
    await next.getByRole('link', { name: /^Next conversation with Marcus Delgado: .*\(in 2 days\)$/ }).waitFor();
    await next.getByRole('link', { name: '1 prompt to answer' }).waitFor();
    await screenshotFrame(page, 'phone-home');
    await go(page, frame, `#/p/${partnershipId}/goals`);
    await screenshotFrame(page, 'phone-workspace');
    await go(page, frame, conversationHash);
    await screenshotFrame(page, 'phone-conversation');
    await openTool(page, w, MENTOR);
    frame = await sizeFrame(page, PHONES[1]!);
    await go(page, frame, '#/');
    const mentorNext = app.getByRole('region', { name: 'What next' });
    await mentorNext.getByRole('link', { name: '1 request for a resource to answer' }).waitFor();
    await mentorNext.getByRole('link', { name: '2 new clips from Hannah Kowalski to review' }).click();
    await app.getByRole('heading', { level: 1, name: 'Before your next conversation' }).waitFor();
    await settled(app);
    await screenshotFrame(page, 'phone-prepare');
    await page.close();
  });
});
