/**
 * Issue 14, item 5: the web app in the pseudo-locale (every word of every message accented and a
 * third longer), in the sandbox LMS with the sample program filled as the sandbox fills it. As mentee,
 * mentor and coordinator it visits every screen, opens every dialog and menu a screen offers (forms
 * submitted empty, to show their errors) and asks of each: is any visible text, label or placeholder
 * not a message (people's own words excepted, isolated in bdi or dir=auto, dates in time elements),
 * and is anything clipped or spilling out of its box. The language menu is a select whose options
 * are each language's own name. Screenshots go to $PSEUDO_SHOTS or $TMPDIR/pseudo-locale-shots.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../support/globals.d.ts" />
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { populateSampleProgram } from '@mentoring/lti-tool/src/sandbox/populate.ts';
import { hasChromium } from '../support/browser.ts';
import { clippedElements, plainText } from '../support/pseudo-locale.ts';
import { newPage, openTool, settled, shootOnFailure, startWorld, toolFrame, type World } from './journeys/world.ts';

const COORDINATOR = 'awhitfield';
const MENTOR = 'mdelgado';
const MENTEE = 'hkowalski';
/** Aisha's partnership has no conversation yet: empty states. */
const QUIET_MENTEE = 'amohammed';
const SHOTS = process.env.PSEUDO_SHOTS ?? path.join(os.tmpdir(), 'pseudo-locale-shots');
/**
 * Texts the server words in the person's language (lti-tool/src/i18n): the pseudo-locale is the web
 * app's alone, so the server's notices show in English there. The hint to build the extension's
 * packages is the server's, in English only for now.
 */
const SERVER_TEXTS = '.notice-title, .notice-body';
/** React Aria's own words, in its catalogs (a modal's hidden dismiss button): the app gives it its locale. */
const ARIA_WORDS = ['Dismiss'];
/** Where the pseudo-locale's texts are read: the labels people read or hear. */
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

/** Everything wrong with what the frame shows now, each line named by the screen. */
async function problemsOf(frame: Frame, screen: string): Promise<string[]> {
  const plain = await plainText(frame, { skip: SERVER_TEXTS, attributes: ATTRIBUTES, allow: ARIA_WORDS });
  const clipped = await clippedElements(frame);
  return [...plain.map((p) => `${screen}: not a message: ${p}`), ...clipped.map((c) => `${screen}: clipped: ${c}`)];
}

/**
 * Shoots the tool's frame into SHOTS: a screen grown to its content's height for the shot (then
 * given back its size, where dialogs open), a dialog as the frame shows it.
 */
