/**
 * A PDF's text as one flat string, the way the reader lays it out: each page's text items in
 * order, a line break after an item that ends a line, and one after every page. Clips are
 * described and found again over this text (`@mentoring/shared` anchoring), as the Hypothesis
 * client does over a PDF's page texts. Pure: the reader feeds it what PDF.js extracts.
 */
import { anchor, type Anchored } from '@mentoring/shared/anchoring/index';
import type { Selector, TextQuoteSelector } from '@mentoring/shared';

/** The part of a PDF.js text item that matters here. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

/** Where each page's and each item's text starts in the document's text. */
export interface PdfText {
  text: string;
  /** Per page: its first character; `pageStarts[pages]` is the text's length. */
  pageStarts: number[];
  /** Per page, per item: its first character. */
  itemStarts: number[][];
}

/** The pieces of one page's text, in order: item texts and the line breaks between them. */
export function pagePieces(items: readonly PdfTextItem[]): Array<{ item: number | null; text: string }> {
  const pieces: Array<{ item: number | null; text: string }> = [];
  items.forEach((it, i) => {
    if (it.str) pieces.push({ item: i, text: it.str });
    if (it.hasEOL) pieces.push({ item: null, text: '\n' });
  });
  if (!pieces.length || pieces.at(-1)!.text !== '\n') pieces.push({ item: null, text: '\n' });
  return pieces;
}

export function pdfText(pages: readonly (readonly PdfTextItem[])[]): PdfText {
  let text = '';
  const pageStarts: number[] = [];
  const itemStarts: number[][] = [];
  for (const items of pages) {
    pageStarts.push(text.length);
    const starts: number[] = new Array<number>(items.length).fill(text.length);
    for (const piece of pagePieces(items)) {
      if (piece.item !== null) starts[piece.item] = text.length;
      text += piece.text;
    }
    itemStarts.push(starts);
  }
  pageStarts.push(text.length);
  return { text, pageStarts, itemStarts };
}

/** The page holding character `offset` (the last page for the text's end). */
export function pageAt(doc: PdfText, offset: number): number {
  let lo = 0;
  let hi = doc.pageStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Finds a clip's passage in the PDF's text. Besides `anchor`'s search, a quote alone (clipped in
 * the browser's own PDF viewer, which reports the selection with its own spacing) is also
 * found with any run of white space standing for any other.
 */
export function anchorInPdf(text: string, selectors: readonly Selector[]): Anchored | null {
  const found = anchor(text, selectors);
  if (found && !found.approximate) return found;
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const quoteOnly = !selectors.some((s) => s.type === 'TextPositionSelector');
  const loose = quote && (quoteOnly || !found) ? findIgnoringSpaces(text, quote.exact) : null;
  return loose ? { ...loose, approximate: false } : found;
}

/** The first place `quote` occurs in `text` when runs of white space are taken as one space. */
export function findIgnoringSpaces(text: string, quote: string): { start: number; end: number } | null {
  const wanted = quote.trim().replace(/\s+/g, ' ');
  if (!wanted) return null;
  // The collapsed text, with where each of its characters came from.
  let flat = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += text[i];
    from.push(i);
  }
  const at = flat.indexOf(wanted);
  if (at < 0) return null;
  return { start: from[at]!, end: from[at + wanted.length - 1]! + 1 };
}
