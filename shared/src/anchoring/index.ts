/** Text anchoring: describe a passage with selectors, and find it again later. */
export { describe, CONTEXT_LENGTH, type PassageSelectors } from './describe.ts';
export { anchor, type Anchored, type TextRange } from './anchor.ts';
