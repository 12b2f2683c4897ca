/**
 * Issue 15's PDF journey in real Chromium with the built extension, against the real tool: a PDF
 * reading opened in the extension's reader (PDF.js), two passages clipped there through the real
 * picker, the same PDF served at another address (another port and path) opened in the reader
 * again and both passages highlighted, found by the PDF's fingerprint; the side panel lists them
 * and scrolls the reader to one. Then a clip from the browser's own PDF viewer (through the
 * context menu's handler, with the selection text the browser reports there) is found in the
 * reader too. The same PDF chosen as a file on this computer finds its clips as well.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiClient, Goal } from '@mentoring/shared';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import type { TestTool } from '../../support/tool.ts';
import { MENTEE_NAME, setUpClipProgram } from '../../support/clip-program.ts';
import {
  CHROMIUM,
  connectWithCode,
  type ExtensionBrowser,
  launchWithExtension,
} from '../../support/extension-browser.ts';
import {
  highlightedInReader,
  pdfReading,
  readingPages,
  selectInReader,
  servePdfs,
  type PdfServer,
} from '../../support/pdf-readings.ts';

const COURSE = 'pdf-journey-2026';
/** On page 1, across a line break in the PDF. */
const FIRST = 'the pull to give advice is strong, and sometimes advice is what the moment needs';
/** On page 2. */
const SECOND = 'Mentor and mentee compose the conversation together as it unfolds';
/** Clipped in the browser's own viewer: what it reports as the selection. */
const FROM_VIEWER = 'More often, the new leader needs someone who listens closely';

let pdf: Uint8Array;
let first: PdfServer;
let second: PdfServer;
let lms: TestLms;
let tool: TestTool;
let browser: ExtensionBrowser;
let mentee: ApiClient;
let mentor: ApiClient;
let partnershipId: string;
let goal: Goal;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const allClips = async () => (await mentor.listClips({ params: { id: partnershipId }, query: {} })).clips;

const highlighted = (page: Page) => page.evaluate(highlightedInReader);

async function selectInReaderText(page: Page, quote: string): Promise<void> {
  if (!(await page.evaluate(selectInReader, quote))) throw new Error(`"${quote}" is not in the reader's text`);
}

/** Opens the reader on `url` and waits until it has asked for the PDF's clips. */
async function openReader(url: string): Promise<Page> {
  const reader = await browser.openExtensionPage(`reader.html?url=${encodeURIComponent(url)}`);
  await reader.locator('.text-layer').first().waitFor();
  await poll(() => reader.getByRole('button', { name: 'Clip selection' }).isEnabled()).toBe(true);
  return reader;
}

async function clipInReader(reader: Page, quote: string): Promise<void> {
  await selectInReaderText(reader, quote);
  const picker = await browser.clipSelection(reader);
  await poll(() => picker.getByLabel('File under').inputValue()).toBe(goal.id);
  await picker.keyboard.press('Enter');
  await picker.getByRole('status').filter({ hasText: 'Clipped.' }).waitFor();
  await picker.close();
}

