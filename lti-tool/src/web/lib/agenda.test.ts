import { beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem } from '@mentoring/shared';
import { addToAgenda, agendaKeys, describeAgendaItem, moveBy, moveKeys, removeAt } from './agenda.ts';
import { speakEnglish } from '../i18n/testing.ts';

beforeAll(speakEnglish);

const goal: AgendaItem = { kind: 'goal', goalId: 'g1' };
const clip: AgendaItem = { kind: 'clip', clipId: 'c1' };
const prompt: AgendaItem = { kind: 'prompt', promptId: 'p1' };
const free: AgendaItem = { kind: 'free', text: 'Budget worries' };

describe('agenda keys', () => {
  it('names items by what they point at and numbers repeated free topics', () => {
    expect(agendaKeys([goal, free, clip, free])).toEqual([
      'goal:g1',
      'free:Budget worries',
      'clip:c1',
      'free:Budget worries#2',
    ]);
  });
});

describe('reordering', () => {
  const items = [goal, clip, prompt, free];
  it('moves an item up or down by one and stops at the ends', () => {
    expect(moveBy(items, 2, -1)).toEqual([goal, prompt, clip, free]);
    expect(moveBy(items, 0, 1)).toEqual([clip, goal, prompt, free]);
    expect(moveBy(items, 0, -1)).toEqual(items);
    expect(moveBy(items, 3, 1)).toEqual(items);
  });
  it('moves dragged items before or after a drop target', () => {
    const keys = agendaKeys(items);
    expect(moveKeys(items, keys, new Set(['free:Budget worries']), 'goal:g1', 'before')).toEqual([
      free,
      goal,
      clip,
      prompt,
    ]);
    expect(moveKeys(items, keys, new Set(['goal:g1', 'clip:c1']), 'prompt:p1', 'after')).toEqual([
      prompt,
      goal,
      clip,
      free,
    ]);
    expect(moveKeys(items, keys, new Set(['goal:g1']), 'goal:g1', 'after')).toEqual(items);
  });
  it('never changes the list it was given', () => {
    const copy = [...items];
    moveBy(items, 1, 1);
    moveKeys(items, agendaKeys(items), new Set(['clip:c1']), 'free:Budget worries', 'after');
    removeAt(items, 0);
    expect(items).toEqual(copy);
  });
});

describe('adding and removing', () => {
  it('adds a goal, clip or prompt once, free topics as often as written', () => {
    expect(addToAgenda([goal], { kind: 'goal', goalId: 'g1' })).toEqual([goal]);
    expect(addToAgenda([free], free)).toEqual([free, free]);
    expect(removeAt([goal, clip, prompt], 1)).toEqual([goal, prompt]);
  });
});

describe('describeAgendaItem', () => {
  it('says plainly when what an item pointed at is gone', () => {
    expect(describeAgendaItem(goal, { goals: [], clips: [], prompts: [] }).title).toMatch(/no longer available/);
    expect(describeAgendaItem(free, { goals: [], clips: [], prompts: [] })).toEqual({
      kindLabel: 'Topic',
      title: 'Budget worries',
      detail: null,
    });
  });
});
