import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_LENGTH } from '../domain.ts';
import { clipPageUrl, findDuplicate, limitQuote } from './clips.ts';

describe('clip rules', () => {
  it('keeps clips under the page address without its fragment', () => {
    expect(clipPageUrl('https://example.org/a?b=1#sec')).toBe('https://example.org/a?b=1');
  });
  it('finds the same passage regardless of whitespace and case', () => {
    const clips = [{ url: 'https://x.org/p#top', quote: 'Co-create\n the  dance' }];
    expect(findDuplicate(clips, 'https://x.org/p', 'co-create the dance')).toBe(clips[0]);
    expect(findDuplicate(clips, 'https://x.org/q', 'co-create the dance')).toBeUndefined();
  });
  it('cuts over-long selections with a notice', () => {
    const r = limitQuote('a'.repeat(MAX_QUOTE_LENGTH + 5));
    expect(r.truncated).toBe(true);
    expect(r.quote).toHaveLength(MAX_QUOTE_LENGTH);
    expect(r.notice).toMatch(/first 10,000/);
    expect(limitQuote('short').truncated).toBe(false);
  });
});
