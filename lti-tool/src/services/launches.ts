/**
 * A launch lands: the program, the person and their membership are written in one transaction,
 * and the launch's ltik becomes the person's session for the API.
 */
import { programRoleFromLtiRoles, type ProgramRole } from '@mentoring/shared';
import { contextOf, personOf, rolesOf, LaunchRefused, CLAIM, type LaunchClaims } from '../lti/claims.ts';
import { upsertMembership, upsertPerson, upsertProgram } from '../models/programs.ts';
import { isKnownDeployment } from '../models/deployments.ts';
import type { App } from './app.ts';

export interface LandedLaunch {
  programId: string;
  personId: string;
  programRole: ProgramRole;
}

/** Remembers deployments already seen, so a launch asks the database about them once. */
const knownDeployments = new Set<string>();

/** Every check of a launch, before anything is written: the program, person and role it will land as. */
export async function admitLaunch(app: App, claims: LaunchClaims, clientId: string) {
  const context = contextOf(claims, clientId);
  const person = personOf(claims);
  const deployment = { issuer: claims.iss, clientId, deploymentId: claims[CLAIM.deploymentId] };
  const key = `${deployment.issuer}\n${deployment.clientId}\n${deployment.deploymentId}`;
  if (!knownDeployments.has(key)) {
    if (!deployment.deploymentId || !(await isKnownDeployment(app.sql, deployment))) {
      throw new LaunchRefused(
        403,
        `This course’s LMS deployment (${deployment.deploymentId || 'none'}) is not registered with the tool.`,
      );
    }
    knownDeployments.add(key);
  }
  const lmsRoles = rolesOf(claims);
  return { context, person, lmsRoles, programRole: programRoleFromLtiRoles(lmsRoles) };
}

export type AdmittedLaunch = Awaited<ReturnType<typeof admitLaunch>>;

/** Writes an admitted launch; a refused launch never gets here, so it leaves no trace in our tables. */
export async function landLaunch(app: App, admitted: AdmittedLaunch, ltik: string): Promise<LandedLaunch> {
  const { context, person, lmsRoles, programRole } = admitted;
  const now = Date.now();
  const landed = await app.sql.tx(async (sql) => {
    const programId = await upsertProgram(sql, context, now);
    const personId = await upsertPerson(sql, person, now);
    const before = await upsertMembership(sql, { programId, personId, lmsRoles, programRole, launchedAt: now }, now);
    await app.sessions.recordLaunch(ltik, { personId, programId, programRole }, sql);
    return { programId, personId, programRole, roleChanged: before !== null && before !== programRole };
  });
  if (landed.roleChanged) app.sessions.forgetPerson(landed.personId, landed.programId);
  app.cache.delete(`person:${landed.personId}`, `program:${landed.programId}`);
  return { programId: landed.programId, personId: landed.personId, programRole: landed.programRole };
}

/** For tests: forget the deployment cache so a removed registration takes effect. */
export function forgetKnownDeployments() {
  knownDeployments.clear();
}
