/**
 * The extension in each person's language, in real Chromium against the real tool: before it is
 * connected it speaks the browser's language (Chromium started in French); connected by Sofía,
 * whom the test LMS launches in Spanish (`es-MX`), its options page, popup and side panel speak
 * Spanish, with dates through `Intl`; connected by Aisha, launched in Arabic (`ar-EG`), the side
 * panel is Arabic and right-to-left, an English passage keeping its own direction; and when Aisha
 * picks English in her workspace, the next popup follows. The words to find are read from the
 * catalogs the extension ships. `npm run screenshots` writes docs/screenshots/extension-sidepanel-es.png
 * and -ar.png. axe-core finds no violation on the Spanish popup and either side panel.
 * Last, in the pseudo-locale (the test build's `e2ePseudoLocale`), the options page, popup, side
 * panel and picker show no text that is not a message and clip none (screenshots in
 * $TMPDIR/extension-pseudo-locale/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '@mentoring/shared';
import { formatDateTime } from '@mentoring/shared/format';
import { pseudoText } from '@mentoring/shared/i18n/pseudo';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { latinDigits } from '../../support/digits.ts';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from '../../support/extension-browser.ts';
import { htmlPage, READING, selectText, servePages, type PageServer } from '../../support/pages.ts';
import { clippedElements, plainText } from '../../support/pseudo-locale.ts';
import { launchAs, startTestTool, type TestTool } from '../../support/tool.ts';
import { AxeReport, screenshot } from '../journeys/world.ts';

const COURSE = 'languages-extension-2026';
const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';
const LOCALES_DIR = path.resolve(import.meta.dirname, '../../../extension/locales');

/** English message → the extension catalog's translation, as the extension shows it. */
function catalog(locale: string): (english: string) => string {
  const text = readFileSync(path.join(LOCALES_DIR, `${locale}.po`), 'utf8');
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

const PEOPLE = {
  sofia: {
    id: 'salvarez',
    name: 'Sofía Álvarez',
    lmsLocale: 'es-MX',
    goal: 'Que el profesorado conduzca las reuniones de consejo técnico',
    action: 'Abrir la reunión del jueves con una sola pregunta abierta',
  },
  aisha: {
    id: 'amohammed',
    name: 'Aisha Mohammed',
    lmsLocale: 'ar-EG',
    goal: 'أن يقود المعلمون اجتماعات الهيئة التدريسية بأنفسهم',
    action: 'أبدأ اجتماع الخميس بسؤال مفتوح واحد',
  },
} as const;
type Who = keyof typeof PEOPLE;

let pages: PageServer;
let lms: TestLms;
let tool: TestTool | undefined;
let browser: ExtensionBrowser;
const api = {} as Record<Who, ApiClient>;
const axe = new AxeReport();
const nextConversation = {} as Record<Who, string>;

/** Each mentee's partnership with Marcus: a goal with an action, the reading clipped, the next conversation's agenda. */
async function setUpProgram(readingUrl: string): Promise<void> {
  [tool, lms] = await Promise.all([startTestTool(), startTestLms({ name: 'Languages LMS' })]);
  lms.addCourse({
    id: COURSE,
    title: 'Nuevos directivos 2026',
    people: [
      lmsPerson('coord', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('mentor', 'Marcus Webb', [Role.Learner]),
      ...Object.values(PEOPLE).map((p) => ({ ...lmsPerson(p.id, p.name, [Role.Learner]), locale: p.lmsLocale })),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  const launch = (personId: string) => launchAs(lms, tool!, { courseId: COURSE, personId }).then((l) => l.api);
  const [coordinator, mentor] = await Promise.all([launch('coord'), launch('mentor')]);
  const mentorId = (await mentor.me({})).person.id;
  for (const who of Object.keys(PEOPLE) as Who[]) {
    const person = PEOPLE[who];
    const mentee = (api[who] = await launch(person.id));
    const me = await mentee.me({});
    expect(me.locale).toBe(person.lmsLocale.slice(0, 2));
    const partnership = await coordinator.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: mentorId, role: 'mentor' },
          { personId: me.person.id, role: 'mentee' },
        ],
      },
    });
    const goal = await mentee.createGoal({ params: { id: partnership.id }, body: { title: person.goal } });
    await mentee.createAction({
      params: { id: goal.id },
      body: { text: person.action, dueOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) },
    });
    const clip = await mentee.createClip({
      params: { id: partnership.id },
      body: { url: readingUrl, title: 'Coaching as Improvisation', quote: PASSAGE, goalIds: [goal.id] },
    });
    const next = await mentee.createConversation({
      params: { id: partnership.id },
      body: { scheduledFor: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    });
    await mentee.setAgenda({
      params: { id: next.id },
      body: { agenda: [{ kind: 'clip', clipId: clip.id }], version: next.version },
    });
    nextConversation[who] = next.scheduledFor;
  }
}