async function shoot(page: Page, frame: Frame, name: string, grow = false): Promise<void> {
  const tool = page.locator('iframe.tool');
  const file = path.join(SHOTS, `${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
  if (!grow) return void (await tool.screenshot({ path: file }));
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  const before = await tool.evaluate((el, h) => {
    const style = (el as HTMLElement).style;
    const was = style.height;
    style.height = `${h}px`;
    return was;
  }, height);
  await tool.screenshot({ path: file });
  await tool.evaluate((el, h) => void ((el as HTMLElement).style.height = h), before);
}

async function go(frame: Frame, app: FrameLocator, hash: string): Promise<void> {
  await frame.evaluate((h) => (window.location.hash = h), hash);
  await frame.evaluate(() => window.scrollTo(0, 0));
  await settled(app);
}

/**
 * Opens each dialog and menu the screen offers (one per distinct label), checks it, submits its form
 * emptied to show the errors, and closes it. Confirmations (alertdialog) are only looked at.
 */
async function sweepOverlays(
  page: Page,
  frame: Frame,
  app: FrameLocator,
  screen: string,
  seen: Set<string>,
): Promise<string[]> {
  const problems: string[] = [];
  // Folded sections open first, so that what they hold is checked too.
  const folded = app.locator('#main .disclosure-trigger[aria-expanded="false"]:visible');
  for (let n = await folded.count(); n > 0; n--) await folded.first().click();
  problems.push(...(await problemsOf(frame, `${screen} (unfolded)`)));
  const triggers = app.locator('#main button[aria-expanded="false"]:not(.disclosure-trigger):visible');
  const count = await triggers.count();
  for (let i = 0; i < count; i++) {
    const trigger = triggers.nth(i);
    // A dialog's work may have changed the screen since the triggers were counted.
    const text = await trigger.textContent({ timeout: 1_000 }).catch(() => null);
    if (text === null) continue;
    const label = text.trim() || ((await trigger.getAttribute('aria-label')) ?? '');
    if (seen.has(label) || (await trigger.isDisabled({ timeout: 1_000 }).catch(() => true))) continue;
    seen.add(label);
    await trigger.click();
    const overlay = app.locator('[role=dialog], [role=alertdialog], [role=menu]').last();
    if (
      !(await overlay.waitFor({ timeout: 1_000 }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const name = `${screen} › ${label}`;
    problems.push(...(await problemsOf(frame, name)));
    if ((await overlay.getAttribute('role')) === 'dialog') {
      const submit = overlay.locator('form button[type=submit]').last();
      if (await submit.count()) {
        for (const field of await overlay
          .locator('input[type=text]:visible, input:not([type]):visible, textarea:visible')
          .all())
          await field.fill('');
        await submit.click();
        await app
          .locator('[role=dialog] [role=alert], [role=dialog] [slot=errorMessage]')
          .first()
          .waitFor({ timeout: 2_000 })
          .catch(() => undefined);
        problems.push(...(await problemsOf(frame, `${name} (submitted empty)`)));
      }
      await shoot(page, frame, name);
    }
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached', timeout: 2_000 }).catch(() => page.keyboard.press('Escape'));
  }
  return problems;
}

describe.skipIf(!hasChromium)('the web app in the pseudo-locale', () => {
  let w: World;
  let partnershipId: string;
  let quietPartnershipId: string;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    w = await startWorld({ registerTool: true });
    await populateSampleProgram(w.lms, w.tool, `${w.lms.url}/readings`);
    const hannah = await w.api(MENTEE);
    partnershipId = (await hannah.listPartnerships({})).partnerships.find((p) =>
      p.members.some((m) => m.name === 'Marcus Delgado'),
    )!.id;
    quietPartnershipId = (await (await w.api(QUIET_MENTEE)).listPartnerships({})).partnerships[0]!.id;
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shootOnFailure(w, ctx.task.name);
  });

  afterAll(async () => {
    await w?.close();
  });

  const tabs = ['goals', 'clips', 'prompts', 'conversations', 'requests', 'evaluations', 'export'];
  const people = () => [
    {
      who: MENTEE,
      hashes: ['#/', ...tabs.map((t) => `#/p/${partnershipId}/${t}`), '#/connect', '#/notifications'],
    },
    { who: MENTOR, hashes: ['#/', `#/p/${partnershipId}/prepare`, ...tabs.map((t) => `#/p/${partnershipId}/${t}`)] },
    {
      who: QUIET_MENTEE,
      hashes: [
        '#/',
        ...['goals', 'clips', 'prompts', 'conversations', 'requests'].map((t) => `#/p/${quietPartnershipId}/${t}`),
      ],
    },
    {
      who: COORDINATOR,
      hashes: ['#/', ...['partnerships', 'roster', 'checkpoints', 'report'].map((s) => `#/program/${s}`)],
    },
  ];

  it('every screen, dialog and menu shows only messages, and clips none', async () => {
    const page = await newPage(w);
    await page.addInitScript(() => sessionStorage.setItem('mentoring:pseudo-locale', '1'));
    const problems: string[] = [];
    // A dialog or menu met again (the same label on another screen) is checked once.
    const seen = new Set<string>();
    for (const { who, hashes } of people()) {
      const app = await openTool(page, w, who);
      const frame = await toolFrame(page);
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en-XA');
      for (const hash of hashes) {
        await go(frame, app, hash);
        const screen = `${who} ${hash.replace(partnershipId, 'P').replace(quietPartnershipId, 'Q')}`;
        problems.push(...(await problemsOf(frame, screen)));
        await shoot(page, frame, screen, true);
        problems.push(...(await sweepOverlays(page, frame, app, screen, seen)));
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
