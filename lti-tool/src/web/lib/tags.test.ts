import { describe, expect, it } from 'vitest';
import { formatTags, parseTags } from './tags.ts';

describe('tags', () => {
  it('splits on commas, trims, and drops empties and repeats', () => {
    expect(parseTags(' feedback,  staff   meetings ,,Feedback, ')).toEqual(['feedback', 'staff meetings']);
    expect(parseTags('')).toEqual([]);
  });
  it('round-trips', () => {
    expect(parseTags(formatTags(['a', 'b c']))).toEqual(['a', 'b c']);
  });
});
