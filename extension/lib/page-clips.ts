/**
 * A page's clips: once a page known to hold clips has loaded, the background runs the content
 * script there (`showPageClips`); the script reports the page (`page:ready`), and its clips,
 * fetched from the tool (`GET /api/clips?url=`), are handed to it as ids and selectors only and
 * recorded with what was found. Other pages get no script at all until the reader clips there.
 */
import { browser } from 'wxt/browser';
import { clipPageUrl, documentIdentities, type Clip, type PageDocument, type Selector } from '@mentoring/shared';
import { isClippable } from './capture.ts';
import { anyClipByDocument, pageHasClips, siteHasClips } from './clipped-pages.ts';
import type { AnchorResults, PassageToFind } from './messages.ts';
import { renderTabBadge } from './badge.ts';
import {
  hasPendingScroll,
  readAllPageStates,
  readPageState,
  savePageState,
  scrollWhenReady,
  takePendingScroll,
  type PageState,
} from './page-state.ts';
import { readPageIdentities, runContentScript } from './page-script.ts';
import { askPage, looksLikePdf, readerUrl } from './reader-tabs.ts';
import { describeError } from './problems.ts';
import { callTool } from './tool.ts';

/** What the content script needs to find a clip: never its note, tags or links. */
function passageOf(clip: Pick<Clip, 'id' | 'quote' | 'selectors'>): PassageToFind {
  const hasQuote = clip.selectors.some((s) => s.type === 'TextQuoteSelector');
  const selectors: Selector[] = hasQuote ? clip.selectors : [{ type: 'TextQuoteSelector', exact: clip.quote }];
  return { id: clip.id, selectors };
}

/**
 * Runs the content script in `tabId`, whose page at `url` has loaded, when the page is known to
 * hold clips or a clip waits to be scrolled to there; the script then reports the page and
 * `loadPage` follows. Leaves every other page alone.
 */
export async function showPageClips(tabId: number, url: string | undefined): Promise<void> {
  if (!url || !isClippable(url)) return;
  try {
    if ((await hasPendingScroll(tabId)) || (await holdsClips(tabId, url))) await runContentScript(tabId);
  } catch {
    // No script may run there (a site not granted, a file, a browser page), or the tab is gone.
  }
}

/** Whether the page in `tabId` is listed as holding clips, under its address or another of its identities. */
async function holdsClips(tabId: number, url: string): Promise<boolean> {
  if (await pageHasClips(url)) return true;
  // The page's own identities are read only where they may name a clipped page: its canonical link
  // and og:url name pages of its own site only, while a DOI may be carried anywhere.
  if (!(await siteHasClips(url)) && !(await anyClipByDocument())) return false;
  const ids = await readPageIdentities(tabId, url);
  return ids !== null && (await pageHasClips(url, ids));
}

/** A tab came to the front: shows its page's clips if it has loaded and they are not shown yet. */
export async function showActivatedTab(tabId: number): Promise<void> {
  if (await readPageState(tabId)) return;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab && tab.status !== 'loading') await showPageClips(tabId, tab.url);
}

/**
 * Fetches the clips of the page in `tabId` (only if it is known to hold some), highlights them,
 * and records the outcome.
 */
export async function loadPage(tabId: number, url: string, document: PageDocument = {}): Promise<PageState> {
  const ids = documentIdentities({ url, ...document });
  let clips: Clip[] = [];
  let error: string | null = null;
  try {
    if (await pageHasClips(url, ids))
      clips = (await callTool((api) => api.clipsOnPage({ query: { ...document, url: clipPageUrl(url) } }))).clips;
  } catch (err) {
    error = describeError(err);
  }
  let found: AnchorResults = {};
  try {
    found = await askPage(tabId, { type: 'highlights:set', passages: clips.map(passageOf) });
  } catch {
    // The tab navigated or closed meanwhile; its next page reports itself.
  }
  const page: PageState = { url, ids, document, clips, found, error };
  await savePageState(tabId, page);
  await renderTabBadge(tabId, page);
  const clipId = await takePendingScroll(tabId);
  if (clipId) await askPage(tabId, { type: 'highlights:scroll', clipId }).catch(() => undefined);
  return page;
}

/**
 * Reloads the clips of open pages: those known by one of `ids` after clips were sent, or all of
 * them when the connection changed (connected: show them; disconnected: take them away).
 */
export async function refreshPages(ids?: string[]): Promise<void> {
  const wanted = ids && new Set(ids);
  const sites = ids && new Set(ids.map(originOf));
  const [pages, tabs] = await Promise.all([readAllPageStates(), browser.tabs.query({})]);
  // Loaded pages without a content script yet (not known to hold clips when they loaded) on those sites.
  const unshown = tabs.filter(
    (t) =>
      t.id !== undefined && !pages.has(t.id) && t.status !== 'loading' && (!sites || sites.has(originOf(t.url ?? ''))),
  );
  await Promise.all([
    ...[...pages]
      .filter(([, page]) => !wanted || [clipPageUrl(page.url), ...page.ids].some((id) => wanted.has(id)))
      .map(([tabId, page]) => loadPage(tabId, page.url, page.document)),
    ...unshown.map((t) => showPageClips(t.id!, t.url)),
  ]);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
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
    if (await readPageState(target)) return askPage(target, { type: 'highlights:scroll', clipId });
    await scrollWhenReady(target, clipId);
    // Loaded without a content script (not known to hold clips then): run it now; still loading: once it has loaded.
    if (tab?.status !== 'loading') await showPageClips(target, tab?.url);
    return { found: null };
  }
  // A PDF opens in the reader, where its passages can be shown.
  const opened = await browser.tabs.create({ url: looksLikePdf(url) ? readerUrl(url) : url });
  if (opened.id !== undefined) await scrollWhenReady(opened.id, clipId);
  return { found: null };
}
