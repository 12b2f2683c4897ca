import { describe, expect, it } from 'vitest';
import { isQuiet } from './activity.ts';

const now = Date.parse('2026-06-30T12:00:00Z');
const base = {
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
  lastConversationAt: null,
  nextConversationAt: null,
};

describe('isQuiet', () => {
  it('flags active partnerships without a recent or upcoming conversation', () => {
    expect(isQuiet(base, 21, now)).toBe(true);
    expect(isQuiet({ ...base, lastConversationAt: '2026-06-20T00:00:00Z' }, 21, now)).toBe(false);
    expect(isQuiet({ ...base, nextConversationAt: '2026-07-02T00:00:00Z' }, 21, now)).toBe(false);
  });
  it('never flags invitations or closed partnerships', () => {
    expect(isQuiet({ ...base, status: 'closed' }, 21, now)).toBe(false);
    expect(isQuiet({ ...base, status: 'invited' }, 21, now)).toBe(false);
  });
});
