/**
 * The clipping journey in Firefox ESR with the extension's Firefox build, against the real tool and
 * a test LMS course (as `clip-journey.e2e.test.ts` does in Chromium, in fewer steps): pair with a
 * code; clip into a goal through Firefox's real context menu and into a new prompt with the real
 * keyboard shortcut; clip three passages while the tool is down and see each arrive exactly once;
 * find passages again on an edited copy, say "4/5" where one was removed and name it in Firefox's
 * real sidebar; show one whose words changed as approximate, beside the clipped quote; open a PDF
 * in the extension's reader, clip a passage there and find it again in the same PDF at another
 * address; then revoke the browser and see the clip made meanwhile kept.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { ApiClient, Goal } from '@mentoring/shared';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import type { QueuedClip } from '@mentoring/extension/lib/outbox-schema.ts';
import { apiAs, startTestTool, type TestTool } from '../../support/tool.ts';
import { MENTEE_NAME, serveReadings, setUpClipProgram } from '../../support/clip-program.ts';
import {
  hasFirefox,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
} from '../../support/firefox-extension-browser.ts';
import { htmlPage, READING, selectInPage, servePages, type PageServer } from '../../support/pages.ts';
import { field, fill, marks, press, statusText, waitForText } from '../../support/puppeteer-page.ts';
import {
  highlightedInReader,
  pdfReading,
  readingPages,
  selectInReader,
  servePdfs,
  type PdfServer,
} from '../../support/pdf-readings.ts';

const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';
const PROMPT_PASSAGE = 'a generative leader recognizes and taps the collective intelligence';
const QUESTION = 'Where do I tap the collective intelligence of my staff?';
const OFFLINE_PASSAGES = [
  'the pull to give advice is strong, and sometimes advice is what the moment needs',
  'The mentee brings the agenda',
  'the discipline is to notice which role the moment calls for',
];
/** Clipped in the PDF reader. */
const PDF_PASSAGE = 'the new leader needs someone who listens closely enough to ask the next good question';
const REVOKED_PASSAGE = 'mentors practise shifting between the roles on purpose';

let pages: PageServer;
let lms: TestLms | undefined;
let tool: TestTool | undefined;
let toolRunning = false;
let firefox: FirefoxExtensionBrowser;
let mentee: ApiClient;
let mentor: ApiClient;
let partnershipId: string;
let goal: Goal;
let reading: Page;
const pdfServers: PdfServer[] = [];

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const allClips = async () => (await mentor.listClips({ params: { id: partnershipId }, query: {} })).clips;
const storedPage = async (page: Page) =>
  (await firefox.storage('session').get())[`page:${await firefox.tabIdOf(page)}`] as
    { found: Record<string, boolean> } | undefined;

async function openReading(path: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.goto(`${pages.url}${path}`);
  return page;
}

async function select(page: Page, text: string): Promise<void> {
  if (!(await page.evaluate(selectInPage, text))) throw new Error(`"${text}" is not on the page`);
}

/** Clips `quote` from the reading with the picker's defaults (the first goal); returns the picker's message. */
async function clipWithDefaults(quote: string): Promise<string> {
  await select(reading, quote);
  const picker = await firefox.clipSelection(reading);
  await poll(() => fileUnder(picker)).toBe(goal.id);
  await picker.keyboard.press('Enter');
  const message = await statusText(picker, /Clipped|Saved in this browser/);
  await picker.close();
  return message;
}

/** The "File under" choice's value. */
const fileUnder = async (picker: Page) => (await field(picker, 'File under')).evaluate((s) => s.value);

