/**
 * Finding a described passage again in a page's flat text, after the page may have changed.
 *
 * Cheapest first: the recorded position still holds the quote; else the quote occurs verbatim
 * (repeats told apart by their context and closeness to the old position); else an approximate
 * search for the quote, ranked the way the Hypothesis client ranks candidates: likeness to the
 * quote counts most, then the text before and after it, then closeness to the old position.
 * The approximate search looks around the old position first (its cost grows with the length of
 * the text searched) and searches the whole text only when nothing there is a confident match.
 *
 * A passage found only approximately is said to be: its quote changed (found by approximate
 * search), or it was found verbatim away from its old place with its context changed (a near-copy
 * of a reading elsewhere on the page holds passages deleted from the original). The reader is shown
 * it as such, and it does not count as found.
 */
import search from 'approx-string-match';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../domain.ts';

export interface TextRange {
  start: number;
  end: number;
}

/** At most this share of a quote's characters may differ for an approximate match. */
const QUOTE_ERROR_RATE = 0.3;
/** Shorter quotes are found only verbatim: a few edits would let them match almost anywhere. */
const MIN_FUZZY_QUOTE_LENGTH = 16;
/** Caps the error budget of long quotes (search time grows with it). */
const MAX_QUOTE_ERRORS = 256;
/** An approximate match must score at least this (0..1), so an unrelated passage is not taken. */
const MIN_FUZZY_SCORE = 0.65;
/**
 * Around the old position, the approximate search first looks this far (plus the quote's length)
 * on either side. The best match there is taken without searching the rest of the text when it is
 * a confident one: at most this share of the quote's characters differ (half what is allowed at
 * all) and it scores enough. Otherwise the whole text is searched and its best match taken, as if
 * the search around the old position had not been made.
 */
const NEAR_MARGIN = 2_048;
const NEAR_QUOTE_ERROR_RATE = QUOTE_ERROR_RATE / 2;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const MAX_SCORE = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** Where a passage is now, and whether it was found only approximately. */
export interface Anchored extends TextRange {
  approximate: boolean;
}

interface Candidate extends TextRange {
  errors: number;
}

/** Where the passage is now, or null when it cannot be found with enough confidence. */
export function anchor(text: string, selectors: readonly Selector[]): Anchored | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote) {
    return position && position.start <= position.end && position.end <= text.length
      ? { start: position.start, end: position.end, approximate: false }
      : null;
  }
  const { exact } = quote;
  if (!exact) return null;
  const hint = position?.start;

  if (hint !== undefined && text.startsWith(exact, hint))
    return { start: hint, end: hint + exact.length, approximate: false };

  const exactMatches = findExact(text, exact);
  if (exactMatches.length > 0) {
    const m = exactMatches.length === 1 ? exactMatches[0]! : bestExact(text, exactMatches, quote, hint);
    return found(m, movedAway(m, hint) && !contextIntact(text, m, quote));
  }

  if (exact.length < MIN_FUZZY_QUOTE_LENGTH) return null;
  const maxErrors = Math.min(MAX_QUOTE_ERRORS, Math.floor(exact.length * QUOTE_ERROR_RATE));
  const near = hint === undefined ? null : nearWindow(text.length, hint, exact.length);
  if (near) {
    const best = bestApproximate(text, near, quote, hint, Math.floor(exact.length * NEAR_QUOTE_ERROR_RATE));
    if (best && best.score >= MIN_FUZZY_SCORE) return found(best.match, true);
  }
  // Nothing confident near the old position (or none recorded): the whole text, which includes it.
  const best = bestApproximate(text, { start: 0, end: text.length }, quote, hint, maxErrors);
  return best && best.score >= MIN_FUZZY_SCORE ? found(best.match, true) : null;
}

/** Found beyond the stretch searched first around the old position. */
function movedAway(m: Candidate, hint: number | undefined): boolean {
  return hint !== undefined && Math.abs(m.start - hint) > NEAR_MARGIN;
}

/** The recorded text before and after the quote is still there, unchanged. */
function contextIntact(text: string, m: Candidate, quote: TextQuoteSelector): boolean {
  return text.endsWith(quote.prefix ?? '', m.start) && text.startsWith(quote.suffix ?? '', m.end);
}

/** The stretch of text around the old position to search first, or null when it would be most of the text. */
function nearWindow(length: number, hint: number, quoteLength: number): TextRange | null {
  const margin = quoteLength + NEAR_MARGIN;
  const start = Math.max(0, Math.min(hint, length) - margin);
  const end = Math.min(length, hint + quoteLength + margin);
  return end > start && end - start < length / 2 ? { start, end } : null;
}

/** The best-scoring approximate match of the quote within `within` of the text (offsets in the whole text). */
function bestApproximate(
  text: string,
  within: TextRange,
  quote: TextQuoteSelector,
  hint: number | undefined,
  maxErrors: number,
): { match: Candidate; score: number } | null {
  let best: { match: Candidate; score: number } | null = null;
  for (const found of search(text.slice(within.start, within.end), quote.exact, maxErrors)) {
    const match = { start: found.start + within.start, end: found.end + within.start, errors: found.errors };
    const score = scoreMatch(text, match, quote, hint);
    if (!best || score > best.score) best = { match, score };
  }
  return best;
}

function found(m: Candidate, approximate: boolean): Anchored {
  return { start: m.start, end: m.end, approximate };
}

function findExact(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/**
 * Among verbatim repeats, those whose context is unchanged win outright (closest to the old
 * position first); only when none is intact are contexts compared approximately.
 */
function bestExact(text: string, matches: Candidate[], quote: TextQuoteSelector, hint: number | undefined): Candidate {
  const intact = matches.filter((m) => contextIntact(text, m, quote));
  if (intact.length > 0) {
    const distance = (m: Candidate) => (hint === undefined ? 0 : Math.abs(m.start - hint));
    return intact.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  }
  let best = matches[0]!;
  let bestScore = -1;
  for (const m of matches) {
    const score = scoreMatch(text, m, quote, hint);
    if (score > bestScore) [best, bestScore] = [m, score];
  }
  return best;
}

/** A candidate's score between 0 and 1, weighted as in Hypothesis's `match-quote`. */
function scoreMatch(text: string, m: Candidate, quote: TextQuoteSelector, hint: number | undefined): number {
  const quoteScore = 1 - m.errors / quote.exact.length;
  const prefixScore = quote.prefix
    ? likeness(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix)
    : 1;
  const suffixScore = quote.suffix ? likeness(text.slice(m.end, m.end + quote.suffix.length), quote.suffix) : 1;
  const positionScore = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / Math.max(1, text.length);
  return (
    (WEIGHT.quote * quoteScore +
      WEIGHT.prefix * prefixScore +
      WEIGHT.suffix * suffixScore +
      WEIGHT.position * positionScore) /
    MAX_SCORE
  );
}

/** How alike two short strings are, from 0 (nothing in common) to 1 (identical). */
function likeness(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (!actual) return 0;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}
