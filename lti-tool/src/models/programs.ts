/** Programs (LMS course contexts), people, and their memberships. */
import crypto from 'node:crypto';
import { matchLocale } from '@mentoring/shared/rules/locale';
import { isTimeZone } from '@mentoring/shared/format';
import type {
  Locale,
  MemberRole,
  PartnershipKind,
  PartnershipStatus,
  Person,
  Program,
  ProgramRole,
  RosterEntry,
} from '@mentoring/shared';
import { bool, json, time, type Sql } from '../db/sql.ts';

export interface ProgramRow {
  id: string;
  issuer: string;
  client_id: string;
  deployment_id: string;
  context_id: string;
  title: string;
  label: string | null;
  platform_name: string | null;
  nrps_url: string | null;
  ags_lineitems_url: string | null;
  quiet_after_days: number;
  course_url: string | null;
  roster_synced_at: number | string | null;
}

export const toProgram = (r: ProgramRow): Program => ({
  id: r.id,
  title: r.title,
  label: r.label,
  platformName: r.platform_name,
});

export interface LtiContext {
  issuer: string;
  clientId: string;
  deploymentId: string;
  contextId: string;
  title: string;
  label: string | null;
  platformName: string | null;
  nrpsUrl: string | null;
  agsLineItemsUrl: string | null;
  /** The course's page on the platform, from the launch's return address. */
  courseUrl: string | null;
}

/**
 * Inserts or refreshes the program of an LTI context; answers its id. Insert-or-nothing first, so
 * two launches into a new course at once (or a launch beside a roster sync) never collide.
 */
export async function upsertProgram(sql: Sql, c: LtiContext, now: number): Promise<string> {
  // One statement: a launch pays one round trip for its program, inserted or refreshed.
  const [row] = await sql.returning<{ id: string }>(
    `INSERT INTO programs (id, issuer, client_id, deployment_id, context_id, title, label, platform_name, nrps_url, ags_lineitems_url, course_url, quiet_after_days, created_at, updated_at)
     VALUES (:id, :issuer, :clientId, :deploymentId, :contextId, :title, :label, :platformName, :nrpsUrl, :agsLineItemsUrl, :courseUrl, 21, :now, :now)
     ON CONFLICT (issuer, deployment_id, context_id) DO UPDATE SET
       client_id = excluded.client_id, title = excluded.title, label = excluded.label, platform_name = excluded.platform_name,
       nrps_url = COALESCE(excluded.nrps_url, programs.nrps_url),
       ags_lineitems_url = COALESCE(excluded.ags_lineitems_url, programs.ags_lineitems_url),
       course_url = COALESCE(excluded.course_url, programs.course_url), updated_at = excluded.updated_at
     RETURNING id`,
    { ...c, now, id: crypto.randomUUID() },
  );
  return row!.id;
}

export async function findProgram(sql: Sql, id: string): Promise<ProgramRow | undefined> {
  return sql.one<ProgramRow>('SELECT * FROM programs WHERE id = :id', { id });
}

export interface LtiPerson {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  /** The language a launch asked for (null: one the tool does not speak); roster syncs do not know it. */
  launchLocale?: Locale | null;
}

/** Inserts or refreshes a person (issuer + sub); answers their id. Safe when two launches race. */
export async function upsertPerson(sql: Sql, p: LtiPerson, now: number): Promise<string> {
  // Platforms may leave out name and email (privacy settings): keep what we knew. The row's
  // updated_at moves only when something did change. A roster sync does not know the launch's language.
  const localeKnown = p.launchLocale === undefined ? 0 : 1;
  const [row] = await sql.returning<{ id: string }>(
    `INSERT INTO people (id, issuer, subject, name, email, launch_locale, created_at, updated_at)
     VALUES (:id, :issuer, :subject, :name, :email, :launchLocale, :now, :now)
     ON CONFLICT (issuer, subject) DO UPDATE SET
       name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE people.name END,
       email = COALESCE(excluded.email, people.email),
       launch_locale = CASE WHEN :localeKnown = 1 THEN excluded.launch_locale ELSE people.launch_locale END,
       updated_at = CASE
         WHEN (excluded.name <> '' AND excluded.name <> people.name)
           OR (excluded.email IS NOT NULL AND (people.email IS NULL OR excluded.email <> people.email))
           OR (:localeKnown = 1 AND excluded.launch_locale IS DISTINCT FROM people.launch_locale)
         THEN excluded.updated_at ELSE people.updated_at END
     RETURNING id`,
    { ...p, launchLocale: p.launchLocale ?? null, localeKnown, id: crypto.randomUUID(), now },
  );
  return row!.id;
}

/** The person's chosen language and the one their last launch asked for (rules/locale.ts decides). */
export async function personLocales(
  sql: Sql,
  id: string,
): Promise<{ chosen: Locale | null; launch: Locale | null; timeZone: string | null } | undefined> {
  const row = await sql.one<{ locale: string | null; launch_locale: string | null; time_zone: string | null }>(
    'SELECT locale, launch_locale, time_zone FROM people WHERE id = :id',
    { id },
  );
  return (
    row && {
      chosen: matchLocale(row.locale),
      launch: matchLocale(row.launch_locale),
      timeZone: isTimeZone(row.time_zone) ? row.time_zone : null,
    }
  );
}

/** The time zone the person's browser reported (null: not known, read as UTC). */
export async function keepTimeZone(sql: Sql, id: string, timeZone: string | null, now: number): Promise<void> {
  await sql.run('UPDATE people SET time_zone = :timeZone, updated_at = :now WHERE id = :id', { id, timeZone, now });
}

