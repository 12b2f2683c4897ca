/**
 * Issue 4's journey in real Chromium with the built extension, against the real tool (started
 * in-process on a fresh SQLite file) and a test LMS course: the coordinator forms a mentoring
 * partnership and the mentee sets a goal, all through real launches. Then, in the browser: pair with
 * a code from the workspace, clip a passage of a local reading into the goal and one into a new
 * prompt and find both through the API; stop the tool, clip three more, start it again and see all
 * three arrive exactly once; find passages again after words around them changed, list a removed
 * one as not found, show one whose words changed as approximate; add a clip to the agenda from the side panel; revoke the browser in the
 * workspace and see the extension say so; connect again and disconnect.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiClient, Goal } from '@mentoring/shared';
import type { TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { apiAs, startTestTool, type TestTool } from '../../support/tool.ts';
import { GOAL_TITLE, MENTEE_NAME, MENTOR_NAME, serveReadings, setUpClipProgram } from '../../support/clip-program.ts';
import type { QueuedClip } from '@mentoring/extension/lib/outbox-schema.ts';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from '../../support/extension-browser.ts';
import { htmlPage, READING, selectText, servePages, type PageServer } from '../../support/pages.ts';

const COURSE = 'clip-journey-2026';

/** Into the goal. */
const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';
/** Into a new reflection prompt. */
const PROMPT_PASSAGE = 'a generative leader recognizes and taps the collective intelligence';
const QUESTION = 'Where do I tap the collective intelligence of my staff?';
/** Clipped while the tool is down. */
const OFFLINE_PASSAGES = [
  'the pull to give advice is strong, and sometimes advice is what the moment needs',
  'The mentee brings the agenda',
  'the discipline is to notice which role the moment calls for',
];
/** Clipped after the browser was revoked. */
const REVOKED_PASSAGE = 'mentors practise shifting between the roles on purpose';

let pages: PageServer;
let lms: TestLms;
let tool: TestTool;
let toolRunning = false;
let browser: ExtensionBrowser;
let mentee: ApiClient;
let mentor: ApiClient;
let partnershipId: string;
let goal: Goal;
let conversationId: string;
/** Requests the browser made to the tool, as `METHOD /path?query`. */
const toolRequests: string[] = [];

/** The course, the partnership and the goal, through real launches and the typed API client. */
async function setUpProgram(): Promise<void> {
  const program = await setUpClipProgram(COURSE, {
    tool: (t) => ((tool = t), (toolRunning = true)),
    lms: (l) => (lms = l),
  });
  ({ mentee, mentor, partnershipId, goal, conversationId } = program);
}

