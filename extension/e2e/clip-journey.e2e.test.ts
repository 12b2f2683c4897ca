/**
 * The clipping journey in real Chromium against a stand-in tool: connect with a pairing code, clip
 * a passage into a goal, see it highlighted and counted, find it again on an edited page, list it
 * as "not found" where it was removed, and keep clips when the connection is revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser.ts';
import { PAIRING_CODE, startFakeTool, type FakeTool } from './fake-tool.ts';
import { htmlPage, READING, selectText, servePages, type PageServer } from './pages.ts';

const PASSAGE = 'Musician and dancer co-create the performance in real time';

let pages: PageServer;
let tool: FakeTool;
let browser: ExtensionBrowser;

beforeAll(async () => {
  [pages, tool] = await Promise.all([servePages(), startFakeTool()]);
  browser = await launchWithExtension();
  const reading = `${pages.url}/reading`;
  pages.set('/reading', htmlPage(READING, reading));
  // The same reading, edited: a new opening paragraph, and a sentence around the passage reworded.
  pages.set('/reading-edited', htmlPage(READING.replace('This week I was', 'A note added later.\nThis week I was').replace('guided by shared', 'led by shared'), reading));
  pages.set('/reading-cut', htmlPage(READING.replace(/Musician and dancer[^\n]*/, 'This part of the page was rewritten entirely.'), reading));
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([pages?.close(), tool?.close()]);
});

const marks = (page: Page) => page.locator('mark.mw-highlight').allTextContents();
const storedPage = async (page: Page) => {
  const tabId = await browser.tabIdOf(page);
  return (await browser.storage('session').get())[`page:${tabId}`] as { clips: Array<{ id: string }>; found: Record<string, boolean> } | undefined;
};

describe('clipping journey', () => {
  it('connects with a pairing code', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('Mentoring tool address').fill(tool.url);
    await options.getByLabel('Pairing code').fill('WRONG-000');
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText('This pairing code is not valid or has expired.').waitFor();
    await options.getByLabel('Pairing code').fill(PAIRING_CODE);
    await options.getByRole('button', { name: 'Connect' }).click();
    await options.getByText('Connected as Mina Mentee.').waitFor();
    const { connection } = (await browser.storage().get()) as { connection: { toolUrl: string; token: string } };
    expect(connection).toMatchObject({ toolUrl: tool.url, token: 'token-of-this-browser' });
    await options.close();
  });

  it('clips a passage into a goal, then highlights and counts it on the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading`);
    await expect.poll(() => storedPage(page)).toMatchObject({ clips: [] });
    // A page without clips is never named to the tool.
    expect(tool.requests.filter((r) => r.startsWith('GET /api/clips?'))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage).length + document.cookie.length)).toBe(0);

    await selectText(page, PASSAGE);
    const picker = await browser.clipSelection(page);
    await picker.getByLabel('File under').waitFor();
    expect(await picker.getByLabel('Partnership').locator('option:checked').textContent()).toBe('Mentored by Theo Mentor');
    await picker.getByLabel('Tags').fill('improvisation, roles');
    await picker.getByLabel('Tags').press('Enter');
    await picker.getByText('Clipped.').waitFor();

    expect(tool.clips).toEqual([
      expect.objectContaining({ quote: PASSAGE, goalIds: ['goal-1'], tags: ['improvisation', 'roles'], url: `${pages.url}/reading` }),
    ]);
    await expect.poll(() => marks(page)).toEqual([PASSAGE]);
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => browser.badgeText(tabId)).toBe('1');
    expect(await browser.badgeText()).toBe('');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('token-of-this-browser');
  });

  it('warns when the same passage is clipped again, and offers the existing clip', async () => {
    const page = browser.context.pages().find((p) => p.url().endsWith('/reading'))!;
    await selectText(page, PASSAGE);
    const picker = await browser.clipSelection(page);
    await picker.getByText(/Already clipped/).waitFor();
    await picker.getByRole('button', { name: 'Show the existing clip' }).click();
    await expect.poll(() => page.locator('mark.mw-highlight-focus').count()).toBeGreaterThan(0);
  });

  it('finds the passage again on an edited page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading-edited`);
    await expect.poll(() => marks(page)).toEqual([PASSAGE]);
    expect((await storedPage(page))?.found).toEqual({ [tool.clips[0]!.id]: true });
  });

  it('lists a clip whose passage was removed as not found, without dropping it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading-cut`);
    await expect.poll(async () => (await storedPage(page))?.found).toEqual({ [tool.clips[0]!.id]: false });
    expect(await marks(page)).toEqual([]);
    expect(await browser.badgeText(await browser.tabIdOf(page))).toBe('1');
  });

  it('shows the partnership in the side panel, where the mentee adds a clip to the agenda', async () => {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await panel.getByText('Coach by asking, not telling').waitFor();
    const recent = panel.getByRole('region', { name: 'Recent clips' });
    await recent.getByText(PASSAGE).waitFor();
    await recent.getByRole('button', { name: 'Add to agenda' }).click();
    await recent.getByText('on the agenda').waitFor();
    expect(tool.conversation.agenda).toEqual([{ kind: 'clip', clipId: tool.clips[0]!.id }]);
    await panel.getByRole('region', { name: 'Next conversation' }).getByText(`Clip: “${PASSAGE}”`).waitFor();
    await panel.close();
  });

  it('keeps a clip made after the connection was revoked, and marks the browser signed out', async () => {
    tool.revoke();
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/reading`);
    await selectText(page, 'Shared beliefs and values');
    const picker = await browser.clipSelection(page);
    await picker.getByLabel('File under').waitFor();
    await picker.keyboard.press('Enter');
    await picker.getByText(/Saved in this browser\. You are signed out/).waitFor();
    const stored = (await browser.storage().get()) as { connection: { token: string | null }; outbox: unknown[] };
    expect(stored.connection.token).toBeNull();
    expect(stored.outbox).toHaveLength(1);
    expect(await browser.badgeText()).toBe('1');

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByText('1 clip waits to be sent').waitFor();
    await popup.getByText(/Signed out: the tool no longer accepts this browser/).waitFor();
    await popup.close();
  });

  it('sends the waiting clip once connected again, and forgets everything on Disconnect', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByText(/Signed out: This browser connection was revoked/).waitFor();
    await options.getByLabel('Pairing code').fill(PAIRING_CODE);
    await options.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => tool.clips.map((c) => c.quote)).toEqual([PASSAGE, 'Shared beliefs and values']);
    await expect.poll(() => browser.badgeText()).toBe('');

    const reading = await browser.context.newPage();
    await reading.goto(`${pages.url}/reading`);
    await expect.poll(() => marks(reading)).toEqual([PASSAGE, 'Shared beliefs and values']);

    await options.bringToFront();
    await options.getByRole('button', { name: 'Disconnect' }).click();
    await options.getByText('Disconnected. The token no longer works.').waitFor();
    expect(tool.requests).toContain('DELETE /api/connections/conn-1');
    const stored = await browser.storage().get();
    expect(Object.keys(stored).filter((k) => k === 'connection' || k.startsWith('cache:'))).toEqual([]);
    await expect.poll(() => marks(reading)).toEqual([]);
  });
});
