import { describe, expect, it } from 'vitest';
import type { PartnershipView } from './access.ts';
import { canChangeCommitment, canDeleteGoal, canDeletePrompt } from './deletion.ts';

const member = (personId: string, role: 'mentor' | 'mentee') => ({
  personId,
  name: personId,
  role,
  invitation: 'accepted' as const,
});
const p: PartnershipView = {
  kind: 'mentoring',
  status: 'active',
  members: [member('mo', 'mentor'), member('mei', 'mentee')],
};

describe('who may delete', () => {
  it('a goal: only the mentee who owns it, while the partnership is active', () => {
    expect(canDeleteGoal(p, { ownerId: 'mei' }, 'mei')).toBe(true);
    expect(canDeleteGoal(p, { ownerId: 'mei' }, 'mo')).toBe(false);
    expect(canDeleteGoal({ ...p, status: 'paused' }, { ownerId: 'mei' }, 'mei')).toBe(false);
    expect(canDeleteGoal(p, { ownerId: 'mei' }, 'stranger')).toBe(false);
  });

  it('a prompt: whoever asked it, until it is answered', () => {
    expect(canDeletePrompt(p, { authorId: 'mo', response: null }, 'mo')).toBe(true);
    expect(canDeletePrompt(p, { authorId: 'mo', response: null }, 'mei')).toBe(false);
    expect(canDeletePrompt(p, { authorId: 'mo', response: 'My answer' }, 'mo')).toBe(false);
  });

  it('a commitment: either partner, never anyone else or a closed partnership', () => {
    expect(canChangeCommitment(p, 'mo')).toBe(true);
    expect(canChangeCommitment(p, 'mei')).toBe(true);
    expect(canChangeCommitment(p, 'stranger')).toBe(false);
    expect(canChangeCommitment({ ...p, status: 'closed' }, 'mei')).toBe(false);
  });
});
