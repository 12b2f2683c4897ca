import { describe, expect, it } from 'vitest';
import { defaultHeldAt, heldAtProblem } from './conversations.ts';

const now = Date.parse('2026-12-02T10:00:00Z');

describe('held date', () => {
  it('offers the scheduled time once it has passed, else now', () => {
    expect(defaultHeldAt('2026-11-30T15:00:00Z', now).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(defaultHeldAt('2026-12-04T15:00:00Z', now).getTime()).toBe(now);
  });

  it('refuses a held date later than now, within a minute of leeway', () => {
    expect(heldAtProblem('2026-12-04T15:00:00Z', now)).toBe('later_than_now');
    expect(heldAtProblem('2026-12-02T10:00:30Z', now)).toBeNull();
    expect(heldAtProblem('2026-12-01T10:00:00Z', now)).toBeNull();
  });
});
