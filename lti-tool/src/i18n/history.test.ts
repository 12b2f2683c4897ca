import { describe, expect, it } from 'vitest';
import { goalChangeText, readGoalChange } from './history.ts';
import { serverI18n } from './server.ts';

describe('goal history lines', () => {
  it('reads a line kept as data, and leaves one kept as English text (before data) to be shown as is', () => {
    expect(readGoalChange('{"kind":"status","status":"parked"}')).toEqual({ kind: 'status', status: 'parked' });
    expect(readGoalChange('set the goal')).toBeNull();
    expect(readGoalChange('{not json')).toBeNull();
    expect(readGoalChange('{"kind":"unheard-of"}')).toBeNull();
  });

  it('words a line in the reader’s language and time zone', () => {
    const line = { kind: 'action-added', text: 'Visitar', conversationOn: '2026-10-01T03:00:00.000Z' } as const;
    expect(goalChangeText(serverI18n('en'), line, 'en')).toBe(
      'added the action “Visitar” in the conversation of Oct 1, 2026',
    );
    expect(goalChangeText(serverI18n('es'), line, 'es', 'America/Mexico_City')).toBe(
      'agregó la acción «Visitar» en la conversación del 30 sept 2026',
    );
    expect(goalChangeText(serverI18n('fr'), { kind: 'status', status: 'achieved' }, 'fr')).toBe(
      'l’a marqué comme atteint',
    );
  });
});
