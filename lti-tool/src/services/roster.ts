/**
 * The course roster through LTI Names and Roles: synced when staff launch and on demand, so
 * coordinators can form partnerships with people who have not launched yet.
 */
import { programRoleFromLtiRoles, type Roster } from '@mentoring/shared';
import {
  findProgram,
  markRosterSynced,
  roster,
  upsertMembership,
  upsertPerson,
  type ProgramRow,
} from '../models/programs.ts';
import { conflict, notFound, upstream } from './errors.ts';
import { cacheKey } from '../db/invalidations.ts';
import type { App } from './app.ts';

interface NrpsMember {
  user_id: string;
  roles?: string[];
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  status?: string;
}

/** One sync per program at a time: a staff launch and a "Sync roster" click share the same run. */
const running = new Map<string, Promise<Roster>>();

export function syncRoster(app: App, programId: string): Promise<Roster> {
  const current = running.get(programId);
  if (current) return current;
  const run = fetchAndStoreRoster(app, programId).finally(() => running.delete(programId));
  running.set(programId, run);
  return run;
}

async function fetchAndStoreRoster(app: App, programId: string): Promise<Roster> {
  const program = await findProgram(app.sql, programId);
  if (!program) throw notFound('The program');
  if (!program.nrps_url) {
    throw conflict(
      'The LMS did not offer its roster (Names and Roles) for this course; people appear here as they launch the tool.',
    );
  }
  let members: NrpsMember[];
  try {
    const answer = (await app.lti.NamesAndRoles.getMembers(idTokenFor(program), { pages: false })) as {
      members?: NrpsMember[];
    };
    members = answer.members ?? [];
  } catch (err) {
    app.log.warn({ err, programId }, 'roster sync failed');
    throw upstream(`The LMS did not give the roster: ${(err as Error).message}`);
  }
  const now = app.clock.now();
  const synced: string[] = [];
  const roleChanged: string[] = [];
  await app.sql.tx(async (sql) => {
    // The program row first, as a launch does, so the two never wait on each other in opposite order.
    await markRosterSynced(sql, programId, now);
    for (const m of members) {
      if (!m.user_id || (m.status && m.status !== 'Active')) continue;
      const name = m.name || [m.given_name, m.family_name].filter(Boolean).join(' ') || 'Unnamed participant';
      const personId = await upsertPerson(
        sql,
        { issuer: program.issuer, subject: m.user_id, name, email: m.email ?? null },
        now,
      );
      synced.push(cacheKey.person(personId));
      const lmsRoles = m.roles ?? [];
      const programRole = programRoleFromLtiRoles(lmsRoles);
      const before = await upsertMembership(sql, { programId, personId, lmsRoles, programRole, launchedAt: null }, now);
      if (before !== null && before !== programRole) roleChanged.push(cacheKey.member(programId, personId));
    }
  });
  await app.invalidations.publish(cacheKey.program(programId), ...synced, ...roleChanged);
  return { people: await roster(app.sql, programId), syncedAt: new Date(now).toISOString() };
}

/** ltijs's services take an id token; a stored program carries all they read from one (roster and gradebook). */
export function idTokenFor(p: ProgramRow) {
  return {
    iss: p.issuer,
    clientId: p.client_id,
    deploymentId: p.deployment_id,
    platformContext: {
      namesRoles: { context_memberships_url: p.nrps_url },
      endpoint: { lineitems: p.ags_lineitems_url },
    },
  };
}
