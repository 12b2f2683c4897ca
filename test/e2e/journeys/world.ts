/**
 * What the journeys share: the real tool and the test LMS on two origins, Chromium with the test
 * build of the extension, and the ways people reach the tool (inside the course page's iframe).
 * Also the checks every journey makes on the way: axe-core on each main screen, screenshots,
 * keyboard-only helpers, and a recorder of the API responses a page received.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../support/globals.d.ts" />
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiClient } from '@mentoring/shared';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { SAMPLE_READINGS_DIR } from '@mentoring/lti-tool/src/sandbox/lms/readings.ts';
import { launchAs, startTestTool, type TestTool } from '../../support/tool.ts';
import { launchWithExtension, type ExtensionBrowser } from '../../support/extension-browser.ts';

export const COURSE_ID = 'nsl-2026';
/** The sandbox reading the journeys clip from (lti-tool/src/sandbox/readings). */
export const READING_FILE = 'coaching-as-improvisation.txt';
export const READING_TITLE = 'Coaching as Improvisation';
/**
 * Where the journeys put their screenshots and axe-core results: the README's docs/screenshots with
 * `npm run screenshots`; otherwise a temporary folder, so a test run leaves the checkout as it was.
 */
export const SCREENSHOTS_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(import.meta.dirname, '../../../docs/screenshots')
  : path.join(os.tmpdir(), 'mentoring-screenshots');
/** Main screens are shot at this size, the LMS page around the tool. */
export const VIEWPORT = { width: 1280, height: 900 };

