import { describe, expect, it } from 'vitest';
import { pseudoMessages, pseudoText } from './pseudo.ts';

describe('pseudoText', () => {
  it('accents the letters and makes each word a third longer with tildes', () => {
    expect(pseudoText('Clip the selection')).toBe('Çlíp~~ thé~~ šéléçtíöñ~~~~');
  });

  it('leaves text without letters as it is', () => {
    expect(pseudoText(' — ')).toBe(' — ');
  });
});

describe('pseudoMessages', () => {
  it('changes every message’s text and keeps its placeholders, plural argument and keys', () => {
    const shown = pseudoMessages({
      plain: 'Goals',
      compiled: ['Clipped by ', ['name'], '.'],
      plural: [['count', 'plural', { one: ['#', ' clip'], other: ['#', ' clips'] }]],
    });
    expect(shown.plain).toBe('Göálš~~');
    expect(shown.compiled).toEqual(['Çlíppéd~~~ bý~ ', ['name'], '.']);
    expect(shown.plural).toEqual([['count', 'plural', { one: ['#', ' çlíp~~'], other: ['#', ' çlípš~~'] }]]);
  });
});
