/** The reader's current selection, described for clipping. */
import { describe } from '@mentoring/shared/anchoring/index';
import type { PageSelection } from '@/lib/messages';
import { pageAddress } from '@/lib/page-address';
import { offsetOf, readPageText } from './page-text.ts';

/** The page's address for clips (its canonical address on its own site, else where it is). */
export function pageUrl(doc: Document): string {
  return pageAddress(doc.location.href, doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href);
}

export function currentSelection(doc: Document): PageSelection {
  const base = { url: pageUrl(doc), title: doc.title };
  const selection = doc.getSelection();
  const quote = selection?.toString().trim() ?? '';
  if (!selection || !quote || selection.rangeCount === 0) return { ...base, quote, selectors: [] };
  const range = selection.getRangeAt(0);
  const page = readPageText(doc.body);
  let start = offsetOf(page, range.startContainer, range.startOffset);
  let end = offsetOf(page, range.endContainer, range.endOffset);
  // Leave out the whitespace at the edges, as the reader does not see it as part of the passage.
  while (start < end && /\s/.test(page.text[start]!)) start++;
  while (end > start && /\s/.test(page.text[end - 1]!)) end--;
  return { ...base, quote, selectors: start < end ? describe(page.text, start, end) : [] };
}