export interface World {
  tool: TestTool;
  lms: TestLms;
  browser: ExtensionBrowser;
  readingUrl: string;
  /** The course page launching the tool as a person (`extra` adds query parameters such as `place=1`). */
  courseUrl(personId: string, extra?: string): string;
  /** An API client of a person, from a launch of their own (to check results, not to drive journeys). */
  api(personId: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** LMS on `localhost`, tool on `127.0.0.1`: two sites, so the tool's frame is third-party. */
  crossSite?: boolean;
  /** Chromium blocks third-party cookies (as with the phase-out); launches rely on Platform Storage. */
  blockThirdPartyCookies?: boolean;
  /** Register the tool in the LMS without the browser (journeys that do not test registration). */
  registerTool?: boolean;
}

/** Starts the tool, the LMS (with the sample course and its readings) and the browser. */
export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const started: { tool?: TestTool; lms?: TestLms; browser?: ExtensionBrowser } = {};
  const close = async () => {
    await started.browser?.close();
    await Promise.all([started.tool?.close(), started.lms?.close()]);
    if (started.tool) await rm(started.tool.dataDir, { recursive: true, force: true });
  };
  try {
    if (opts.crossSite) dns.setDefaultResultOrder('ipv4first');
    const lmsOptions = { name: 'Sandbox LMS', readingsDir: SAMPLE_READINGS_DIR };
    const startLms = async () => {
      if (!opts.crossSite) return startTestLms(lmsOptions);
      // The LMS listens on 127.0.0.1 but is reached (and issues) as localhost, another site than the tool's.
      const probe = await startTestLms();
      const port = Number(new URL(probe.url).port);
      await probe.close();
      return startTestLms({ ...lmsOptions, port, publicUrl: `http://localhost:${port}` });
    };
    const args = [
      '--enable-caret-browsing',
      ...(opts.blockThirdPartyCookies ? ['--test-third-party-cookie-phaseout'] : []),
    ];
    const results = await Promise.allSettled([
      startTestTool().then((t) => (started.tool = t)),
      startLms().then((l) => (started.lms = l)),
      launchWithExtension({ args }).then((b) => (started.browser = b)),
    ]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    const { tool, lms, browser } = started as Required<typeof started>;
    lms.addCourse(sampleProgram());
    if (opts.registerTool) await lms.registerTool(`${tool.url}/register`);
    const apis = new Map<string, Promise<ApiClient>>();
    return {
      tool,
      lms,
      browser,
      readingUrl: `${lms.url}/readings/${READING_FILE}`,
      courseUrl: (personId, extra) =>
        `${lms.url}/courses/${COURSE_ID}?as=${encodeURIComponent(personId)}${extra ? `&${extra}` : ''}#tool`,
      api(personId) {
        let api = apis.get(personId);
        if (!api) apis.set(personId, (api = launchAs(lms, tool, { courseId: COURSE_ID, personId }).then((l) => l.api)));
        return api;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** `expect.poll` with room for a slow CI machine. */
export const poll = <T>(read: () => T | Promise<T>, timeout = 15_000) => expect.poll(read, { timeout });

/**
 * Brings a tab to the front at the screenshots' size. Playwright sizes a window to the viewport of
 * the page it last sized there (extension pages it opens get 1280×720); clicks outside the window
 * are lost, so the course page's window is sized again whenever it comes back to the front.
 */
export async function front(page: Page): Promise<void> {
  await page.bringToFront();
  await page.setViewportSize(VIEWPORT);
  // Playwright skips sizing the window when the page's viewport is already this size: size it here.
  const cdp = await page.context().newCDPSession(page);
  try {
    const { windowId, bounds } = await cdp.send('Browser.getWindowForTarget');
    if (bounds.width !== VIEWPORT.width || bounds.height !== VIEWPORT.height) {
      await cdp.send('Browser.setWindowBounds', {
        windowId,
        bounds: { width: VIEWPORT.width, height: VIEWPORT.height },
      });
    }
  } finally {
    await cdp.detach();
  }
}

/** A new tab at the screenshots' size. */
export async function newPage(w: World): Promise<Page> {
  const page = await w.browser.context.newPage();
  await page.setViewportSize(VIEWPORT);
  return page;
}

/**
 * Opens `url` in a window of its own (a tab of it with `inWindowOf`), so that sizing it for a
 * screenshot does not resize the course page's window: Playwright sizes the window to the viewport.
 */
export async function openWindow(
  w: World,
  url: string,
  opts: { popup?: boolean; inWindowOf?: Page } = {},
): Promise<Page> {
  const opened = w.browser.context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 15_000 });
  const windowId = opts.inWindowOf
    ? await w.browser.background.evaluate(
        async (tabId) => (await chrome.tabs.get(tabId)).windowId,
        await w.browser.tabIdOf(opts.inWindowOf),
      )
    : undefined;
  await w.browser.background.evaluate(
    async ([u, popup, win]) => {
      if (win !== undefined) await chrome.tabs.create({ url: u, windowId: win });
      else await chrome.windows.create({ url: u, type: popup ? 'popup' : 'normal', focused: true });
    },
    [url, opts.popup ?? false, windowId] as const,
  );
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

export const extensionUrl = (w: World, file: string) => `chrome-extension://${w.browser.extensionId}/${file}`;

/** Launches the tool from the course page as a person and answers the app inside the LMS's iframe. */
export async function openTool(page: Page, w: World, personId: string, extra?: string): Promise<FrameLocator> {
  await front(page);
  await page.goto(w.courseUrl(personId, extra));
  const app = page.frameLocator('iframe.tool');
  if (extra?.includes('place=1')) return app;
  await app
    .locator('#main')
    .waitFor({ timeout: 30_000 })
    .catch((err: Error) => {
      // What the page's frames show, to tell a launch that failed from a frame that was lost.
      throw new Error(
        `${err.message}\nframes: ${page
          .frames()
          .map((f) => f.url().slice(0, 100))
          .join(' | ')}`,
      );
    });
  return app;
}

/** The tool's frame in the page, for axe and for reading what has focus. */
export async function toolFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe.tool').elementHandle())?.contentFrame();
  if (!frame) throw new Error('The course page shows no tool frame.');
  return frame;
}

/** Waits until the app in the frame shows no loading placeholder (data in, before a check or a shot). */
export async function settled(app: FrameLocator): Promise<void> {
  await poll(() => app.locator('.loading').count()).toBe(0);
}

// ---------------------------------------------------------------------------------------------
// Keyboard only

/** Presses Tab (in `page`, whatever frame has focus) until `target` has focus. */
export async function tabTo(
  page: Page,
  target: Locator,
  opts: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  const max = opts.max ?? 120;
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
  }
  if (await hasFocus(target)) return;
  throw new Error(`${max} presses of Tab did not reach ${target}`);
}

export async function hasFocus(target: Locator): Promise<boolean> {
  return target
    .evaluate((el) => el === el.ownerDocument.activeElement && el.ownerDocument.hasFocus(), undefined, {
      timeout: 2_000,
    })
    .catch(() => false);
}

/** What has focus in a frame or page, as text (for following a listbox with the arrow keys). */
export async function focusedText(frame: Frame | Page): Promise<string> {
  return frame.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
}

/**
 * Selects `passage` on a reading page with the keyboard alone, as a reader does with caret browsing
 * (Chromium runs with --enable-caret-browsing): the caret goes to the top, down line by line to the
 * paragraph, word by word to the passage, then Shift extends the selection over it. Only reads the
 * page to know when to stop pressing.
 */
export async function selectByKeyboard(page: Page, passage: string): Promise<void> {
  const caret = () =>
    page.evaluate(() => {
      const s = document.getSelection()!;
      return { text: s.focusNode?.textContent ?? '', offset: s.focusOffset, selected: s.toString() };
    });
  await page.bringToFront();
  await page.keyboard.press('Control+Home');
  let at = await caret();
  for (let i = 0; i < 400 && !at.text.includes(passage); i++) {
    await page.keyboard.press('ArrowDown');
    at = await caret();
  }
  const start = at.text.indexOf(passage);
  if (start < 0) throw new Error(`The caret never reached "${passage}"`);
  await page.keyboard.press('Home');
  at = await caret();
  // Word by word (on Linux a word jump stops at the end of a word), then letter by letter.
  for (let i = 0; i < 400 && at.offset < start - 1; i++) {
    await page.keyboard.press('Control+ArrowRight');
    at = await caret();
  }
  for (let i = 0; i < 40 && at.offset !== start; i++) {
    await page.keyboard.press(at.offset < start ? 'ArrowRight' : 'ArrowLeft');
    at = await caret();
  }
  for (let i = 0; i < 200 && at.selected.length < passage.length; i++) {
    await page.keyboard.press('Control+Shift+ArrowRight');
    at = await caret();
  }
  for (let i = 0; i < 40 && at.selected !== passage; i++) {
    await page.keyboard.press(at.selected.length > passage.length ? 'Shift+ArrowLeft' : 'Shift+ArrowRight');
    at = await caret();
  }
  expect(at.selected).toBe(passage);
}

// ---------------------------------------------------------------------------------------------
// Accessibility and looks

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
  /** The first offending element's markup, shortened. */
  html: string;
}

export interface AxeScreen {
  screen: string;
  violations: AxeViolation[];
  counts: Record<'critical' | 'serious' | 'moderate' | 'minor', number>;
  passes: number;
}

/** axe-core results per screen, written beside the screenshots by the journey that collects them. */
export class AxeReport {
  readonly screens: AxeScreen[] = [];