export async function chooseLocale(sql: Sql, id: string, locale: Locale | null, now: number): Promise<void> {
  await sql.run('UPDATE people SET locale = :locale, updated_at = :now WHERE id = :id', { id, locale, now });
}

export async function findPerson(sql: Sql, id: string): Promise<Person | undefined> {
  return sql.one<Person>('SELECT id, name, email FROM people WHERE id = :id', { id });
}

/**
 * Inserts or refreshes a membership; answers the role it had before (null when new). Safe when two
 * writers race. Whether the person is in the course is the roster sync's to say (`inRoster`): a
 * launch leaves it as the last sync found it (a site administrator may launch into any course).
 */
export async function upsertMembership(
  sql: Sql,
  m: {
    programId: string;
    personId: string;
    lmsRoles: string[];
    programRole: ProgramRole;
    launchedAt: number | null;
    inRoster?: boolean;
  },
  now: number,
): Promise<ProgramRole | null> {
  const values = {
    ...m,
    lmsRoles: json.write(m.lmsRoles),
    now,
    inRoster: m.inRoster ?? true,
    keepRoster: m.inRoster === undefined,
  };
  const existing = await sql.one<{ program_role: ProgramRole }>(
    'SELECT program_role FROM memberships WHERE program_id = :programId AND person_id = :personId',
    values,
  );
  await sql.run(
    `INSERT INTO memberships (program_id, person_id, lms_roles, program_role, in_roster, last_launch_at, created_at, updated_at)
     VALUES (:programId, :personId, :lmsRoles, :programRole, :inRoster, :launchedAt, :now, :now)
     ON CONFLICT (program_id, person_id) DO UPDATE SET
       lms_roles = excluded.lms_roles, program_role = excluded.program_role,
       in_roster = CASE WHEN :keepRoster THEN memberships.in_roster ELSE excluded.in_roster END,
       last_launch_at = COALESCE(excluded.last_launch_at, memberships.last_launch_at), updated_at = excluded.updated_at`,
    values,
  );
  return existing?.program_role ?? null;
}

/**
 * Everyone the program has known (or only `personIds`), those no longer in the course marked, with
 * their partnerships and roles. Linear in what it returns: a district's roster is tens of thousands.
 */
export async function roster(sql: Sql, programId: string, personIds?: string[]): Promise<RosterEntry[]> {
  const only = personIds ? ' AND m.person_id IN (:personIds)' : '';
  const onlyMembers = personIds ? ' AND pm.person_id IN (:personIds)' : '';
  const [rows, roles] = await Promise.all([
    sql.all<{
      id: string;
      name: string;
      email: string | null;
      lms_roles: string;
      program_role: ProgramRole;
      in_roster: unknown;
    }>(
      `SELECT p.id, p.name, p.email, m.lms_roles, m.program_role, m.in_roster
         FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.program_id = :programId${only}
        ORDER BY p.name`,
      { programId, ...(personIds && { personIds }) },
    ),
    sql.all<{
      person_id: string;
      partnership_id: string;
      kind: PartnershipKind;
      status: PartnershipStatus;
      role: MemberRole;
    }>(
      `SELECT pm.person_id, pm.partnership_id, p.kind, p.status, pm.role
         FROM partnership_members pm JOIN partnerships p ON p.id = pm.partnership_id
        WHERE p.program_id = :programId AND pm.invitation <> :declined${onlyMembers}
        ORDER BY p.created_at`,
      { programId, declined: 'declined', ...(personIds && { personIds }) },
    ),
  ]);
  const partnershipsOf = new Map<string, RosterEntry['partnerships']>();
  for (const x of roles) {
    const list = partnershipsOf.get(x.person_id) ?? [];
    list.push({ partnershipId: x.partnership_id, kind: x.kind, status: x.status, role: x.role });
    partnershipsOf.set(x.person_id, list);
  }
  return rows.map((r) => ({
    personId: r.id,
    name: r.name,
    email: r.email,
    lmsRoles: json.read(r.lms_roles, []),
    programRole: r.program_role,
    inCourse: bool(r.in_roster),
    partnerships: partnershipsOf.get(r.id) ?? [],
  }));
}

/** Before a sync writes who is in the course: everyone not listed as active again counts as gone. */
export async function markRosterAbsent(sql: Sql, programId: string, now: number) {
  await sql.run('UPDATE memberships SET in_roster = :no, updated_at = :now WHERE program_id = :programId', {
    programId,
    no: false,
    now,
  });
}

export async function markRosterSynced(sql: Sql, programId: string, now: number) {
  await sql.run('UPDATE programs SET roster_synced_at = :now WHERE id = :programId', { programId, now });
}

export const rosterSyncedAt = (p: ProgramRow) => time.isoOrNull(p.roster_synced_at);

/** Whether a person belongs to the program at all (any role). */
export async function isMember(sql: Sql, programId: string, personId: string): Promise<boolean> {
  return !!(await sql.one('SELECT 1 AS x FROM memberships WHERE program_id = :programId AND person_id = :personId', {
    programId,
    personId,
  }));
}

/** The person's user id at their LMS (`sub`): what the gradebook knows them by. */
export async function personSubject(sql: Sql, personId: string): Promise<string | undefined> {
  return (await sql.one<{ subject: string }>('SELECT subject FROM people WHERE id = :personId', { personId }))?.subject;
}

export async function setQuietAfterDays(sql: Sql, programId: string, days: number, now: number) {
  await sql.run('UPDATE programs SET quiet_after_days = :days, updated_at = :now WHERE id = :programId', {
    programId,
    days,
    now,
  });
}
