import { describe, expect, it } from 'vitest';
import { collegial, member, mentoring } from './partnerships.fixture.ts';
import { canRespondToPrompt, promptResponders, promptResponseRefusal } from './prompts.ts';

describe('who responds to a prompt', () => {
  it('in mentoring, the mentee, whoever asked', () => {
    const byMentor = { authorId: 'mara', goalId: null };
    const byMentee = { authorId: 'ben', goalId: null };
    expect(canRespondToPrompt(mentoring, byMentor, null, 'ben')).toBe(true);
    expect(canRespondToPrompt(mentoring, byMentee, null, 'ben')).toBe(true);
    expect(promptResponseRefusal(mentoring, byMentor, null, 'mara')).toBe('not_mentee');
  });
  it('in collegial coaching, the owner of the goal the prompt is about, even if they asked', () => {
    const aboutFaysGoal = { authorId: 'fay', goalId: 'g1' };
    expect(canRespondToPrompt(collegial, aboutFaysGoal, 'fay', 'fay')).toBe(true);
    expect(promptResponseRefusal(collegial, aboutFaysGoal, 'fay', 'eli')).toBe('not_goal_owner');
  });
  it('in collegial coaching, a prompt about no goal is for the partner who did not ask', () => {
    const byEli = { authorId: 'eli', goalId: null };
    expect(canRespondToPrompt(collegial, byEli, null, 'fay')).toBe(true);
    expect(canRespondToPrompt(collegial, byEli, null, 'eli')).toBe(false);
    expect(promptResponseRefusal(collegial, byEli, null, 'eli')).toBe('asked_it');
  });
  it('nobody responds in a closed partnership, nor outsiders or those who declined', () => {
    const prompt = { authorId: 'mara', goalId: null };
    expect(promptResponseRefusal({ ...mentoring, status: 'closed' }, prompt, null, 'ben')).toBe('not_active_member');
    expect(canRespondToPrompt(mentoring, prompt, null, 'stranger')).toBe(false);
    const declined = { ...mentoring, members: [member('mara', 'mentor'), member('ben', 'mentee', 'declined')] };
    expect(canRespondToPrompt(declined, prompt, null, 'ben')).toBe(false);
  });
  it('names who responds, for the apps to show beside the prompt', () => {
    expect(promptResponders(mentoring, { authorId: 'ben', goalId: null }, null)).toEqual(['ben']);
    expect(promptResponders(collegial, { authorId: 'fay', goalId: 'g1' }, 'fay')).toEqual(['fay']);
    expect(promptResponders(collegial, { authorId: 'eli', goalId: null }, null)).toEqual(['fay']);
    // The same names in a closed partnership, where nobody may respond any more.
    expect(promptResponders({ ...mentoring, status: 'closed' }, { authorId: 'mara', goalId: null }, null)).toEqual([
      'ben',
    ]);
  });
});
