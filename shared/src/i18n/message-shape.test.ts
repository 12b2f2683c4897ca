import { describe, expect, it } from 'vitest';
import { messageShape, missingPluralForms, PLURAL_FORMS, rawCounts, type MessageToken } from './message-shape.ts';

// Parsed as Lingui's compileMessage parses `{n, plural, one {# clip <0>new</0>} other {# clips}} for {who}`.
const clips: MessageToken[] = [
  ['n', 'plural', { one: ['#', ' clip <0>new</0>'], other: ['#', ' clips'] }],
  ' for ',
  ['who'],
];

describe('the shape of a message', () => {
  it('names its arguments, a select’s keys, # and markup, not a plural’s forms', () => {
    expect(messageShape(clips)).toEqual(['#', '</0>', '<0>', 'n', 'who']);
    expect(messageShape([['role', 'select', { mentor: ['mentor'], other: ['mentee'] }]])).toEqual([
      'role:mentor|other',
    ]);
  });

  it('finds a count written bare, not one in a plural or formatted as a number', () => {
    expect(rawCounts([['count'], ' clips'])).toEqual(['count']);
    expect(rawCounts([['clipCount'], ' of ', ['total', 'number']])).toEqual(['clipCount']);
    expect(rawCounts(clips)).toEqual([]);
    expect(rawCounts([['who'], ' wrote'])).toEqual([]);
  });
});

describe('plural forms', () => {
  it('asks Arabic for one, two, few, many and other', () => {
    expect(missingPluralForms(clips, PLURAL_FORMS.ar!)).toEqual(['n: two, few, many']);
    expect(missingPluralForms(clips, PLURAL_FORMS.es!)).toEqual([]);
    expect(missingPluralForms([['who']], PLURAL_FORMS.ar!)).toEqual([]);
  });
});
