/**
 * Opening a PDF in the extension's reader: from the context menu on a PDF's tab or a link to a
 * PDF, and, when the person chose it in the options, automatically for every PDF a tab opens.
 * The reader reads the PDF from its site, which needs that site's (optional) host permission:
 * asked for here, on the person's click, unless granted already.
 */
import { browser, type Browser } from 'wxt/browser';
import { askForSite } from './site-access.ts';
import { isReaderUrl, looksLikePdf, readerUrl } from './reader-tabs.ts';
import { t } from '@lingui/core/macro';
import { pdfReaderChoiceItem, viewerOnceItem } from './stored.ts';

export const READER_MENU_ID = 'open-in-reader';
export const READER_LINK_MENU_ID = 'open-link-in-reader';

const PDF_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', 'file:///*.pdf'];

const readerMenuTitle = () => t`Open in mentoring reader`;

/** Says the reader's menu items in the extension's language, once it changes. */
export async function renameReaderMenus(): Promise<void> {
  for (const id of [READER_MENU_ID, READER_LINK_MENU_ID])
    await browser.contextMenus.update(id, { title: readerMenuTitle() }).catch(() => undefined);
}

/** The menu items, created with the clip item (`createClipMenu`). */
export function createReaderMenus(): void {
  browser.contextMenus.create({
    id: READER_MENU_ID,
    title: readerMenuTitle(),
    contexts: ['page', 'frame'],
    documentUrlPatterns: PDF_PATTERNS,
  });
  browser.contextMenus.create({
    id: READER_LINK_MENU_ID,
    title: readerMenuTitle(),
    contexts: ['link'],
    targetUrlPatterns: PDF_PATTERNS,
  });
}

export function onReaderMenuClicked(menu: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (menu.menuItemId === READER_MENU_ID) {
    const url = menu.frameUrl ?? menu.pageUrl ?? tab?.url;
    if (url) void openInReader(url, tab?.id);
  } else if (menu.menuItemId === READER_LINK_MENU_ID && menu.linkUrl) {
    void openInReader(menu.linkUrl, undefined, tab?.index);
  }
}

/**
 * Shows the PDF at `url` in the reader: in `tabId` when given, else in a new tab. The site's
 * permission is asked for first, synchronously within the person's gesture.
 */
export async function openInReader(url: string, tabId?: number, besideIndex?: number): Promise<void> {
  await askForSite(url);
  const address = readerUrl(url);
  if (tabId !== undefined) await browser.tabs.update(tabId, { url: address });
  else await browser.tabs.create({ url: address, index: besideIndex === undefined ? undefined : besideIndex + 1 });
}

/**
 * The person's choice "Open PDFs in the mentoring reader": a tab starting to load an address
 * that names a PDF is sent to the reader instead. The background sees tabs' addresses only on
 * sites it may read, which is why the choice asks for every site when it is turned on.
 */
export async function redirectPdfTab(tabId: number, url: string | undefined): Promise<void> {
  if (!url || isReaderUrl(url) || !looksLikePdf(url) || url.startsWith('file:')) return;
  if (!(await pdfReaderChoiceItem.getValue())) return;
  const once = await viewerOnceItem.getValue();
  if (once.includes(url)) {
    await viewerOnceItem.setValue(once.filter((u) => u !== url));
    return;
  }
  await browser.tabs.update(tabId, { url: readerUrl(url) });
}

/** The reader's "Open in the browser's viewer": lets the PDF through once, though PDFs are to open in the reader. */
export async function letThroughToViewer(url: string): Promise<void> {
  await viewerOnceItem.setValue([...(await viewerOnceItem.getValue()), url]);
}
