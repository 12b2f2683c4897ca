/**
 * Issue 15's "readings that move" and "keep for filing later", in real Chromium with the test
 * build, against the real tool. A passage clipped while the tool is down and no list of
 * partnerships was ever saved is shown in the picker and kept, then filed from the toolbar popup
 * once the tool is back. A clipped reading is found again at its address with tracking parameters
 * and a fragment, at another address that names it as `og:url`, and, by its DOI, on another site
 * whose `dc.identifier` list carries that DOI after another identifier.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiClient, Goal } from '@mentoring/shared';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { MENTEE_NAME, setUpClipProgram } from '../../support/clip-program.ts';
import {
  CHROMIUM,
  connectWithCode,
  type ExtensionBrowser,
  launchWithExtension,
} from '../../support/extension-browser.ts';
import { htmlPage, READING, selectText, servePages, type PageServer } from '../../support/pages.ts';

const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';
const ARTICLE_PASSAGE = 'the discipline is to notice which role the moment calls for';
const DOI = '10.5555/coaching.2026.14';

let pages: PageServer;
let lms: TestLms | undefined;
let tool: TestTool | undefined;
let toolRunning = false;
let browser: ExtensionBrowser;
let mentee: ApiClient;
let mentor: ApiClient;
let partnershipId: string;
let goal: Goal;

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const marks = (page: Page) => page.locator('mark.mw-highlight').allTextContents();
const allClips = async () => (await mentor.listClips({ params: { id: partnershipId }, query: {} })).clips;

/** A page of the reading with `head` added to its `<head>`. */
const pageWith = (head: string) => htmlPage(READING).replace('</head>', `${head}</head>`);

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

describe.skipIf(!existsSync(CHROMIUM))('readings that move, and passages kept for later', () => {
  beforeAll(async () => {
    const results = await Promise.allSettled([
      servePages().then((p) => (pages = p)),
      setUpClipProgram('readings-move-2026', {
        tool: (t) => ((tool = t), (toolRunning = true)),
        lms: (l) => (lms = l),
      }).then((program) => ({ mentee, mentor, partnershipId, goal } = program)),
      launchWithExtension().then((b) => (browser = b)),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const reading = `${pages.url}/reading`;
    pages.set('/reading', htmlPage(READING, reading));
    // Another address of the same site naming the reading only by og:url.
    pages.set('/mirror/coaching', pageWith(`<meta property="og:url" content="${reading}">`));
    pages.set('/article', pageWith(`<meta name="citation_doi" content="${DOI}">`));
    // The same article elsewhere: another identifier first, then the DOI spelled differently.
    pages.set(
      '/journal/coaching',
      pageWith(
        '<meta name="dc.identifier" content="ISSN 1234-5678">' +
          `<meta name="dc.identifier" content="https://doi.org/${DOI.toUpperCase()}">`,
      ),
    );
    const { connectionCode } = await mentee.createPairingCode({});
    await connectWithCode(browser, connectionCode, MENTEE_NAME);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([pages?.close(), toolRunning ? tool?.close() : undefined, lms?.close()]);
    if (tool) await rm(tool.dataDir, { recursive: true, force: true });
  });

  it('shows the passage and keeps it for filing later when the tool is down and no partnership list is saved', async () => {
    expect(Object.keys(await browser.storage().get()).filter((k) => k.startsWith('cache:partnerships'))).toEqual([]);
    await tool!.close();
    toolRunning = false;
    const reading = await open(`${pages.url}/reading`);
    await selectText(reading, PASSAGE);
    const picker = await browser.clipSelection(reading);
    await picker.getByText(PASSAGE).waitFor();
    await picker
      .getByRole('alert')
      .getByText(/no saved list of your partnerships yet/)
      .waitFor();
    await picker.getByRole('button', { name: 'Keep for filing later' }).click();
    await picker.getByText('Kept in this browser. File it from the toolbar button').waitFor();

    tool = await startTestTool({ dataDir: tool!.dataDir, port: tool!.config.port });
    toolRunning = true;
    const popup = await browser.openExtensionPage('popup.html');
    const kept = popup.getByRole('region', { name: '1 passage kept for filing' });
    await kept.getByText(PASSAGE).waitFor();
    const filing = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/picker.html') });
    await kept.getByRole('button', { name: 'File it' }).click();
    const again = await filing;
    await again.getByText(PASSAGE).waitFor();
    await poll(() => again.getByLabel('File under').inputValue()).toBe(goal.id);
    await again.keyboard.press('Enter');
    await again.getByText('Clipped.').waitFor();
    expect(await allClips()).toEqual([expect.objectContaining({ quote: PASSAGE, goalIds: [goal.id] })]);
    expect((await browser.storage().get()).kept ?? []).toEqual([]);
    await reading.close();
  });

  it('finds the reading again with tracking parameters and a fragment, and at an address naming it as og:url', async () => {
    const tracked = await open(`${pages.url}/reading?utm_source=newsletter&utm_medium=email&fbclid=IwAR0x#part-2`);
    await poll(() => marks(tracked)).toEqual([PASSAGE]);
    await poll(async () => browser.badgeText(await browser.tabIdOf(tracked))).toBe('1');
    const mirror = await open(`${pages.url}/mirror/coaching?gclid=abc`);
    await poll(() => marks(mirror)).toEqual([PASSAGE]);
    await tracked.close();
    await mirror.close();
  });

  it('finds an article by its DOI on another site', async () => {
    const article = await open(`${pages.url}/article`);
    await selectText(article, ARTICLE_PASSAGE);
    const picker = await browser.clipSelection(article);
    await poll(() => picker.getByLabel('File under').inputValue()).toBe(goal.id);
    await picker.keyboard.press('Enter');
    await picker.getByText('Clipped.').waitFor();
    expect((await allClips()).find((c) => c.quote === ARTICLE_PASSAGE)?.pageIds).toContain(`doi:${DOI}`);

    const elsewhere = await open(`${pages.url.replace('127.0.0.1', 'localhost')}/journal/coaching`);
    await poll(() => marks(elsewhere)).toEqual([ARTICLE_PASSAGE]);
    await article.close();
    await elsewhere.close();
  });
});
