/**
 * Taking the selected passage from a tab: from the content script (quote, selectors, canonical
 * URL, title), or, where no content script can run (a PDF viewer, a frame), from the text the
 * context menu reports. Over-long selections are cut with a notice (shared `limitQuote`).
 */
import { plural, t } from '@lingui/core/macro';
import type { Browser } from 'wxt/browser';
import { limitQuote, MAX_QUOTE_LENGTH, type PageDocument, type Selector } from '@mentoring/shared';
import { askTab, type PageSelection } from './messages.ts';
import { formatNumber } from './format.ts';
import { runContentScript } from './page-script.ts';
import { askPage, isReaderUrl } from './reader-tabs.ts';

export interface Capture {
  quote: string;
  selectors: Selector[];
  url: string;
  title: string;
  /** What the page says about which reading it is (none where no script could run). */
  document: PageDocument;
  /** Said to the clipper when the selection was cut. */
  notice: string | null;
  /** The tab the passage came from, to show an existing clip there. */
  tabId: number | null;
}

/** A reason the passage cannot be clipped, worded for the clipper. */
class CaptureError extends Error {
  override name = 'CaptureError';
}

const CLOSED_PAGES = [
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org/i,
];

/** Web pages and files can be clipped; browser pages and extension stores are closed to extensions. */
export function isClippable(url: string | undefined): boolean {
  return !!url && /^(https?|file):/i.test(url) && !CLOSED_PAGES.some((p) => p.test(url));
}

export async function captureFromTab(tab: Browser.tabs.Tab, menu?: Browser.contextMenus.OnClickData): Promise<Capture> {
  const pageUrl = menu?.pageUrl ?? tab.url;
  if (isReaderUrl(pageUrl) && tab.id !== undefined) return captureInReader(tab.id);
  if (!isClippable(pageUrl)) {
    throw new CaptureError(
      t`This page cannot be clipped: browser pages and extension stores are closed to extensions. Open the reading in a normal tab.`,
    );
  }
  const fromPage = tab.id === undefined ? null : await selectionInPage(tab.id);
  const pageQuote = fromPage?.quote.trim() ?? '';
  const quote = pageQuote || menu?.selectionText?.trim() || '';
  if (!quote) {
    throw new CaptureError(
      t`Nothing is selected. Select the passage you want to clip, then try again (in a PDF, use the right-click menu “Clip to mentoring workspace”).`,
    );
  }
  const limited = limitQuote(quote);
  const selectors = pageQuote ? fromPage!.selectors : [];
  return {
    quote: limited.quote,
    selectors: limited.truncated ? cutSelectors(selectors) : selectors,
    url: fromPage?.url ?? pageUrl!,
    title: fromPage?.title || tab.title || '',
    document: fromPage?.document ?? {},
    notice: limited.truncated ? cutNotice(quote.length) : null,
    tabId: tab.id ?? null,
  };
}

/** The PDF reader's selection: selectors over the PDF's text, its address and fingerprint. */
async function captureInReader(tabId: number): Promise<Capture> {
  const selection = await askPage(tabId, { type: 'selection:get' }).catch(() => null);
  if (!selection?.quote || !selection.selectors.length)
    throw new CaptureError(t`Nothing is selected. Select the passage you want to clip in the PDF, then try again.`);
  const limited = limitQuote(selection.quote);
  return {
    quote: limited.quote,
    selectors: limited.truncated ? cutSelectors(selection.selectors) : selection.selectors,
    url: selection.url,
    title: selection.title,
    document: selection.document,
    notice: limited.notice,
    tabId,
  };
}

/**
 * The content script's view of the selection. The script runs only on pages known to hold clips,
 * so it is mostly run here first (the reader's gesture grants `activeTab` where host permissions
 * do not reach).
 */
async function selectionInPage(tabId: number): Promise<PageSelection | null> {
  try {
    return await askTab(tabId, { type: 'selection:get' });
  } catch {
    try {
      await runContentScript(tabId);
      return await askTab(tabId, { type: 'selection:get' });
    } catch {
      return null; // a PDF viewer or another page no script may enter
    }
  }
}

/** Said when a selection was cut to the longest quote a clip keeps (shared `limitQuote`). */
function cutNotice(length: number): string {
  const kept = formatNumber(MAX_QUOTE_LENGTH);
  return plural(length, {
    one: `The selection had # character; the first ${kept} were kept.`,
    other: `The selection had # characters; the first ${kept} were kept.`,
  });
}

/** Keeps the selectors of a cut selection to its kept beginning. */
function cutSelectors(selectors: Selector[]): Selector[] {
  return selectors.map((s) => {
    if (s.type === 'TextQuoteSelector' && s.exact.length > MAX_QUOTE_LENGTH) {
      return {
        ...s,
        exact: s.exact.slice(0, MAX_QUOTE_LENGTH),
        suffix: s.exact.slice(MAX_QUOTE_LENGTH, MAX_QUOTE_LENGTH + 32),
      };
    }
    if (s.type === 'TextPositionSelector' && s.end - s.start > MAX_QUOTE_LENGTH)
      return { ...s, end: s.start + MAX_QUOTE_LENGTH };
    return s;
  });
}
