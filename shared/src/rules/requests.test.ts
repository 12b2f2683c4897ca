import { describe, expect, it } from 'vitest';
import { collegial, mentoring } from './partnerships.fixture.ts';
import { canAnswerRequest, canAskForResource, requestAnswerRefusal, requestAskRefusal } from './requests.ts';

describe('who asks for a resource', () => {
  it('the mentee in mentoring, either partner in collegial coaching, nobody once closed', () => {
    expect(canAskForResource(mentoring, 'ben')).toBe(true);
    expect(canAskForResource(mentoring, 'mara')).toBe(false);
    expect(canAskForResource(collegial, 'eli')).toBe(true);
    expect(canAskForResource(collegial, 'fay')).toBe(true);
    expect(canAskForResource({ ...mentoring, status: 'closed' }, 'ben')).toBe(false);
    expect(requestAskRefusal(mentoring, 'mara')).toBe('not_mentee');
    expect(requestAskRefusal({ ...mentoring, status: 'closed' }, 'ben')).toBe('not_active_member');
  });
});

describe('who answers a resource request', () => {
  const fromBen = { askedById: 'ben', status: 'open' as const };
  it('the mentor in mentoring; never the one who asked', () => {
    expect(canAnswerRequest(mentoring, fromBen, 'mara')).toBe(true);
    expect(requestAnswerRefusal(mentoring, fromBen, 'ben')).toBe('not_answerer');
  });
  it('in collegial coaching, the partner who was asked', () => {
    const fromFay = { askedById: 'fay', status: 'open' as const };
    expect(canAnswerRequest(collegial, fromFay, 'eli')).toBe(true);
    expect(canAnswerRequest(collegial, fromFay, 'fay')).toBe(false);
  });
  it('once: an answered request is a conflict, not a second answer', () => {
    expect(requestAnswerRefusal(mentoring, { askedById: 'ben', status: 'answered' }, 'mara')).toBe('answered');
  });
});