async function startBrowser(): Promise<void> {
  browser = await launchWithExtension();
  // The service worker's calls too (Playwright follows them): what the tool is told, seen from the browser.
  browser.context.on('request', (request) => {
    const url = new URL(request.url());
    if (tool && url.origin === tool.url) toolRequests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
}

/** `expect.poll` with room for a slow CI machine (its default gives up after 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const marks = (page: Page) => page.locator('mark.mw-highlight').allTextContents();
const storedPage = async (page: Page) => {
  const tabId = await browser.tabIdOf(page);
  return (await browser.storage('session').get())[`page:${tabId}`] as
    { clips: Array<{ id: string; quote: string }>; found: Record<string, unknown> } | undefined;
};
const readingTab = () => browser.context.pages().find((p) => p.url() === `${pages.url}/reading`)!;
const allClips = async () => (await mentor.listClips({ params: { id: partnershipId }, query: {} })).clips;
const clipOf = async (quote: string) => (await allClips()).find((c) => c.quote === quote)!;

/** Clips `quote` on `page` with the picker's defaults (the first goal), and answers the picker's message. */
async function clipWithDefaults(page: Page, quote: string): Promise<string> {
  await selectText(page, quote);
  const picker = await browser.clipSelection(page);
  // Once the goals are in (from the tool or, offline, as last saved), the first is chosen.
  await poll(() => picker.getByLabel('File under').inputValue()).toBe(goal.id);
  await picker.keyboard.press('Enter');
  const status = picker.getByRole('status').filter({ hasText: /Clipped|Saved in this browser/ });
  await status.waitFor();
  const message = (await status.textContent()) ?? '';
  await picker.close();
  return message;
}

describe.skipIf(!existsSync(CHROMIUM))('the clipping journey against the real tool', () => {
  beforeAll(async () => {
    const results = await Promise.allSettled([servePages().then((p) => (pages = p)), setUpProgram(), startBrowser()]);
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
    await browser?.close();
    await Promise.all([pages?.close(), toolRunning ? tool.close() : undefined, lms?.close()]);
    if (tool) await rm(tool.dataDir, { recursive: true, force: true });
  });

  it('connects with one pasted connection code from the workspace, after refusing a partial and a wrong one', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Connect your browser' }).waitFor();
    // The code alone, without the tool's address, is not enough: the page says where to get a whole one.
    await options.getByLabel('Connection code').fill('ABCD-EFGH');
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(/Paste the whole connection code from “Connect your browser”/).waitFor();
    await options.getByLabel('Connection code').fill(`ABCD-EFGH@${tool.url}`);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(/This connection code does not work/).waitFor();

    const { connectionCode } = await mentee.createPairingCode({});
    await options.getByLabel('Connection code').fill(connectionCode);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(`Connected as ${MENTEE_NAME}.`).waitFor();
    const { connection } = (await browser.storage().get()) as {
      connection: { toolUrl: string; token: string; connectionId: string };
    };
    expect(connection).toMatchObject({ toolUrl: tool.url, token: expect.stringMatching(/^mwx_/) });
    // The workspace lists this browser among the mentee's connected browsers.
    const { connections } = await mentee.listConnections({});
    expect(connections).toEqual([
      expect.objectContaining({
        id: connection.connectionId,
        label: expect.stringMatching(/^Chrome \d+ on Linux$/),
        browser: expect.stringMatching(/^Chrome \d+$/),
        system: 'Linux',
      }),
    ]);
    await options.close();
  });

  it('clips one passage into a goal and one into a new prompt; the mentor finds both through the API', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading`);
    // A page without clips gets no content script (so its loading is not slowed), is never named
    // to the tool, and itself learns nothing. (The background decides once the page has loaded,
    // from its list of clipped pages, kept since connecting: the test waits for that decision.)
    await browser.pageDecided(page);
    expect(await browser.contentScriptRuns(page)).toBe(false);
    expect(await storedPage(page)).toBeUndefined();
    expect(toolRequests.filter((r) => r.startsWith('GET /api/clips?'))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage).length + document.cookie.length)).toBe(0);

    await selectText(page, PASSAGE);
    const picker = await browser.clipSelection(page);
    await picker.getByLabel('File under').waitFor();
    expect(await picker.getByLabel('Partnership').locator('option:checked').textContent()).toBe(
      `Mentored by ${MENTOR_NAME}`,
    );
    await poll(() => picker.getByLabel('File under').inputValue()).toBe(goal.id);
    await picker.getByLabel('Note').fill('Ask before telling');
    await picker.getByLabel('Tags').fill('improvisation, roles');
    await picker.getByLabel('Tags').press('Enter');
    await picker.getByText('Clipped.').waitFor();

    await selectText(page, PROMPT_PASSAGE);
    const second = await browser.clipSelection(page);
    await second.getByLabel('File under').selectOption({ label: 'New reflection prompt…' });
    await second.getByLabel('Reflection question').fill(QUESTION);
    await second.getByLabel('Reflection question').press('Enter');
    await second.getByText('Clipped.').waitFor();

    // (The service worker sent them: its requests are seen, so the check above is not vacuous.)
    expect(toolRequests.filter((r) => r === `POST /api/partnerships/${partnershipId}/clips`)).toHaveLength(2);
    const clips = await allClips();
    expect(clips).toHaveLength(2);
    const intoGoal = clips.find((c) => c.quote === PASSAGE);
    const intoPrompt = clips.find((c) => c.quote === PROMPT_PASSAGE);
    expect(intoGoal).toMatchObject({
      goalIds: [goal.id],
      promptIds: [],
      note: 'Ask before telling',
      tags: ['improvisation', 'roles'],
      url: `${pages.url}/reading`,
    });
    expect(intoGoal!.selectors).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: PASSAGE }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
    ]);
    expect(intoPrompt).toMatchObject({ goalIds: [], promptIds: [expect.any(String)] });
    const { prompts } = await mentor.listPrompts({ params: { id: partnershipId } });
    expect(prompts).toEqual([
      expect.objectContaining({
        id: intoPrompt!.promptIds[0],
        question: QUESTION,
        clipId: intoPrompt!.id,
        status: 'open',
      }),
    ]);
    expect((await mentor.prepare({ params: { id: partnershipId } })).newClipCount).toBe(2);

    // Clipping ran the content script, with its stylesheet: highlighted on the page, and counted
    // on the toolbar for this tab only.
    expect(await browser.contentScriptRuns(page)).toBe(true);
    await poll(() => marks(page)).toEqual([PROMPT_PASSAGE, PASSAGE]);
    expect(
      await page
        .locator('mark.mw-highlight')
        .first()
        .evaluate((m) => getComputedStyle(m).backgroundColor),
    ).toBe('rgba(253, 224, 71, 0.55)');
    const tabId = await browser.tabIdOf(page);
    await poll(() => browser.badgeText(tabId)).toBe('2');
    expect(await browser.badgeText()).toBe('');
    const { connection } = (await browser.storage().get()) as { connection: { token: string } };
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(connection.token);
  });

  it('warns when the same passage is clipped again, and shows the existing clip', async () => {
    const page = readingTab();
    await selectText(page, PASSAGE);
    const picker = await browser.clipSelection(page);
    await picker.getByText(/Already clipped/).waitFor();
    await picker.getByRole('button', { name: 'Show the existing clip' }).click();
    await poll(() => page.locator('mark.mw-highlight-focus').allTextContents()).toEqual([PASSAGE]);
    expect(await allClips()).toHaveLength(2);
  });

  it('sends clips made while the tool is down once it is back, each exactly once', async () => {
    await tool.close();
    toolRunning = false;
    const page = readingTab();
    for (const quote of OFFLINE_PASSAGES) {
      expect(await clipWithDefaults(page, quote)).toMatch(
        /Saved in this browser\. The tool could not be reached; it will be sent automatically/,
      );
    }
    const { outbox } = (await browser.storage().get()) as { outbox: QueuedClip[] };
    expect(outbox.map((c) => c.body.quote)).toEqual(OFFLINE_PASSAGES);
    expect(await browser.badgeText()).toBe('3');
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByText('3 clips wait to be sent').waitFor();
    await popup.getByText(/Offline: the tool could not be reached/).waitFor();
    // A retry is scheduled on an alarm (the first after 30 s), which outlives the service worker.
    const alarm = await browser.background.evaluate(() => chrome.alarms.get('outbox'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 20_000);

    // The same port and database, so the stored tool address works again.
    tool = await startTestTool({ dataDir: tool.dataDir, port: tool.config.port });
    toolRunning = true;
    // As if the tool had stored the first clip just before the connection dropped, unheard by the browser.
    const { connection } = (await browser.storage().get()) as { connection: { token: string } };
    await apiAs(tool, connection.token).createClip({ params: { id: outbox[0]!.partnershipId }, body: outbox[0]!.body });

    // The alarm would send them within 30 s (Chrome allows no earlier alarm, so the test does not
    // wait for it): the mentee presses "Retry now" instead.
    await popup.getByRole('button', { name: 'Retry now' }).click();
    await poll(() =>
      browser
        .storage()
        .get()
        .then((s) => ((s.outbox as unknown[] | undefined) ?? []).length),
    ).toBe(0);
    await poll(() => browser.badgeText()).toBe('');
    const clips = await allClips();
    for (const quote of OFFLINE_PASSAGES)
      expect(clips.filter((c) => c.quote === quote)).toEqual([expect.objectContaining({ goalIds: [goal.id] })]);
    expect(
      clips
        .filter((c) => OFFLINE_PASSAGES.includes(c.quote))
        .map((c) => c.id)
        .sort(),
    ).toEqual(outbox.map((c) => c.id).sort());
    expect(clips).toHaveLength(5);
    expect(await browser.background.evaluate(() => chrome.alarms.get('outbox'))).toBeUndefined();
    // The open reading shows the new clips too.
    await poll(() => marks(page).then((m) => m.length)).toBe(5);
    await popup.close();
  });

  it('highlights a clipped page opened again, once it has loaded', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading`);
    await poll(() => marks(page).then((m) => m.length)).toBe(5);
    expect(await browser.contentScriptRuns(page)).toBe(true);
    await page.close();
  });

  it('still highlights passages after words around them changed', async () => {
    const page = await browser.context.newPage();
    // Not a listed address, but on a site with clips, and its canonical link names the clipped reading.
    await page.goto(`${pages.url}/reading-edited`);
    await poll(() => marks(page)).toEqual(expect.arrayContaining([PASSAGE, PROMPT_PASSAGE, ...OFFLINE_PASSAGES]));
    const stored = await storedPage(page);
    expect(Object.values(stored!.found)).toEqual([true, true, true, true, true]);
    expect(await marks(page)).toHaveLength(5);
    await page.close();
  });

  it('lists a clip whose passage was removed as not found, without dropping it, and says "4 of 5 found"', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading-cut`);
    const goalClip = await clipOf(PASSAGE);
    await poll(async () => (await storedPage(page))?.found[goalClip.id]).toBe(false);
    expect(await marks(page)).not.toContain(PASSAGE);
    expect(await marks(page)).toHaveLength(4);
    expect(await browser.badgeText(await browser.tabIdOf(page))).toBe('4/5');

    const panel = await browser.openExtensionPage('sidepanel.html');
    // The side panel follows the active tab: bring the reading to the front, then look.
    await page.bringToFront();
    const onPage = panel.getByRole('region', { name: 'On this page' });
    await onPage.getByRole('listitem').filter({ hasText: PASSAGE }).getByText('not found on this page').waitFor();
    await onPage.getByRole('status').filter({ hasText: '4 of 5 found on this page. Not found:' }).waitFor();
    await panel.close();
    await page.close();
  });

  it('shows a passage whose words changed as approximate, beside the clipped quote, and does not count it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading-reworded`);
    const goalClip = await clipOf(PASSAGE);
    await poll(async () => (await storedPage(page))?.found[goalClip.id]).toEqual({
      approximate: expect.stringContaining('compose their conversation'),
    });
    expect(await page.locator('mark.mw-highlight-approximate').allTextContents()).toEqual([
      expect.stringContaining('compose their conversation'),
    ]);
    expect(await marks(page)).toHaveLength(5);
    expect(await browser.badgeText(await browser.tabIdOf(page))).toBe('4/5');

    const panel = await browser.openExtensionPage('sidepanel.html');
    await page.bringToFront();
    const item = panel.getByRole('region', { name: 'On this page' }).getByRole('listitem').filter({ hasText: PASSAGE });
    await item.getByText('approximate', { exact: true }).waitFor();
    await item.getByText(/Found instead: “Mentor and mentee compose their conversation/).waitFor();
    await panel.getByText('1 found only approximately').waitFor();
    await panel.close();
    await page.close();
  });

  it('shows the partnership in the side panel, where the mentee adds a clip to the agenda', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('region', { name: 'Goals' }).getByText(GOAL_TITLE).waitFor();
    await panel.getByRole('region', { name: 'Open prompts' }).getByText(QUESTION).waitFor();
    const recent = panel.getByRole('region', { name: 'Recent clips' });
    const item = recent.getByRole('listitem').filter({ hasText: PASSAGE });
    await item.getByRole('button', { name: 'Add to agenda' }).click();
    await item.getByText('on the agenda').waitFor();
    const goalClip = await clipOf(PASSAGE);
    const { conversations } = await mentor.listConversations({ params: { id: partnershipId } });
    expect(conversations.find((c) => c.id === conversationId)?.agenda).toEqual([{ kind: 'clip', clipId: goalClip.id }]);
    await panel.getByRole('region', { name: 'Next conversation' }).getByText(`Clip: “${PASSAGE}”`).waitFor();
    await panel.close();
  });

  it('says so when the browser is revoked in the workspace, and keeps what is clipped meanwhile', async () => {
    const { connection } = (await browser.storage().get()) as { connection: { connectionId: string } };
    expect(await mentee.revokeConnection({ params: { id: connection.connectionId } })).toEqual({ ok: true });

    expect(await clipWithDefaults(readingTab(), REVOKED_PASSAGE)).toMatch(
      /Saved in this browser\. You are signed out: it will be sent once you connect again/,
    );
    const stored = (await browser.storage().get()) as {
      connection: { token: string | null; signedOutReason: string };
      outbox: unknown[];
    };
    expect(stored.connection.token).toBeNull();
    expect(stored.connection.signedOutReason).toMatch(/no longer connected/);
    expect(stored.outbox).toHaveLength(1);
    expect(await browser.badgeText()).toBe('1');

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByText('1 clip waits to be sent').waitFor();
    await popup
      .getByText(/Signed out: .*no longer connected/)
      .first()
      .waitFor();
    await popup.close();
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel
      .getByRole('alert')
      .getByText(/Signed out/)
      .waitFor();
    await panel.close();
  });

  it('sends the waiting clip once connected again, and forgets everything on Disconnect', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByText(/Signed out: .*Clips you made are kept/).waitFor();
    const { connectionCode } = await mentee.createPairingCode({});
    await options.getByLabel('Connection code').fill(connectionCode);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText(`Connected as ${MENTEE_NAME}.`).waitFor();
    await poll(async () => (await allClips()).filter((c) => c.quote === REVOKED_PASSAGE).length).toBe(1);
    await poll(() => browser.badgeText()).toBe('');

    const reading = readingTab();
    await poll(() => marks(reading).then((m) => m.length)).toBe(6);

    const { connection } = (await browser.storage().get()) as { connection: { connectionId: string } };
    await options.bringToFront();
    await options.getByRole('button', { name: 'Disconnect' }).click();
    await options.getByText('Disconnected. The token no longer works.').waitFor();
    expect((await mentee.listConnections({})).connections.map((c) => c.id)).not.toContain(connection.connectionId);
    const stored = await browser.storage().get();
    expect(Object.keys(stored).filter((k) => k === 'connection' || k.startsWith('cache:'))).toEqual([]);
    await poll(() => marks(reading)).toEqual([]);
    await options.close();
  });
});
