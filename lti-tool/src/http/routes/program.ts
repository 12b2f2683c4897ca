/** The signed-in person and their program: who am I, the roster, the directory. */
import { directoryFor } from '@mentoring/shared';
import type { Handlers } from '../api.ts';
import { findProgram, roster, rosterSyncedAt } from '../../models/programs.ts';
import { syncRoster } from '../../services/roster.ts';
import { notFound } from '../../services/errors.ts';
import type { App } from '../../services/app.ts';
import { chooseMyLocale, reportMyTimeZone, describeMe } from '../../services/me.ts';

export function programHandlers(
  app: App,
): Pick<Handlers, 'me' | 'chooseLocale' | 'reportTimeZone' | 'programPeople' | 'syncRoster' | 'programDirectory'> {
  return {
    me: (p, { languages }) => describeMe(app, p, languages),
    chooseLocale: (p, { body, languages }) => chooseMyLocale(app, p, body.locale, languages),
    reportTimeZone: (p, { body, languages }) => reportMyTimeZone(app, p, body.timeZone, languages),
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
