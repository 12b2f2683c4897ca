import { describe, expect, it } from 'vitest';
import { collegial, member, mentoring } from './partnerships.fixture.ts';
import {
  DAY,
  DEFAULT_DELIVERY,
  HOUR,
  deliveryOf,
  digestMoment,
  recipientsOf,
  reminderDue,
  retryDelayMs,
} from './notifications.ts';
import { NotificationData } from '../notifications.ts';

describe('who hears of an event', () => {
  it('never the one who caused it; the partner of a conversation change', () => {
    expect(recipientsOf({ kind: 'conversation-scheduled', actorId: 'ben' }, mentoring)).toEqual(['mara']);
    expect(recipientsOf({ kind: 'conversation-moved', actorId: 'mara' }, mentoring)).toEqual(['ben']);
  });
  it('both partners of a reminder, of commitments due, of a quiet partnership and of a staff nudge', () => {
    for (const kind of ['conversation-reminder', 'commitments-due', 'partnership-quiet', 'nudge'] as const)
      expect(recipientsOf({ kind }, mentoring)).toEqual(['mara', 'ben']);
  });
  it('the invited person only, while they have not answered', () => {
    const invited = { ...mentoring, members: [member('mara', 'mentor'), member('ben', 'mentee', 'pending')] };
    expect(recipientsOf({ kind: 'invitation', actorId: 'mara' }, invited)).toEqual(['ben']);
    // A pending invitee hears nothing else yet; one who declined hears nothing.
    expect(recipientsOf({ kind: 'conversation-reminder' }, invited)).toEqual(['mara']);
    const declined = { ...mentoring, members: [member('mara', 'mentor'), member('ben', 'mentee', 'declined')] };
    expect(recipientsOf({ kind: 'partnership-quiet' }, declined)).toEqual(['mara']);
  });
  it('what waits for review and requests reach the mentor; in collegial coaching the other peer', () => {
    expect(recipientsOf({ kind: 'review-waiting', actorId: 'ben' }, mentoring)).toEqual(['mara']);
    expect(recipientsOf({ kind: 'request-asked', actorId: 'ben' }, mentoring)).toEqual(['mara']);
    expect(recipientsOf({ kind: 'review-waiting', actorId: 'fay' }, collegial)).toEqual(['eli']);
  });
  it('an answer reaches whoever asked; an evaluation the mentee it is about', () => {
    expect(recipientsOf({ kind: 'request-answered', actorId: 'mara', askedById: 'ben' }, mentoring)).toEqual(['ben']);
    expect(recipientsOf({ kind: 'evaluation-completed', actorId: 'mara', menteeId: 'ben' }, mentoring)).toEqual([
      'ben',
    ]);
  });
});

describe('how a person hears of it', () => {
  it('defaults: at once for invitations and conversations, a digest for review', () => {
    expect(DEFAULT_DELIVERY.invitation).toBe('now');
    expect(DEFAULT_DELIVERY['conversation-cancelled']).toBe('now');
    expect(DEFAULT_DELIVERY['review-waiting']).toBe('digest');
    expect(deliveryOf('review-waiting', { 'review-waiting': 'off' })).toBe('off');
    expect(deliveryOf('invitation', { 'review-waiting': 'off' })).toBe('now');
  });
});

describe('timing', () => {
  const at = Date.parse('2026-03-10T15:00:00Z');
  it('a reminder is due from its lead time until the conversation begins, also after a restart spanning it', () => {
    expect(reminderDue(at, 24, at - 25 * HOUR)).toBe(false);
    expect(reminderDue(at, 24, at - 24 * HOUR)).toBe(true);
    expect(reminderDue(at, 24, at - 1)).toBe(true);
    expect(reminderDue(at, 24, at)).toBe(false);
  });
  it('digests go out daily at their hour', () => {
    expect(new Date(digestMoment(at, 7)).toISOString()).toBe('2026-03-10T07:00:00.000Z');
    expect(new Date(digestMoment(at, 18)).toISOString()).toBe('2026-03-09T18:00:00.000Z');
    expect(digestMoment(at + DAY, 7) - digestMoment(at, 7)).toBe(DAY);
  });
  it('retries back off, doubling up to six hours', () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(2)).toBe(120_000);
    expect(retryDelayMs(30)).toBe(6 * HOUR);
  });
});

describe('notice data', () => {
  it('the data schema carries no free text field', () => {
    expect(Object.keys(NotificationData.shape).sort()).toEqual(
      ['actorName', 'checkpointName', 'count', 'partnerNames', 'programName', 'when'].sort(),
    );
  });
});
