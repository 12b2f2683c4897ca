/**
 * The mentee's journey in the web app in Arabic (right-to-left) and in Spanish, each person launched
 * by the test LMS in their own LMS language (`launch_presentation.locale` ar-EG and es-MX): the home,
 * a goal with an action, the next conversation scheduled, a passage in English clipped into the
 * workspace, axe-core on each screen; in Arabic, no Latin digit the tool wrote (`test/support/digits.ts`). The words to find are read from the same catalogs the app
 * ships, so the test fails where the app shows anything but the person's language.
 * `npm run screenshots` writes docs/screenshots/*-ar.png and *-es.png (with a 390 px Arabic workspace).
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../support/globals.d.ts" />
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { latinDigits } from '../support/digits.ts';
import { COORDINATOR, MENTOR } from './journeys/story.ts';
import {
  AxeReport,
  COURSE_ID,
  newPage,
  openTool,
  screenshotTool,
  SCREENSHOTS_DIR,
  settled,
  shootOnFailure,
  startWorld,
  toolFrame,
  VIEWPORT,
  type World,
} from './journeys/world.ts';

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../lti-tool/src/web/locales');

/** English message → the catalog's translation, as the app shows it. */
function catalog(locale: string): (english: string) => string {
  const text = fs.readFileSync(path.join(LOCALES_DIR, `${locale}.po`), 'utf8');
  const messages = new Map<string, string>();
  for (const m of text.matchAll(/^msgid ("(?:[^"\\]|\\.)*")\nmsgstr ("(?:[^"\\]|\\.)*")$/gm)) {
    messages.set(JSON.parse(m[1]!) as string, JSON.parse(m[2]!) as string);
  }
  return (english) => {
    const translated = messages.get(english);
    if (!translated) throw new Error(`No ${locale} translation for “${english}”`);
    return translated;
  };
}

const JOURNEYS = [
  {
    locale: 'ar',
    lmsLocale: 'ar-EG',
    dir: 'rtl',
    mentee: { id: 'amohammed', name: 'Aisha Mohammed' },
    goal: 'أن يقود المعلمون اجتماعات الهيئة التدريسية بأنفسهم',
    why: 'أريد أن يمتلك فريقي الحلول التي يجدونها',
    action: 'أبدأ اجتماع الخميس بسؤال مفتوح واحد',
    note: 'هكذا أريد أن تبدو اجتماعاتنا',
  },
  {
    locale: 'es',
    lmsLocale: 'es-MX',
    dir: 'ltr',
    mentee: { id: 'salvarez', name: 'Sofía Álvarez' },
    goal: 'Que el profesorado conduzca las reuniones de consejo técnico',
    why: 'Quiero que mi equipo se apropie de las soluciones que encuentra',
    action: 'Abrir la reunión del jueves con una sola pregunta abierta',
    note: 'Así deberían sentirse nuestras reuniones',
  },
] as const;

