import { describe, expect, it } from 'vitest';
import { describe as describePassage } from '@mentoring/shared/anchoring/index';
import { anchorInPdf, findIgnoringSpaces, pageAt, pagePieces, pdfText } from './pdf-text.ts';

const line = (str: string) => ({ str, hasEOL: true });
const part = (str: string) => ({ str, hasEOL: false });

const PAGES = [
  [line('Coaching as Improvisation'), part('When they sit down, the pull to give '), line('advice is strong.')],
  [line('Mentor and mentee compose the'), line('conversation together as it unfolds.')],
  [],
];

describe('a PDF’s text', () => {
  it('joins each page’s items, a line break after each line and each page, and says where each starts', () => {
    const doc = pdfText(PAGES);
    expect(doc.text).toBe(
      'Coaching as Improvisation\nWhen they sit down, the pull to give advice is strong.\n' +
        'Mentor and mentee compose the\nconversation together as it unfolds.\n\n',
    );
    expect(doc.pageStarts).toEqual([0, 81, 148, 149]);
    expect(doc.itemStarts[0]).toEqual([0, 26, 63]);
    expect(doc.text.slice(doc.itemStarts[1]![1]!, doc.itemStarts[1]![1]! + 12)).toBe('conversation');
    expect([pageAt(doc, 0), pageAt(doc, 80), pageAt(doc, 81), pageAt(doc, 148)]).toEqual([0, 0, 1, 2]);
  });

  it('lays out a page as its text layer is built: item texts and line breaks', () => {
    expect(pagePieces(PAGES[1]!)).toEqual([
      { item: 0, text: 'Mentor and mentee compose the' },
      { item: null, text: '\n' },
      { item: 1, text: 'conversation together as it unfolds.' },
      { item: null, text: '\n' },
    ]);
    // An empty item that ends a line still breaks it; a page ends with a line break.
    expect(pagePieces([part('a'), { str: '', hasEOL: true }, part('b')]).map((p) => p.text)).toEqual([
      'a',
      '\n',
      'b',
      '\n',
    ]);
  });
});

describe('finding a clip in a PDF', () => {
  const { text } = pdfText(PAGES);
  const at = text.indexOf('compose the\nconversation');
  const selectors = describePassage(text, at, at + 'compose the\nconversation'.length);

  it('finds a passage clipped in the reader at its place, across a line break', () => {
    expect(anchorInPdf(text, selectors)).toEqual({ start: at, end: selectors[1].end, approximate: false });
  });

  it('finds a quote from the browser’s own viewer with other spacing, as found (not approximately)', () => {
    const quote = [{ type: 'TextQuoteSelector' as const, exact: 'the pull to give  advice is strong' }];
    const found = anchorInPdf(text, quote);
    expect(found).toMatchObject({ approximate: false });
    expect(text.slice(found!.start, found!.end)).toBe('the pull to give advice is strong');
    expect(anchorInPdf(text, [{ type: 'TextQuoteSelector', exact: 'compose the conversation' }])).toMatchObject({
      approximate: false,
    });
  });

  it('does not find what the PDF does not hold, and keeps a changed passage approximate', () => {
    expect(anchorInPdf(text, [{ type: 'TextQuoteSelector', exact: 'listens closely enough to ask' }])).toBeNull();
    const changed = anchorInPdf(text.replace('compose the', 'composes the'), selectors);
    expect(changed).toMatchObject({ approximate: true });
  });

  it('collapses runs of white space on both sides', () => {
    expect(findIgnoringSpaces('a  b\n\nc d', 'b c')).toEqual({ start: 3, end: 7 });
    expect(findIgnoringSpaces('abc', '   ')).toBeNull();
  });
});
