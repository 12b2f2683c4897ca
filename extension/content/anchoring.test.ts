// @vitest-environment jsdom
/**
 * Page-side anchoring on real pages, as the Hypothesis client tests it: a passage is selected in
 * a fixture, described (`selection.ts`), and found and highlighted again (`highlight.ts`) on a
 * fresh copy of the page, edited or not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Selector } from '@mentoring/shared';
import { Highlighter } from './highlight.ts';
import { offsetOf, readPageText } from './page-text.ts';
import { currentSelection, pageDocument } from './selection.ts';

type Fixture = 'article' | 'table-and-lists' | 'whitespace';
const html = (name: Fixture) => readFileSync(join(import.meta.dirname, 'fixtures', `${name}.html`), 'utf8');

/** Puts the fixture in this test's document, as a fresh page load would. */
function load(name: Fixture): void {
  document.documentElement.innerHTML = html(name).replace(/^<!doctype html>\s*<html[^>]*>/i, '');
  document.getSelection()?.removeAllRanges();
}

/** The document's text nodes, found with a walker of the test's own (not `page-text.ts`). */
function textNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Selects from the start of `from` to the end of `to`, each looked up in a single text node. */
function select(from: string, to: string): Range {
  const nodes = textNodes();
  const start = nodes.find((n) => n.data.includes(from));
  const end = nodes.find((n) => n.data.includes(to) && (n === start || start!.compareDocumentPosition(n) & 4));
  if (!start || !end) throw new Error(`not in the fixture: ${from} … ${to}`);
  const range = document.createRange();
  range.setStart(start, start.data.indexOf(from));
  range.setEnd(end, end.data.indexOf(to, end === start ? start.data.indexOf(from) : 0) + to.length);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

const marks = () => [...document.querySelectorAll<HTMLElement>('mark.mw-highlight')];
const markedText = () =>
  marks()
    .map((m) => m.textContent)
    .join('');
const exactOf = (selectors: Selector[]) => selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';

/** Selects a passage, then reloads the page (optionally edited) and highlights it there. */
function clipAndFindAgain(name: Fixture, from: string, to: string, edit?: () => void) {
  load(name);
  select(from, to);
  const clipped = currentSelection(document);
  load(name);
  edit?.();
  const found = new Highlighter(document.body).set([{ id: 'c1', selectors: clipped.selectors }]);
  return { clipped, found: found.c1 };
}

beforeEach(() => load('article'));

describe('the page as flat text', () => {
  it('leaves out scripts and styles, in the head and in the body', () => {
    const { text } = readPageText(document.body);
    expect(text).toContain('Listening is not waiting to speak.');
    expect(text).not.toContain('querySelector');
    expect(readPageText(document.documentElement).text).not.toContain('window.analytics');
  });

  it('measures a point given by an element and a child index as the text before that child', () => {
    const page = readPageText(document.body);
    const heading = document.querySelector('h1')!;
    expect(page.text.slice(offsetOf(page, heading, 0)).startsWith('Listening before advising')).toBe(true);
    expect(page.text.slice(0, offsetOf(page, heading, 1)).endsWith('Listening before advising')).toBe(true);
  });
});

describe('which reading a page is', () => {
  it('reads its canonical link, og:url and DOI from the markup', () => {
    expect(pageDocument(document)).toEqual({
      canonical: 'https://readings.example.org/listening-before-advising',
      ogUrl: 'https://readings.example.org/listening-before-advising',
      doi: '10.5555/mentoring.2025.014',
    });
    load('table-and-lists');
    expect(pageDocument(document)).toEqual({});
  });
  it('takes the DOI among its dc.identifier entries, after an ISSN', () => {
    document.head.innerHTML =
      '<meta name="dc.identifier" content="ISSN 1234-5678"><meta name="DC.identifier" content="doi:10.5555/X.14">';
    expect(pageDocument(document)).toEqual({ doi: 'doi:10.5555/X.14' });
  });
});

describe('an article with nested inline markup', () => {
  it('describes a passage across emphasis, bold and a link as the reader sees it', () => {
    select('answers', 'tried');
    const clipped = currentSelection(document);
    expect(clipped.title).toBe('Listening before advising: notes for new mentors');
    expect(exactOf(clipped.selectors)).toMatch(
      /^answers\. The mentee arrives with a\s+situation, and .* already tried$/s,
    );
    expect(clipped.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('finds it on a fresh copy of the page and marks exactly its text, inside the page’s own elements', () => {
    const { clipped, found } = clipAndFindAgain('article', 'answers', 'tried');
    expect(found).toBe(true);
    expect(markedText()).toBe(exactOf(clipped.selectors));
    expect(document.querySelector('em > mark')?.textContent).toBe('answers');
    expect(document.querySelector('strong > mark')?.textContent).toBe('situation');
    expect(document.querySelector('a[href="#note-1"] > mark')).not.toBeNull();
  });

  it('finds a passage inside nested emphasis after paragraphs were added above it and a word changed below', () => {
    const { clipped, found } = clipAndFindAgain('article', 'staying with the', 'account', () => {
      const added = document.createElement('p');
      added.textContent = 'An editor’s note added after the reading was clipped, long enough to move every offset.';
      document.querySelector('article h1')!.after(added);
      const aside = document.querySelector('.aside')!;
      aside.textContent = 'actual';
    });
    expect(found).toBe(true);
    expect(markedText()).toBe(exactOf(clipped.selectors));
  });

  it('says a passage is not found when it was taken out of the page', () => {
    const { found } = clipAndFindAgain('article', 'Advice given too early', 'the difference.', () =>
      document.querySelector('.aside')!.closest('p')!.remove(),
    );
    expect(found).toBe(false);
    expect(marks()).toEqual([]);
  });

  it('shows a passage whose words changed as approximate, with the text found instead, in a distinct highlight', () => {
    load('article');
    select('Advice given too early', 'the difference.');
    const { selectors } = currentSelection(document);
    load('article');
    document.querySelector('.aside')!.textContent = 'actual';
    const highlighter = new Highlighter(document.body);
    const found = highlighter.set([{ id: 'c1', selectors }]).c1;
    expect(found).toEqual({ approximate: expect.stringContaining('lands on the actual problem') });
    expect(marks().length).toBeGreaterThan(0);
    expect(marks().every((m) => m.classList.contains('mw-highlight-approximate'))).toBe(true);
    // Asked again (the page reported again), it says the same without searching again.
    expect(highlighter.set([{ id: 'c1', selectors }]).c1).toEqual(found);
  });

  it('takes highlights away without a trace, and keeps those another clip still shows', () => {
    load('article');
    const before = document.body.innerHTML;
    select('Listening is not', 'account');
    const first = currentSelection(document).selectors;
    select('discipline', 'gaps show themselves');
    const second = currentSelection(document).selectors;
    const highlighter = new Highlighter(document.body);
    expect(
      highlighter.set([
        { id: 'a', selectors: first },
        { id: 'b', selectors: second },
      ]),
    ).toEqual({ a: true, b: true });
    highlighter.set([{ id: 'b', selectors: second }]);
    expect(markedText()).toBe(exactOf(second));
    highlighter.set([]);
    expect(marks()).toEqual([]);
    document.body.normalize();
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('a page with a table and lists', () => {
  it('finds a passage across table cells and rows', () => {
    const { clipped, found } = clipAndFindAgain('table-and-lists', 'Setting a first goal', 'Observing practice');
    expect(found).toBe(true);
    expect(exactOf(clipped.selectors)).toMatch(/^Setting a first goal.*handle differently.*Observing practice$/s);
    expect(marks().map((m) => m.parentElement!.tagName)).toEqual(['TD', 'TD', 'TD', 'TD']);
  });

  it('finds a passage from a list item into its nested list, after rows were added to the table', () => {
    const { clipped, found } = clipAndFindAgain('table-and-lists', 'Choose one clip', 'disagree with', () => {
      const row = document.querySelector('tbody tr')!.cloneNode(true) as HTMLElement;
      row.querySelectorAll('td')[1]!.textContent = 'An extra week added by the school';
      document.querySelector('tbody')!.prepend(row);
    });
    expect(found).toBe(true);
    // Whitespace-only text between list items is left unmarked (a mark there would show as a stray box).
    expect(markedText().replace(/\s+/g, '')).toBe(exactOf(clipped.selectors).replace(/\s+/g, ''));
    expect(marks().map((m) => m.parentElement!.tagName)).toEqual(['LI', 'LI', 'LI']);
  });
});

describe('whitespace-heavy markup', () => {
  it('leaves the whitespace at a selection’s edges out of the passage', () => {
    load('whitespace');
    const p = document.querySelector('p')!;
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(p, p.childNodes.length);
    document.getSelection()!.addRange(range);
    const exact = exactOf(currentSelection(document).selectors);
    expect(exact.startsWith('Feedback')).toBe(true);
    expect(exact.endsWith('used.')).toBe(true);
  });

  it('finds passages with collapsed spaces, non-breaking spaces, line breaks and tabs again', () => {
    for (const [from, to] of [
      ['Feedback', 'be'],
      ['mentor', 'filed away'],
      ['the opening question', 'the summary'],
      ['line two', 'indented'],
      ['Tabs', 'too.'],
    ] as const) {
      const { clipped, found } = clipAndFindAgain('whitespace', from, to);
      expect(found, from).toBe(true);
      expect(markedText(), from).toBe(exactOf(clipped.selectors));
    }
  });
});
