/**
 * A page's clips: fetched from the tool by the background (`GET /api/clips?url=`), handed to the
 * page's content script as ids and selectors only, and recorded with what was found.
 */
import { browser } from 'wxt/browser';
import { clipPageUrl, type Clip, type Selector } from '@mentoring/shared';
import { pageHasClips } from './clipped-pages.ts';
import { askTab, type AnchorResults, type PassageToFind } from './messages.ts';
import { renderTabBadge } from './badge.ts';
import { readAllPageStates, readPageState, savePageState, scrollWhenReady, takePendingScroll, type PageState } from './page-state.ts';
import { callTool, describeError } from './tool.ts';

/** What the content script needs to find a clip: never its note, tags or links. */
function passageOf(clip: Pick<Clip, 'id' | 'quote' | 'selectors'>): PassageToFind {
  const hasQuote = clip.selectors.some((s) => s.type === 'TextQuoteSelector');
  const selectors: Selector[] = hasQuote ? clip.selectors : [{ type: 'TextQuoteSelector', exact: clip.quote }];
  return { id: clip.id, selectors };
}

/**
 * Fetches the clips of the page in `tabId` (only if it is known to hold some), highlights them,
 * and records the outcome.
 */
export async function loadPage(tabId: number, url: string): Promise<PageState> {
  let clips: Clip[] = [];
  let error: string | null = null;
  try {
    if (await pageHasClips(url)) clips = (await callTool((api) => api.clipsOnPage({ query: { url: clipPageUrl(url) } }))).clips;
  } catch (err) {
    error = describeError(err);
  }
  let found: AnchorResults = {};
  try {
    found = await askTab(tabId, { type: 'highlights:set', passages: clips.map(passageOf) });
  } catch {
    // The tab navigated or closed meanwhile; its next page reports itself.
  }
  const page: PageState = { url, clips, found, error };
  await savePageState(tabId, page);
  await renderTabBadge(tabId, page);
  const clipId = await takePendingScroll(tabId);
  if (clipId) await askTab(tabId, { type: 'highlights:scroll', clipId }).catch(() => undefined);
  return page;
}

/**
 * Reloads the clips of open pages: those showing `urls` after clips were sent, or all of them
 * when the connection changed (connected: show them; disconnected: take them away).
 */
export async function refreshPages(urls?: string[]): Promise<void> {
  const wanted = urls && new Set(urls.map(clipPageUrl));
  const pages = await readAllPageStates();
  await Promise.all(
    [...pages].filter(([, page]) => !wanted || wanted.has(clipPageUrl(page.url))).map(([tabId, page]) => loadPage(tabId, page.url)),
  );
}

/**
 * Shows a clip's passage: in `tabId` or a tab already on its page, else in a new tab that scrolls
 * once its highlights are placed. `found` is null while the new tab is still opening.
 */
export async function showClip(clipId: string, url: string, tabId?: number): Promise<{ found: boolean | null }> {
  const page = clipPageUrl(url);
  let target = tabId;
  if (target === undefined) {
    const pages = await readAllPageStates();
    target = [...pages].find(([, p]) => clipPageUrl(p.url) === page)?.[0];
  }
  if (target === undefined) {
    const tabs = await browser.tabs.query({});
    target = tabs.find((t) => t.url && clipPageUrl(t.url) === page)?.id;
  }
  if (target !== undefined) {
    const tab = await browser.tabs.update(target, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    if (await readPageState(target)) return askTab(target, { type: 'highlights:scroll', clipId });
    await scrollWhenReady(target, clipId);
    return { found: null };
  }
  const opened = await browser.tabs.create({ url });
  if (opened.id !== undefined) await scrollWhenReady(opened.id, clipId);
  return { found: null };
}
