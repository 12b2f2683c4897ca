/**
 * The course roster through LTI Names and Roles: synced when staff launch and on demand, so
 * coordinators can form partnerships with people who have not launched yet.
 */
import { z } from 'zod';
import { programRoleFromLtiRoles, type Roster, type RosterSyncReport } from '@mentoring/shared';
import {
  findProgram,
  markRosterAbsent,
  markRosterSynced,
  roster,
  upsertMembership,
  upsertPerson,
  type ProgramRow,
} from '../models/programs.ts';
import { conflict, notFound, upstream } from './errors.ts';
import { cacheKey } from '../db/invalidations.ts';
import { storableText } from '../lti/claims.ts';
import type { App } from './app.ts';

/** Names and Roles 2.0: a membership container with a `members` list. */
const NrpsContainer = z.object({ members: z.array(z.unknown()) });
const optionalText = storableText(500).nullish();
const NrpsMember = z.object({
  user_id: storableText(255).min(1),
  roles: z.array(storableText(500)).max(500),
  name: optionalText,
  given_name: optionalText,
  family_name: optionalText,
  email: storableText(320).nullish(),
  status: z.string().nullish(),
});
type NrpsMember = z.infer<typeof NrpsMember>;

const NOT_NRPS = /*i18n*/ {
  id: 'refusal.roster.not-nrps',
  message:
    'The LMS answered the roster request in a format other than Names and Roles 2.0, so nobody could be read. Ask your LMS administrator whether Names and Roles Provisioning 2.0 is enabled for the tool.',
};

/** Reads the members of an NRPS answer; refuses an answer in another format rather than report an empty success. */
export function readNrpsMembers(answer: unknown): { members: NrpsMember[]; report: RosterSyncReport } {
  const container = NrpsContainer.safeParse(answer);
  if (!container.success) throw upstream(NOT_NRPS);
  const members: NrpsMember[] = [];
  for (const entry of container.data.members) {
    const member = NrpsMember.safeParse(entry);
    if (member.success) members.push(member.data);
  }
  const skipped = container.data.members.length - members.length;
  if (members.length === 0 && skipped > 0) throw upstream(NOT_NRPS);
  const warnings = skipped
    ? [
        `${skipped} of the ${container.data.members.length} entries the LMS sent are not Names and Roles 2.0 members (no user_id or roles) and were left out.`,
      ]
    : [];
  return { members, report: { membersRead: members.length, entriesSkipped: skipped, warnings } };
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
      /*i18n*/ {
        id: 'refusal.roster.not-offered',
        message:
          'The LMS did not offer its roster (Names and Roles) for this course; people appear here as they launch the tool.',
      },
    );
  }
  let answer: unknown;
  try {
    answer = await app.lti.NamesAndRoles.getMembers(idTokenFor(program), { pages: false });
  } catch (err) {
    app.log.warn({ err, programId }, 'roster sync failed');
    throw upstream(
      /*i18n*/ {
        id: 'refusal.roster.not-given',
        message:
          'The LMS did not give the roster (Names and Roles). Try again later; if it keeps failing, ask your LMS administrator to check the tool’s access to the course roster.',
      },
    );
  }
  const { members, report } = readNrpsMembers(answer);
  if (report.warnings.length) app.log.warn({ programId, ...report }, 'roster sync read part of the answer');
  const now = app.clock.now();
  const synced: string[] = [];
  const roleChanged: string[] = [];
  await app.sql.tx(async (sql) => {
    // The program row first, as a launch does, so the two never wait on each other in opposite order.
    await markRosterSynced(sql, programId, now);
    // Whoever this sync does not list as Active (Inactive, Deleted, or absent) is no longer in the course.
    await markRosterAbsent(sql, programId, now);
    for (const m of members) {
      if (m.status && m.status !== 'Active') continue;
      const name = m.name || [m.given_name, m.family_name].filter(Boolean).join(' ') || 'Unnamed participant';
      const personId = await upsertPerson(
        sql,
        { issuer: program.issuer, subject: m.user_id, name, email: m.email ?? null },
        now,
      );
      synced.push(cacheKey.person(personId));
      const lmsRoles = m.roles;
      const programRole = programRoleFromLtiRoles(lmsRoles);
      const before = await upsertMembership(
        sql,
        { programId, personId, lmsRoles, programRole, launchedAt: null, inRoster: true },
        now,
      );
      if (before !== null && before !== programRole) roleChanged.push(cacheKey.member(programId, personId));
    }
  });
  await app.invalidations.publish(cacheKey.program(programId), ...synced, ...roleChanged);
  return { people: await roster(app.sql, programId), syncedAt: new Date(now).toISOString(), sync: report };
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
