/**
 * Smoke test of the test build in real Chromium, without a tool: a passage clipped on a local page
 * opens the picker, and once saved it waits in the outbox (the badge shows 1), as no tool answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../support/extension-browser.ts';
import { htmlPage, READING, selectText, servePages, type PageServer } from '../../support/pages.ts';

const PASSAGE = 'Mentor and mentee compose the conversation together as it unfolds';
const ME = {
  person: { id: 'p-mentee', name: 'Mina Mentee', email: null },
  program: { id: 'prog', title: 'New school leaders', label: null, platformName: null },
  programRole: 'participant',
};
const PARTNERSHIP = {
  id: 'part-1',
  kind: 'mentoring',
  status: 'active',
  members: [
    { personId: 'p-mentor', name: 'Theo Mentor', role: 'mentor', invitation: 'accepted' },
    { personId: 'p-mentee', name: 'Mina Mentee', role: 'mentee', invitation: 'accepted' },
  ],
  agreement: { purpose: '', meetingCadence: '', confidentiality: '' },
  createdById: 'p-mentor',
  createdAt: '2025-01-10T09:00:00Z',
  closedAt: null,
  lastConversationAt: null,
  nextConversation: null,
};
const GOAL = {
  id: 'goal-1',
  partnershipId: 'part-1',
  ownerId: 'p-mentee',
  title: 'Coach by asking, not telling',
  status: 'active',
  actions: [],
};

let pages: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  pages = await servePages();
  pages.set('/reading', htmlPage(READING));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

describe('the extension in Chromium, with no tool running', () => {
  it('loads, declaring no content script, and runs it on a page only when clipping there', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    // Chromium slows every page's loading for a declared content script, even an empty one.
    expect(await browser.background.evaluate(() => chrome.runtime.getManifest().content_scripts)).toBeUndefined();
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading`);
    await browser.pageDecided(page);
    expect(await browser.contentScriptRuns(page)).toBe(false);
    await selectText(page, PASSAGE);
    const picker = await browser.clipSelection(page);
    await expect.poll(() => picker.locator('.error, .notice').first().textContent()).toMatch(/not connected/);
    expect(await browser.contentScriptRuns(page)).toBe(true);
    await picker.close();
    await page.close();
  });

  it('keeps a clipped passage in the outbox, with selectors, and shows 1 on the badge', async () => {
    // Connected (to a tool that does not answer), with partnerships and goals saved from earlier.
    await browser.storage().set({
      connection: { toolUrl: 'http://127.0.0.1:9', token: 'secret', me: ME, connectionId: 'conn-1' },
      'cache:p-mentee:partnerships': { data: [PARTNERSHIP], savedAt: Date.now() },
      'cache:p-mentee:goals:part-1': { data: [GOAL], savedAt: Date.now() },
    });
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading`);
    await selectText(page, PASSAGE);

    const picker = await browser.clipSelection(page);
    const passage = picker.getByLabel('Passage');
    await passage.waitFor();
    expect(await passage.textContent()).toBe(PASSAGE);
    // The passage shows at once; the saved partnership list (and so the default goal) arrives just after.
    await expect.poll(() => picker.getByLabel('File under').inputValue()).toBe('goal-1');
    await picker.getByLabel('Note').fill('Ask before telling');
    await picker.getByLabel('File under').focus();
    await picker.keyboard.press('Enter');
    await picker.getByText(/Saved in this browser/).waitFor();

    const { outbox } = (await browser.storage().get()) as {
      outbox: Array<{ partnershipId: string; body: Record<string, unknown> }>;
    };
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.partnershipId).toBe('part-1');
    expect(outbox[0]!.body).toMatchObject({
      url: `${pages.url}/reading`,
      title: 'Coaching as Improvisation',
      quote: PASSAGE,
      note: 'Ask before telling',
      goalIds: ['goal-1'],
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: PASSAGE,
          prefix: expect.any(String),
          suffix: expect.stringMatching(/^, each one listening/),
        },
        { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) },
      ],
    });
    expect(await browser.badgeText()).toBe('1');
  });
});
