/** The reader's current selection, described for clipping. */
import type { PageDocument } from '@mentoring/shared';
import { doiAmong } from '@mentoring/shared/rules/documents';
import { describe } from '@mentoring/shared/anchoring/index';
import type { PageSelection } from '@/lib/messages';
import { pageAddress } from '@/lib/page-address';
import { offsetOf, readPageText } from './page-text.ts';

/** The page's address for clips (its canonical address on its own site, else where it is). */
export function pageUrl(doc: Document): string {
  return pageAddress(doc.location.href, doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href);
}

/** A web address from the page's markup, made absolute; undefined when it is none. */
function webAddress(doc: Document, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, doc.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const meta = (doc: Document, selector: string) =>
  doc.querySelector<HTMLMetaElement>(selector)?.content.trim() || undefined;

/** What the page says about which reading it is (see `documentIdentities`). */
export function pageDocument(doc: Document): PageDocument {
  const metas = (selector: string) => [...doc.querySelectorAll<HTMLMetaElement>(selector)].map((m) => m.content);
  const found: PageDocument = {
    canonical: webAddress(doc, doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.getAttribute('href')),
    ogUrl: webAddress(doc, meta(doc, 'meta[property="og:url" i]')),
    doi: doiAmong([...metas('meta[name="citation_doi" i]'), ...metas('meta[name="dc.identifier" i]')]),
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

export function currentSelection(doc: Document): PageSelection {
  const base = { url: pageUrl(doc), title: doc.title, document: pageDocument(doc) };
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
