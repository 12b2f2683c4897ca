import { beforeAll, describe, expect, it } from 'vitest';
import type { GoalEvent } from '@mentoring/shared';
import { goalChangeLine } from './history.ts';
import { speakEnglish } from '../i18n/testing.ts';

beforeAll(speakEnglish);

const line = (event: GoalEvent['event'], change = '') =>
  goalChangeLine({ at: '2026-03-02T09:00:00.000Z', byId: 'a', change, event });

describe('goal history lines', () => {
  it('words what was recorded', () => {
    expect(line({ kind: 'created' })).toBe('set the goal');
    expect(line({ kind: 'status', status: 'achieved' })).toBe('marked it achieved');
    expect(line({ kind: 'coach', name: null })).toBe('left it without a coach');
    expect(line({ kind: 'action-done', text: 'Visit', done: false })).toBe('reopened the action “Visit”');
  });
  it('shows a line kept as text before there was data as it was kept', () => {
    expect(line(null, 'set the goal')).toBe('set the goal');
  });
});