/** Closes the notices ("Goal set.") so that they do not cover the screenshots. */
async function dismissNotices(app: FrameLocator, say: (english: string) => string): Promise<void> {
  const dismiss = app.getByRole('region', { name: say('Notifications') }).getByRole('button', { name: say('Dismiss') });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';

describe.skipIf(!hasChromium)('the mentee journey in Arabic and in Spanish', () => {
  let w: World;
  const axe = new AxeReport();

  beforeAll(async () => {
    w = await startWorld({ registerTool: true });
    // Each mentee reads their LMS in their own language; the coordinator pairs both with Marcus.
    const course = w.lms.courses().find((c) => c.id === COURSE_ID)!;
    for (const j of JOURNEYS) course.people.find((p) => p.id === j.mentee.id)!.locale = j.lmsLocale;
    const staff = await w.api(COORDINATOR.id);
    await staff.syncRoster({});
    const { people } = await staff.programPeople({});
    const idOf = (name: string) => people.find((p) => p.name === name)!.personId;
    for (const j of JOURNEYS) {
      await staff.createPartnership({
        body: {
          kind: 'mentoring',
          members: [
            { personId: idOf(MENTOR.name), role: 'mentor' },
            { personId: idOf(j.mentee.name), role: 'mentee' },
          ],
          confirmDuplicate: true,
        },
      });
    }
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shootOnFailure(w, ctx.task.name);
  });

  afterAll(async () => {
    if (axe.screens.length > 0) console.log(`axe-core, violations by impact (nodes) per screen:\n${axe.summary()}`);
    await w?.close();
  });

  for (const j of JOURNEYS) {
    it(`${j.locale}: the home, a goal with an action, the next conversation, a clipped passage`, async () => {
      const say = catalog(j.locale);
      const page = await newPage(w);
      const app = await openTool(page, w, j.mentee.id);
      await app.getByRole('heading', { level: 1, name: say('Your partnerships') }).waitFor();
      const frame = await toolFrame(page);
      expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        j.locale,
        j.dir,
      ]);
      await settled(app);
      /** Arabic counts, dates and times are in Arabic-Indic digits (٠١٢٣); Spanish ones in Latin digits. */
      const digitsRight = async () => {
        if (j.locale === 'ar') expect(await latinDigits(frame)).toEqual([]);
      };
      await digitsRight();
      await axe.check(`home (${j.locale})`, frame);
      expect(axe.screens.at(-1)?.violations ?? []).toEqual([]);
      await screenshotTool(page, `home-${j.locale}`);

      // Into the workspace: a goal in her words, and an action under it.
      await app.locator('article.partnership-card a.card-link').click();
      await app.getByRole('tablist', { name: say('Workspace sections') }).waitFor();
      await settled(app);
      await app
        .getByRole('button', { name: say('New goal') })
        .first()
        .click();
      const goalDialog = app.getByRole('dialog', { name: say('New goal') });
      // An empty goal is refused in her language, in the tool's words (not the validator's English).
      await goalDialog.getByRole('button', { name: say('Set goal') }).click();
      await goalDialog.getByText(say('This cannot be empty.')).waitFor();
      await goalDialog.getByLabel(say('Goal'), { exact: true }).fill(j.goal);
      await goalDialog.getByLabel(say('Why it matters')).fill(j.why);
      await goalDialog.getByRole('button', { name: say('Set goal') }).click();
      await goalDialog.waitFor({ state: 'detached' });
      const goalCard = app.locator('article.goal-card').filter({ has: app.getByRole('heading', { name: j.goal }) });
      await goalCard.getByRole('button', { name: say('+ Add an action') }).click();
      await goalCard.getByLabel(say('New action')).fill(j.action);
      await goalCard.getByRole('button', { name: say('Add action') }).click();
      await goalCard.locator('.action-list').getByText(j.action).waitFor();
      await goalCard.getByRole('button', { name: say('Done') }).click();

      // The next conversation, suggested a week or two ahead.
      const nudge = app.getByRole('region', { name: say('When will you talk next?') });
      await nudge.getByRole('button', { name: say('Schedule') }).click();
      await nudge.waitFor({ state: 'detached' });
      await settled(app);
      await dismissNotices(app, say);
      await digitsRight();
      // The conversation just scheduled shows its date, in the reader's digits.
      const digits = j.locale === 'ar' ? /[٠-٩]/ : /[0-9]/;
      expect(await frame.evaluate(() => document.body.innerText)).toMatch(digits);
      await axe.check(`workspace: goals (${j.locale})`, frame);
      expect(axe.screens.at(-1)?.violations ?? []).toEqual([]);
      await screenshotTool(
        page,
        `workspace-${j.locale}`,
        app.getByRole('tablist', { name: say('Workspace sections') }),
      );

      // A passage in English, clipped into a workspace in another language: it keeps its own direction.
      await app.getByRole('tab', { name: say('Clips') }).click();
      await app
        .getByRole('button', { name: say('Add a clip') })
        .first()
        .click();
      const clipDialog = app.getByRole('dialog', { name: say('Add a clip') });
      await clipDialog.getByLabel(say('Address of the reading')).fill(w.readingUrl);
      await clipDialog.getByLabel(say('Passage')).fill(PASSAGE);
      await clipDialog.getByLabel(say('Your note')).fill(j.note);
      await clipDialog.getByRole('button', { name: say('Add clip') }).click();
      await clipDialog.waitFor({ state: 'detached' });
      const quote = app.locator('article.clip-card blockquote.clip-quote').filter({ hasText: PASSAGE });
      await quote.waitFor();
      expect(await quote.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      await settled(app);
      await dismissNotices(app, say);
      await digitsRight();
      await axe.check(`workspace: clips (${j.locale})`, frame);
      expect(axe.screens.at(-1)?.violations ?? []).toEqual([]);
      await screenshotTool(page, `clips-${j.locale}`, app.getByRole('tablist', { name: say('Workspace sections') }));

      if (j.locale === 'ar') {
        // The workspace on a phone-wide screen, mirrored.
        await app.getByRole('tab', { name: say('Goals') }).click();
        await page.setViewportSize({ width: 390, height: 844 });
        await frame.evaluate(() => window.scrollTo(0, 0));
        await page.locator('iframe.tool').screenshot({
          path: path.join(SCREENSHOTS_DIR, 'workspace-390-ar.png'),
          animations: 'disabled',
        });
        await page.setViewportSize(VIEWPORT);
      }
      await page.close();
    });
  }
});
