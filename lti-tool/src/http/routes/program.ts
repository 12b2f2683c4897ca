/** The signed-in person and their program: who am I, the roster, the directory. */
import { directoryFor } from '@mentoring/shared';
import type { Handlers } from '../api.ts';
import { findPerson, findProgram, roster, rosterSyncedAt, toProgram } from '../../models/programs.ts';
import { syncRoster } from '../../services/roster.ts';
import { notFound } from '../errors.ts';
import type { App } from '../../services/app.ts';

export function programHandlers(app: App): Pick<Handlers, 'me' | 'programPeople' | 'syncRoster' | 'programDirectory'> {
  return {
    async me(p) {
      const [person, program] = await Promise.all([
        app.cache.get(`person:${p.personId}`, () => findPerson(app.sql, p.personId)),
        app.cache.get(`program:${p.programId}`, () => findProgram(app.sql, p.programId)),
      ]);
      if (!person || !program) throw notFound('Your program');
      return { person, program: toProgram(program), programRole: p.programRole };
    },
    async programPeople(p) {
      const program = await findProgram(app.sql, p.programId);
      if (!program) throw notFound('Your program');
      return { people: await roster(app.sql, p.programId), syncedAt: rosterSyncedAt(program) };
    },
    async syncRoster(p) {
      return syncRoster(app, p.programId);
    },
    async programDirectory(p) {
      return { people: directoryFor(await roster(app.sql, p.programId), p.personId) };
    },
  };
}
