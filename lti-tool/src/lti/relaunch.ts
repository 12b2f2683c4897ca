/**
 * Where a person whose browser refused the tool's cookie inside the LMS frame can start the same
 * launch again, top-level, at the LMS: the activity's own address, never the tool's bare /login
 * (LMSs such as Moodle refuse a replayed login initiation).
 * - Moodle names the activity in its `lti_message_hint` (`{"cmid":2,"launchid":…}`): its
 *   `/mod/lti/launch.php?id=<cmid>` runs the whole launch first-party.
 * - Any platform: an address template the operator sets (`npm run platform -- relaunch`), filled
 *   from the verified id_token (custom parameters the LMS substitutes, context and link ids).
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { App } from '../services/app.ts';

const MOODLE_LAUNCH = '/mod/lti/launch.php';

/** Moodle's activity launch address from its login initiation, when the hint carries a course module id. */
export function moodleRelaunchUrl(issuer: string, messageHint: unknown): string | null {
  if (typeof messageHint !== 'string' || !messageHint.startsWith('{')) return null;
  let hint: unknown;
  try {
    hint = JSON.parse(messageHint);
  } catch {
    return null;
  }
  const { cmid, launchid } = (hint ?? {}) as { cmid?: unknown; launchid?: unknown };
  if (typeof launchid !== 'string') return null;
  const id = typeof cmid === 'number' ? cmid : typeof cmid === 'string' && /^\d{1,12}$/.test(cmid) ? Number(cmid) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const base = httpUrl(issuer);
  if (!base) return null;
  return `${base.toString().replace(/\/+$/, '')}${MOODLE_LAUNCH}?id=${id}`;
}

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

const PLACEHOLDER = /\{([a-z_]+(?:\.[A-Za-z0-9_]+)?)\}/g;
const NAMED = new Set(['context_id', 'resource_link_id', 'deployment_id']);

/** Why a relaunch template cannot be used, or null when it can. */
export function relaunchTemplateProblem(template: string): string | null {
  for (const [, name] of template.matchAll(PLACEHOLDER))
    if (!NAMED.has(name!) && !name!.startsWith('custom.'))
      return `Unknown placeholder {${name}}: use {context_id}, {resource_link_id}, {deployment_id} or {custom.NAME}.`;
  const sample = template.replace(PLACEHOLDER, 'x');
  if (/[{}]/.test(sample)) return 'A placeholder is malformed: write them as {context_id} or {custom.NAME}.';
  if (!httpUrl(sample)) return 'The template must be an absolute http(s) address of the LMS.';
  return null;
}

export interface RelaunchClaims {
  deploymentId?: string;
  contextId?: string;
  resourceLinkId?: string;
  custom: Record<string, unknown>;
}

/** The template with every placeholder filled, or null when one has no value. */
export function expandRelaunchTemplate(template: string, claims: RelaunchClaims): string | null {
  if (relaunchTemplateProblem(template)) return null;
  let missing = false;
  const url = template.replace(PLACEHOLDER, (_m, name: string) => {
    const value = name.startsWith('custom.')
      ? claims.custom[name.slice('custom.'.length)]
      : name === 'context_id'
        ? claims.contextId
        : name === 'resource_link_id'
          ? claims.resourceLinkId
          : claims.deploymentId;
    // An LMS leaves a variable it cannot substitute as written (`$Canvas.course.id`): no value.
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).startsWith('$') || value === '') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? null : (httpUrl(url)?.toString() ?? null);
}

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** What an id_token claims, unverified, for logs: issuer, audience and the LMS user id only. */
export function claimedBy(idToken: unknown): { issuer?: string; clientId?: string; lmsUserId?: string } {
  if (typeof idToken !== 'string') return {};
  try {
    const c = decodeJwt(idToken);
    const aud = Array.isArray(c.aud) ? c.aud[0] : c.aud;
    return { issuer: c.iss, clientId: aud, lmsUserId: c.sub };
  } catch {
    return {};
  }
}

/**
 * The language an (unverified) id_token's launch asks for, only to word a refusal page in it: a
 * forged one can at most choose the language of its own refusal.
 */
export function claimedLocale(idToken: unknown): string | null {
  if (typeof idToken !== 'string') return null;
  try {
    const presentation = decodeJwt(idToken)['https://purl.imsglobal.org/spec/lti/claim/launch_presentation'];
    const locale = (presentation as { locale?: unknown } | undefined)?.locale;
    return typeof locale === 'string' ? locale.slice(0, 100) : null;
  } catch {
    return null;
  }
}

/**
 * The claims a relaunch template needs, from an id_token verified with its platform's keys (the
 * launch itself was refused for a missing cookie, before ltijs verified anything).
 */
export async function verifiedRelaunchClaims(
  app: App,
  idToken: string,
): Promise<{ issuer: string; clientId: string; claims: RelaunchClaims } | null> {
  const { issuer, clientId } = claimedBy(idToken);
  if (!issuer || !clientId) return null;
  const platform = (await app.lti.getPlatform(issuer, clientId)) as
    { platformAuthConfig(): Promise<{ method: string; key: string }> } | false | undefined;
  if (!platform) return null;
  const auth = await platform.platformAuthConfig();
  if (auth.method !== 'JWK_SET' || !httpUrl(auth.key)) return null;
  let keys = keySets.get(auth.key);
  if (!keys) keySets.set(auth.key, (keys = createRemoteJWKSet(new URL(auth.key), { timeoutDuration: 5_000 })));
  const { payload } = await jwtVerify(idToken, keys, { issuer, audience: clientId });
  const claim = <T>(name: string) => payload[`${LTI}${name}`] as T | undefined;
  return {
    issuer,
    clientId,
    claims: {
      deploymentId: claim<string>('deployment_id'),
      contextId: claim<{ id?: string }>('context')?.id,
      resourceLinkId: claim<{ id?: string }>('resource_link')?.id,
      custom: claim<Record<string, unknown>>('custom') ?? {},
    },
  };
}
