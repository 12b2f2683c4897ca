/** The parts of an ltijs launch token the tool reads, and how they map to domain records. */
import type { LtiContext, LtiPerson } from '../models/programs.ts';

/** The token ltijs hands to its launch callbacks (`res.locals.token`). */
export interface LtiLaunchToken {
  iss: string;
  user: string;
  clientId: string;
  deploymentId: string;
  userInfo?: { name?: string; given_name?: string; family_name?: string; email?: string };
  platformInfo?: { name?: string; product_family_code?: string; guid?: string };
  platformContext: {
    context?: { id?: string; label?: string; title?: string };
    roles?: string[] | null;
    messageType?: string;
    namesRoles?: { context_memberships_url?: string };
    endpoint?: { lineitems?: string; lineitem?: string; scope?: string[] };
    deepLinkingSettings?: { deep_link_return_url?: string; accept_types?: string[] };
    resource?: { id?: string; title?: string };
    launchPresentation?: { return_url?: string; document_target?: string };
  };
}

export class LaunchRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Who can fix it: most refusals come from the LMS's configuration or claims. */
    readonly audience: 'person' | 'lms-admin' = 'lms-admin',
  ) {
    super(message);
  }
}

export function contextOf(t: LtiLaunchToken): LtiContext {
  const ctx = t.platformContext.context;
  if (!ctx?.id) {
    throw new LaunchRefused(
      400,
      'The launch did not name a course (the LTI context claim is missing). Add the tool to a course and launch it from there.',
    );
  }
  return {
    issuer: t.iss,
    clientId: t.clientId,
    deploymentId: t.deploymentId,
    contextId: ctx.id,
    title: ctx.title || ctx.label || 'Leadership program',
    label: ctx.label ?? null,
    platformName: t.platformInfo?.name ?? t.platformInfo?.product_family_code ?? null,
    nrpsUrl: t.platformContext.namesRoles?.context_memberships_url ?? null,
    agsLineItemsUrl: t.platformContext.endpoint?.lineitems ?? null,
  };
}

export function personOf(t: LtiLaunchToken): LtiPerson {
  if (!t.user) throw new LaunchRefused(400, 'The launch did not identify the person (the sub claim is missing).');
  const u = t.userInfo ?? {};
  const name = u.name || [u.given_name, u.family_name].filter(Boolean).join(' ') || 'Unnamed participant';
  return { issuer: t.iss, subject: t.user, name, email: u.email ?? null };
}

export function rolesOf(t: LtiLaunchToken): string[] {
  return t.platformContext.roles ?? [];
}
