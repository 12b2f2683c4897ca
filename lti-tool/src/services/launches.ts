/**
 * A launch lands: the program, the person and their membership are written in one transaction,
 * and the launch's ltik becomes the person's session for the API.
 */
import { programRoleFromLtiRoles, type ProgramRole } from '@mentoring/shared';
import { contextOf, personOf, rolesOf, LaunchRefused, CLAIM, type LaunchClaims } from '../lti/claims.ts';
import { upsertMembership, upsertPerson, upsertProgram } from '../models/programs.ts';
import { isKnownDeployment } from '../models/deployments.ts';
import { cacheKey } from '../db/invalidations.ts';
import type { App } from './app.ts';

export interface LandedLaunch {
  programId: string;
  personId: string;
  programRole: ProgramRole;
}

/** Every check of a launch, before anything is written: the program, person and role it will land as. */
export async function admitLaunch(app: App, claims: LaunchClaims, clientId: string) {
  const context = contextOf(claims, clientId);
  const person = personOf(claims);
  const deployment = { issuer: claims.iss, clientId, deploymentId: claims[CLAIM.deploymentId] };
  const key = `${deployment.issuer}\n${deployment.clientId}\n${deployment.deploymentId}`;
  if (!app.knownDeployments.has(key)) {
    if (!deployment.deploymentId || !(await isKnownDeployment(app.sql, deployment))) {
      throw new LaunchRefused(
        403,
        /*i18n*/ {
          id: 'launch.unregistered-deployment',
          message: 'This course’s LMS deployment ({deployment}) is not registered with the tool.',
          values: { deployment: deployment.deploymentId || 'none' },
        },
      );
    }
    app.knownDeployments.add(key);
  }
  const lmsRoles = rolesOf(claims);
  return { context, person, lmsRoles, programRole: programRoleFromLtiRoles(lmsRoles) };
}

export type AdmittedLaunch = Awaited<ReturnType<typeof admitLaunch>>;

/** Writes an admitted launch; a refused launch never gets here, so it leaves no trace in our tables. */
export async function landLaunch(app: App, admitted: AdmittedLaunch, ltik: string): Promise<LandedLaunch> {
  const { context, person, lmsRoles, programRole } = admitted;
  const now = app.clock.now();
  const landed = await app.sql.tx(async (sql) => {
    const programId = await upsertProgram(sql, context, now);
    const personId = await upsertPerson(sql, person, now);
    const before = await upsertMembership(sql, { programId, personId, lmsRoles, programRole, launchedAt: now }, now);
    await app.sessions.recordLaunch(ltik, { personId, programId, programRole }, sql);
    return { programId, personId, programRole, roleChanged: before !== null && before !== programRole };
  });
  if (landed.roleChanged) await app.sessions.forgetPerson(landed.personId, landed.programId);
  // A launch refreshes the person's name, language and the course's title; other processes' copies (no
  // access rides on them) age out with the cache's TTL rather than cost every launch a write.
  app.cache.delete(
    cacheKey.person(landed.personId),
    cacheKey.locales(landed.personId),
    cacheKey.program(landed.programId),
  );
  return { programId: landed.programId, personId: landed.personId, programRole: landed.programRole };
}