describe.skipIf(!hasFirefox)('the clipping journey in Firefox', () => {
  beforeAll(async () => {
    const results = await Promise.allSettled([
      servePages().then((p) => (pages = p)),
      setUpClipProgram('firefox-journey-2026', {
        tool: (t) => ((tool = t), (toolRunning = true)),
        lms: (l) => (lms = l),
      }).then((program) => ({ mentee, mentor, partnershipId, goal } = program)),
      launchFirefoxWithExtension().then((f) => (firefox = f)),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    serveReadings(pages, /Mentor and mentee compose[^\n]*/);
    // The goal's passage with a word changed inside it.
    pages.set(
      '/reading-reworded',
      htmlPage(READING.replace('compose the conversation', 'compose their conversation'), `${pages.url}/reading`),
    );
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([
      ...pdfServers.map((s) => s.close()),
      pages?.close(),
      toolRunning ? tool?.close() : undefined,
      lms?.close(),
    ]);
    if (tool) await rm(tool.dataDir, { recursive: true, force: true });
  });

  it('connects with a connection code from the workspace', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const { connectionCode } = await mentee.createPairingCode({});
    await fill(options, 'Connection code', connectionCode);
    await press(options, 'Connect');
    await waitForText(options, `Connected as ${MENTEE_NAME}.`);
    const { connections } = await mentee.listConnections({});
    expect(connections).toEqual([expect.objectContaining({ label: expect.stringMatching(/^Firefox \d+ on /) })]);
    await options.close();
  });

  it('clips one passage into a goal from the context menu and one into a new prompt with Alt+Shift+C', async () => {
    reading = await openReading('/reading');
    await firefox.pageDecided(reading);
    expect(await firefox.contentScriptRuns(reading)).toBe(false);

    await select(reading, PASSAGE);
    const picker = await firefox.clipWithContextMenu(reading);
    await waitForText(picker, PASSAGE);
    await poll(() => fileUnder(picker)).toBe(goal.id);
    await fill(picker, 'Note', 'Ask before telling');
    await picker.keyboard.press('Enter');
    await waitForText(picker, 'Clipped.');

    await select(reading, PROMPT_PASSAGE);
    const second = await firefox.clipWithShortcut(reading);
    await waitForText(second, PROMPT_PASSAGE);
    await poll(() => fileUnder(second)).toBe(goal.id);
    const newPrompt = await second.$$eval(
      'option',
      (os) => os.find((o) => o.textContent === 'New reflection prompt…')!.value,
    );
    await (await field(second, 'File under')).select(newPrompt);
    await fill(second, 'Reflection question', QUESTION);
    await second.keyboard.press('Enter');
    await waitForText(second, 'Clipped.');

    const clips = await allClips();
    expect(clips.find((c) => c.quote === PASSAGE)).toMatchObject({
      goalIds: [goal.id],
      note: 'Ask before telling',
      url: `${pages.url}/reading`,
      selectors: [
        expect.objectContaining({ type: 'TextQuoteSelector', exact: PASSAGE }),
        expect.objectContaining({ type: 'TextPositionSelector' }),
      ],
    });
    const prompted = clips.find((c) => c.quote === PROMPT_PASSAGE);
    expect((await mentor.listPrompts({ params: { id: partnershipId } })).prompts).toEqual([
      expect.objectContaining({ question: QUESTION, clipId: prompted!.id }),
    ]);
    await poll(() => marks(reading)).toEqual([PROMPT_PASSAGE, PASSAGE]);
    await poll(async () => firefox.badgeText(await firefox.tabIdOf(reading))).toBe('2');
  });

  it('sends clips made while the tool is down once it is back, each exactly once', async () => {
    await tool!.close();
    toolRunning = false;
    for (const quote of OFFLINE_PASSAGES) {
      expect(await clipWithDefaults(quote)).toMatch(/Saved in this browser\. The tool could not be reached/);
    }
    const { outbox, connection } = (await firefox.storage().get()) as {
      outbox: QueuedClip[];
      connection: { token: string };
    };
    expect(outbox.map((c) => c.body.quote)).toEqual(OFFLINE_PASSAGES);
    expect(await firefox.badgeText()).toBe('3');

    tool = await startTestTool({ dataDir: tool!.dataDir, port: tool!.config.port });
    toolRunning = true;
    // As if the tool had stored the first clip just before the connection dropped, unheard by the browser.
    await apiAs(tool, connection.token).createClip({ params: { id: outbox[0]!.partnershipId }, body: outbox[0]!.body });
    const popup = await firefox.openExtensionPage('popup.html');
    await waitForText(popup, '3 clips wait to be sent');
    await press(popup, 'Retry now');
    await poll(async () => ((await firefox.storage().get()).outbox as unknown[] | undefined)?.length ?? 0).toBe(0);
    const clips = await allClips();
    for (const quote of OFFLINE_PASSAGES) expect(clips.filter((c) => c.quote === quote)).toHaveLength(1);
    expect(clips).toHaveLength(5);
    await poll(() => marks(reading).then((m) => m.length)).toBe(5);
    await popup.close();
  });

  it('finds the passages again on an edited copy, and says 4/5 where one was removed, naming it in the sidebar', async () => {
    const edited = await openReading('/reading-edited');
    await poll(() => marks(edited).then((m) => m.length)).toBe(5);
    expect(Object.values((await storedPage(edited))!.found)).toEqual([true, true, true, true, true]);
    await edited.close();

    const cut = await openReading('/reading-cut');
    await poll(() => marks(cut).then((m) => m.length)).toBe(4);
    expect(await marks(cut)).not.toContain(PASSAGE);
    expect(await firefox.badgeText(await firefox.tabIdOf(cut))).toBe('4/5');
    // Firefox's own sidebar, beside the page in front, names the passage not found.
    await cut.bringToFront();
    await firefox.openSidebar();
    await poll(() => firefox.sidebarText()).toMatch(
      // Quotes are `<q>` elements: their marks are the style's, not the text's.
      /4 of 5 found on this page\. Not found: “?Mentor and mentee compose/,
    );
    expect(await firefox.sidebarText()).toContain('not found on this page');
    await cut.close();
  });

  it('shows a passage whose words changed as approximate, beside the clipped quote, and does not count it', async () => {
    const reworded = await openReading('/reading-reworded');
    await poll(() => reworded.$$eval('mark.mw-highlight-approximate', (ms) => ms.map((m) => m.textContent))).toEqual([
      expect.stringContaining('compose their conversation'),
    ]);
    expect(await firefox.badgeText(await firefox.tabIdOf(reworded))).toBe('4/5');
    await reworded.bringToFront();
    await poll(() => firefox.sidebarText()).toMatch(/1 found only approximately/);
    expect(await firefox.sidebarText()).toMatch(
      /“?Mentor and mentee compose the conversation together as it unfolds”?\s*approximate\s*Found instead: “?Mentor and mentee compose their conversation/,
    );
    await reworded.close();
  });

  it('clips a passage in the PDF reader and finds it again in the same PDF at another address', async () => {
    const pdf = await pdfReading(readingPages(2), 'Coaching as Improvisation');
    const [first, second] = await Promise.all([servePdfs(), servePdfs()]);
    pdfServers.push(first, second);
    first.set('/readings/coaching.pdf', pdf);
    second.set('/copy.pdf', pdf);
    const openReader = async (url: string) => {
      const reader = await firefox.openExtensionPage(`reader.html?url=${encodeURIComponent(url)}`);
      await reader.waitForFunction(() => document.querySelector<HTMLButtonElement>('#clip')?.disabled === false, {
        timeout: 15_000,
      });
      return reader;
    };
    const reader = await openReader(`${first.url}/readings/coaching.pdf`);
    if (!(await reader.evaluate(selectInReader, PDF_PASSAGE))) throw new Error('The passage is not in the reader');
    const picker = await firefox.clipSelection(reader);
    await poll(() => fileUnder(picker)).toBe(goal.id);
    await picker.keyboard.press('Enter');
    await waitForText(picker, 'Clipped.');
    await picker.close();
    expect((await allClips()).find((c) => c.quote === PDF_PASSAGE)).toMatchObject({
      url: `${first.url}/readings/coaching.pdf`,
      pageIds: expect.arrayContaining([expect.stringMatching(/^urn:x-pdf:/)]),
    });
    await poll(() => reader.evaluate(highlightedInReader)).toEqual([PDF_PASSAGE]);
    await reader.close();

    const copy = await openReader(`${second.url}/copy.pdf`);
    await poll(() => copy.evaluate(highlightedInReader)).toEqual([PDF_PASSAGE]);
    await poll(async () => firefox.badgeText(await firefox.tabIdOf(copy))).toBe('1');
    await copy.close();
  });

  it('says so when the browser is revoked in the workspace, and keeps what is clipped meanwhile', async () => {
    const { connection } = (await firefox.storage().get()) as { connection: { connectionId: string } };
    await mentee.revokeConnection({ params: { id: connection.connectionId } });
    expect(await clipWithDefaults(REVOKED_PASSAGE)).toMatch(/Saved in this browser\. You are signed out/);
    const stored = (await firefox.storage().get()) as { connection: { token: string | null }; outbox: unknown[] };
    expect(stored.connection.token).toBeNull();
    expect(stored.outbox).toHaveLength(1);
    const popup = await firefox.openExtensionPage('popup.html');
    await waitForText(popup, '1 clip waits to be sent');
    await popup.close();
  });
});
