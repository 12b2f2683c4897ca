/**
 * Describing a selected passage with W3C Web Annotation selectors, so it can be found again on a
 * later visit (see `anchor.ts`). Pure: works on the page's flat text, not on the DOM.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../domain.ts';

/** How much text on each side of a passage is kept to tell repeated quotes apart. */
export const CONTEXT_LENGTH = 32;

export type PassageSelectors = [TextQuoteSelector, TextPositionSelector];

/** Selectors for `text.slice(start, end)`: the quote with its surrounding context, and its offsets. */
export function describe(text: string, start: number, end: number): PassageSelectors {
  if (!(start >= 0 && start <= end && end <= text.length)) {
    throw new RangeError(`invalid passage ${start}..${end} in a text of ${text.length} characters`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