  /** Runs axe-core in a frame or page (the tool's iframe, an extension page) and expects nothing serious or critical. */
  async check(screen: string, target: Frame | Page): Promise<AxeScreen> {
    // Evaluated through the DevTools protocol, so pages' Content-Security-Policy (extension pages) does not apply.
    const loaded = await target.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
    if (!loaded) await target.evaluate(AXE_SOURCE);
    const result = await target.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeRun> } }).axe;
      type AxeRun = {
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          nodes: Array<{ target: unknown[]; html: string }>;
        }>;
        passes: unknown[];
      };
      // React Aria's live announcer (a visually hidden log) briefly holds a role="img" pointing at the
      // option just chosen, gone from the page by then; it is the library's, transient, and not on screen.
      const r = await axe.run({ exclude: [['[data-live-announcer]']] }, { resultTypes: ['violations'] });
      return {
        passes: r.passes.length,
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.length,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
          html: (v.nodes[0]?.html ?? '').slice(0, 300),
        })),
      };
    });
    const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of result.violations)
      if (v.impact && v.impact in counts) counts[v.impact as keyof typeof counts] += v.nodes;
    const entry: AxeScreen = { screen, violations: result.violations, counts, passes: result.passes };
    this.screens.push(entry);
    const severe = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe, `axe-core on ${screen}`).toEqual([]);
    return entry;
  }

  summary(): string {
    return this.screens
      .map(
        (s) =>
          `${s.screen.padEnd(34)} critical ${s.counts.critical} · serious ${s.counts.serious} · moderate ${s.counts.moderate} · minor ${s.counts.minor}${s.violations.length ? `  (${s.violations.map((v) => `${v.id}×${v.nodes}`).join(', ')})` : ''}`,
      )
      .join('\n');
  }

  async write(file: string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ tool: 'axe-core', screens: this.screens }, null, 2)}\n`);
  }
}

/**
 * Shoots a page into SCREENSHOTS_DIR/NAME.png. The text caret and transient notices are hidden, so
 * two runs differ only where the data does (dates). Focus stays where it is (keyboard journeys go on).
 */
export async function screenshot(page: Page, name: string, frame?: Frame): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const hide = '.toaster{display:none!important} *{caret-color:transparent!important}';
  const targets = [page.mainFrame(), ...(frame ? [frame] : [])];
  const styles = await Promise.all(targets.map((f) => f.addStyleTag({ content: hide }).catch(() => null)));
  try {
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled' });
  } finally {
    await Promise.all(styles.map((s) => s?.evaluate((el) => (el as Element).remove()).catch(() => undefined)));
  }
}

/**
 * Shoots the course page with the tool in its frame: the LMS page from its top (its header, the
 * course and its people beside the tool), the tool's page scrolled to `at` (its top by default).
 */
export async function screenshotTool(page: Page, name: string, at?: Locator): Promise<void> {
  const frame = await toolFrame(page);
  // Just below the end of what comes before `at` (a card's bottom edge), rather than cutting a line of text.
  if (at)
    await at.evaluate((el) => (el.scrollIntoView({ block: 'start' }), el.ownerDocument.defaultView?.scrollBy(0, -14)));
  else await frame.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => window.scrollTo(0, 0));
  // No hover left over from the last click.
  await page.mouse.move(1, 1);
  await screenshot(page, name, frame);
}

/** Shoots the tool's frame alone, at the size the course page gives it (a phone's width). */
export async function screenshotFrame(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const frame = await toolFrame(page);
  const hide = '.toaster{display:none!important} *{caret-color:transparent!important}';
  // The tool's Content-Security-Policy may refuse the style: the shot is then taken as the page is.
  const style = await frame.addStyleTag({ content: hide }).catch(() => null);
  await page.mouse.move(1, 1);
  try {
    await page
      .locator('iframe.tool')
      .screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled' });
  } finally {
    await style?.evaluate((el) => (el as Element).remove()).catch(() => undefined);
  }
}

/** An extension page sized to its content, as the browser sizes a popup. */
export async function screenshotFitted(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 200 });
  const height = await page.evaluate(() =>
    Math.ceil(Math.max(document.body.scrollHeight, document.body.getBoundingClientRect().bottom)),
  );
  await page.setViewportSize({ width, height: Math.min(height, 800) });
  await screenshot(page, name);
}

// ---------------------------------------------------------------------------------------------
// What a page received from the tool's API

export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  body: string;
}

/** Records the body of every response to the tool's /api/ and of its app page that a page receives (its frames included). */
export function recordApiResponses(
  page: Page,
  toolUrl: string,
): { responses: RecordedResponse[]; settled(): Promise<void> } {
  const responses: RecordedResponse[] = [];
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    // The app's page counts too: opened by a launch, it carries the first screen's answers.
    const page = url.pathname === '/app/' && response.request().resourceType() === 'document';
    if (url.origin !== toolUrl || (!url.pathname.startsWith('/api/') && !page)) return;
    reading.push(
      response
        .text()
        .catch(() => '')
        .then(
          (body) =>
            void responses.push({
              method: response.request().method(),
              url: `${url.pathname}${url.search}`,
              status: response.status(),
              body,
            }),
        ),
    );
  });
  return { responses, settled: () => Promise.all(reading).then(() => undefined) };
}

/** On a failure, shoots every open page into the temp folder and says where, for a look at what went wrong. */
export async function shootOnFailure(w: World | undefined, label: string): Promise<void> {
  if (!w) return;
  const dir = path.join(os.tmpdir(), 'mentoring-e2e-failures');
  await mkdir(dir, { recursive: true });
  const pages = w.browser.context.pages();
  for (const [i, p] of pages.entries()) {
    const file = path.join(dir, `${label.replace(/\W+/g, '-').slice(0, 40)}-${i}.png`);
    await p.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.log(`failure screenshot: ${file} (${p.url()})`);
  }
}