describe.skipIf(!existsSync(CHROMIUM))('PDFs clipped in the reader and found again', () => {
  beforeAll(async () => {
    pdf = await pdfReading(readingPages(3), 'Coaching as Improvisation');
    const results = await Promise.allSettled([
      servePdfs().then((s) => ((first = s), s.set('/readings/coaching.pdf', pdf))),
      servePdfs().then((s) => ((second = s), s.set('/copies/improvisation.pdf', pdf))),
      setUpClipProgram(COURSE, { tool: (t) => (tool = t), lms: (l) => (lms = l) }).then((p) => {
        ({ mentee, mentor, partnershipId, goal } = p);
      }),
      launchWithExtension().then((b) => (browser = b)),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const { connectionCode } = await mentee.createPairingCode({});
    await connectWithCode(browser, connectionCode, MENTEE_NAME);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([first?.close(), second?.close(), tool?.close(), lms?.close()]);
    if (tool) await rm(tool.dataDir, { recursive: true, force: true });
  });

  it('clips two passages in the reader, with selectors over the PDF text and its fingerprint', async () => {
    const reader = await openReader(`${first.url}/readings/coaching.pdf`);
    expect(await reader.title()).toBe('Coaching as Improvisation – Mentoring reader');
    expect(await reader.locator('.pdf-page').count()).toBe(3);
    await clipInReader(reader, FIRST);
    await reader.getByText('1 clip found in this PDF').waitFor();
    await reader.locator('.pdf-page').nth(1).scrollIntoViewIfNeeded();
    await reader.locator('.pdf-page').nth(1).locator('.text-layer').waitFor();
    await clipInReader(reader, SECOND);

    const clips = await allClips();
    expect(clips.map((c) => c.quote).sort()).toEqual([FIRST, SECOND].sort());
    for (const clip of clips) {
      expect(clip).toMatchObject({ url: `${first.url}/readings/coaching.pdf`, title: 'Coaching as Improvisation' });
      expect(clip.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(clip.pageIds).toEqual(expect.arrayContaining([expect.stringMatching(/^urn:x-pdf:[0-9a-f]{32}$/)]));
    }
    // Highlighted where they were clipped, and counted on the toolbar for the reader's tab.
    await poll(() => highlighted(reader)).toEqual([FIRST, SECOND].sort());
    await poll(async () => browser.badgeText(await browser.tabIdOf(reader))).toBe('2');
    await reader.close();
  });

  it('finds both again in the same PDF opened from another address, and the side panel scrolls to each', async () => {
    const reader = await openReader(`${second.url}/copies/improvisation.pdf`);
    await reader.locator('.pdf-page').nth(1).scrollIntoViewIfNeeded();
    await poll(() => highlighted(reader)).toEqual([FIRST, SECOND].sort());
    const tabId = await browser.tabIdOf(reader);
    await poll(() => browser.badgeText(tabId)).toBe('2');
    await reader.getByText('2 clips found in this PDF').waitFor();

    // The side panel of the reader's tab lists the PDF's clips and shows each in the reader.
    await reader.bringToFront();
    const panel = await browser.openExtensionPage('sidepanel.html');
    await reader.bringToFront();
    const onThisPdf = panel.getByTitle('Show this passage on the page');
    await poll(() => onThisPdf.count()).toBe(2);
    await onThisPdf.filter({ hasText: 'the pull to give advice' }).click();
    await poll(() =>
      reader.locator('mark.mw-highlight-focus').evaluateAll((ms) => ms.map((m) => m.textContent).join(' ')),
    ).toMatch(/^the pull to give advice/);
    await panel.close();
    await reader.close();
  });

  it('finds both again in the same PDF chosen from this computer', async () => {
    const reader = await browser.openExtensionPage('reader.html');
    await reader.getByLabel('Open a PDF from this computer').setInputFiles({
      name: 'coaching (copy).pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await poll(() => reader.getByRole('button', { name: 'Clip selection' }).isEnabled()).toBe(true);
    await reader.locator('.pdf-page').nth(1).scrollIntoViewIfNeeded();
    await poll(() => highlighted(reader)).toEqual([FIRST, SECOND].sort());
    await reader.close();
  });

  it('finds a passage clipped in the browser’s own PDF viewer in the reader', async () => {
    const url = `${first.url}/readings/coaching.pdf`;
    const viewer = await browser.context.newPage();
    await viewer.goto(url).catch(() => undefined); // the viewer may answer as a download
    const picker = await browser.clipSelection(viewer, FROM_VIEWER);
    await poll(() => picker.getByLabel('File under').inputValue()).toBe(goal.id);
    await picker.keyboard.press('Enter');
    await picker.getByRole('status').filter({ hasText: 'Clipped.' }).waitFor();
    await picker.close();
    const clip = (await allClips()).find((c) => c.quote === FROM_VIEWER);
    expect(clip).toMatchObject({ url, selectors: [] });
    await viewer.close();

    const reader = await openReader(url);
    await reader.locator('.pdf-page').nth(1).scrollIntoViewIfNeeded();
    await poll(() => highlighted(reader)).toEqual([FIRST, FROM_VIEWER, SECOND].sort());
    await poll(async () => browser.badgeText(await browser.tabIdOf(reader))).toBe('3');
  });
});
