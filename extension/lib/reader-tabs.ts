/**
 * The PDF reader (`entrypoints/reader/`): an extension page that shows a PDF with PDF.js, where
 * passages are clipped and found again over the PDF's text. To the background it stands for the
 * PDF's page: it reports the PDF (`reader:ready`) and answers the content script's requests
 * (selection, highlights, scrolling) through `askPage`.
 */
import { browser } from 'wxt/browser';
import { askReader, askTab, type ContentAnswers, type ContentRequest } from './messages.ts';

export const READER_PAGE = '/reader.html';

/** The reader's address showing the PDF at `pdfUrl` (none: the reader asks for a file). */
export function readerUrl(pdfUrl?: string): string {
  const base = browser.runtime.getURL(READER_PAGE);
  return pdfUrl ? `${base}?url=${encodeURIComponent(pdfUrl)}` : base;
}

export function isReaderUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL(READER_PAGE));
}

/** The PDF address a reader's address shows, if any. */
export function pdfUrlOf(readerAddress: string): string | null {
  try {
    return new URL(readerAddress).searchParams.get('url');
  } catch {
    return null;
  }
}

/** Whether an address looks like a PDF's (by its path: no request is made to know better). */
export function looksLikePdf(url: string | undefined): boolean {
  try {
    const { protocol, pathname } = new URL(url ?? '');
    return /^(https?|file):$/.test(protocol) && /\.pdf$/i.test(pathname);
  } catch {
    return false;
  }
}

/** Asks the page in `tabId`: its content script, or the PDF reader where the tab shows it. */
export async function askPage<M extends ContentRequest>(tabId: number, message: M): Promise<ContentAnswers[M['type']]> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return isReaderUrl(tab?.url) ? askReader(tabId, message) : askTab(tabId, message);
}