/** Pastes a fresh connection code of `who` into the options page, and waits until it speaks their language. */
async function connectAs(who: Who, options: Page, say: (english: string) => string): Promise<void> {
  const { connectionCode } = await api[who].createPairingCode({});
  await options.getByRole('textbox').fill(connectionCode);
  await options.locator('button[type=submit]').click();
  await options.getByRole('heading', { level: 1, name: say('Connect your browser') }).waitFor();
  await options.getByRole('status').filter({ hasText: PEOPLE[who].name }).waitFor();
}

const pageLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** The side panel as Chrome shows it beside the reading, once its partnership has loaded. */
async function openSidePanel(say: (english: string) => string): Promise<Page> {
  const panel = await browser.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel
    .getByRole('region', { name: say('Recent clips') })
    .getByRole('listitem')
    .first()
    .waitFor();
  await panel
    .getByRole('region', { name: say('Goals') })
    .getByRole('listitem')
    .first()
    .waitFor();
  return panel;
}

describe.skipIf(!existsSync(CHROMIUM))('the extension in the person’s language', () => {
  beforeAll(async () => {
    pages = await servePages();
    pages.set('/reading', htmlPage(READING, `${pages.url}/reading`));
    await setUpProgram(`${pages.url}/reading`);
    // The browser's own language is French: the extension speaks it until someone connects.
    browser = await launchWithExtension({ language: 'fr-FR,fr' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([pages?.close(), tool?.close(), lms?.close()]);
    if (tool) await rm(tool.dataDir, { recursive: true, force: true });
  });

  it('speaks the browser’s language before anyone connects', async () => {
    const fr = catalog('fr');
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('heading', { level: 1, name: fr('Connect your browser') }).waitFor();
    expect(await pageLanguage(options)).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(await options.title()).toBe(fr('Connect to your mentoring workspace'));
    await options.close();
  });

  it('speaks Spanish once Sofía, launched in Spanish, connects: options page, popup and side panel', async () => {
    const es = catalog('es');
    const options = await browser.openExtensionPage('options.html');
    await connectAs('sofia', options, es);
    expect(await pageLanguage(options)).toEqual({ lang: 'es', dir: 'ltr' });
    await options.close();

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('heading', { level: 1, name: es('Mentoring workspace') }).waitFor();
    await popup.getByRole('button', { name: es('Clip the selection') }).waitFor();
    expect(await pageLanguage(popup)).toEqual({ lang: 'es', dir: 'ltr' });
    await axe.check('extension: popup (es)', popup);
    expect(axe.screens.at(-1)?.violations).toEqual([]);
    await popup.close();

    const panel = await openSidePanel(es);
    expect(await pageLanguage(panel)).toEqual({ lang: 'es', dir: 'ltr' });
    const next = panel.getByRole('region', { name: es('Next conversation') });
    // The date in Spanish, in the reader's time zone, never as ISO.
    await next.getByText(formatDateTime(nextConversation.sofia, 'es')).waitFor();
    expect(await next.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await panel
      .getByRole('region', { name: es('Goals') })
      .getByText(PEOPLE.sofia.action)
      .waitFor();
    await axe.check('extension: side panel (es)', panel);
    expect(axe.screens.at(-1)?.violations).toEqual([]);
    await screenshot(panel, 'extension-sidepanel-es');
    await panel.close();
  });

  it('is right to left in Arabic once Aisha connects, with an English passage kept left to right', async () => {
    const ar = catalog('ar');
    const es = catalog('es');
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('button', { name: es('Disconnect') }).click();
    // Disconnected, the extension goes back to the browser's language.
    await options.getByRole('heading', { level: 1, name: catalog('fr')('Connect your browser') }).waitFor();
    await connectAs('aisha', options, ar);
    expect(await pageLanguage(options)).toEqual({ lang: 'ar', dir: 'rtl' });
    await options.close();

    const panel = await openSidePanel(ar);
    expect(await pageLanguage(panel)).toEqual({ lang: 'ar', dir: 'rtl' });
    await panel.getByRole('heading', { level: 1, name: ar('Mentoring workspace') }).waitFor();
    const quote = panel
      .getByRole('region', { name: ar('Recent clips') })
      .locator('q bdi')
      .first();
    expect(await quote.textContent()).toBe(PASSAGE);
    expect(await quote.evaluate((q) => getComputedStyle(q).direction)).toBe('ltr');
    // The title starts on the right, where Arabic starts.
    const titleEnd = await panel.getByRole('heading', { level: 1 }).evaluate((h) => {
      const text = document.createRange();
      text.selectNodeContents(h);
      return text.getBoundingClientRect().right;
    });
    expect(titleEnd).toBeGreaterThan(370);
    await panel
      .getByRole('region', { name: ar('Next conversation') })
      .getByText(formatDateTime(nextConversation.aisha, 'ar'))
      .waitFor();
    // Dates and counts in Arabic-Indic digits (٠١٢٣); the passage and the site keep their own.
    expect(await latinDigits(panel)).toEqual([]);
    await axe.check('extension: side panel (ar)', panel);
    expect(axe.screens.at(-1)?.violations).toEqual([]);
    await screenshot(panel, 'extension-sidepanel-ar');
    await panel.close();
  });

  it('follows a new choice of language made in the workspace when the popup opens', async () => {
    await api.aisha.chooseLocale({ body: { locale: 'en' } });
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('heading', { level: 1, name: 'Mentoring workspace' }).waitFor();
    expect(await pageLanguage(popup)).toEqual({ lang: 'en', dir: 'ltr' });
    expect((await browser.storage().get()).personLocale).toBe('en');
    await popup.close();
  });

  it('in the pseudo-locale, shows no text that is not a message and clips none: options, popup, side panel, picker', async () => {
    const say = pseudoText;
    const shots = path.join(os.tmpdir(), 'extension-pseudo-locale');
    await mkdir(shots, { recursive: true });
    await browser.storage().set({ e2ePseudoLocale: true });
    /** The screen in the pseudo-locale: no plain English, nothing clipped; its screenshot to look at. */
    const check = async (page: Page, name: string) => {
      expect(await pageLanguage(page)).toEqual({ lang: 'en-XA', dir: 'ltr' });
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
      expect({ name, plain: await plainText(page) }).toEqual({ name, plain: [] });
      expect({ name, clipped: await clippedElements(page) }).toEqual({ name, clipped: [] });
    };

    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('heading', { level: 1, name: say('Connect your browser') }).waitFor();
    await options.getByRole('button', { name: say('Disconnect') }).waitFor();
    await check(options, 'options');
    await options.close();

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('heading', { level: 1, name: say('Mentoring workspace') }).waitFor();
    await popup.getByRole('button', { name: say('Clip the selection') }).waitFor();
    await check(popup, 'popup');
    await popup.close();

    const panel = await openSidePanel(say);
    // As narrow as Chrome lets the side panel be.
    await panel.setViewportSize({ width: 320, height: 900 });
    await check(panel, 'sidepanel');
    await panel.close();

    const reading = await browser.context.newPage();
    await reading.goto(`${pages.url}/reading`);
    // A passage not clipped yet, so the picker shows its form.
    await selectText(reading, 'the pull to give advice is strong');
    const picker = await browser.clipSelection(reading);
    // The size of the window the picker opens in (lib/picker-handoff.ts).
    await picker.setViewportSize({ width: 480, height: 640 });
    await picker.getByLabel(say('File under')).waitFor();
    await expect.poll(() => picker.getByLabel(say('File under')).inputValue()).not.toBe('');
    await check(picker, 'picker');
    await picker.close();
    await reading.close();
    await browser.storage().set({ e2ePseudoLocale: false });
  });
});
