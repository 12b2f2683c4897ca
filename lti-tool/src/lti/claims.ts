/**
 * The id_token claims the tool reads, checked by one schema (ltijs checks the signature, audience,
 * nonce reuse and age; it leaves the claims' shapes to us), and how they map to domain records.
 */
import { z } from 'zod';
import { matchLocale } from '@mentoring/shared/rules/locale';
import type { LtiContext, LtiPerson } from '../models/programs.ts';
import { say, serverI18n, type Text } from '../i18n/server.ts';

/** The token ltijs hands to its launch callbacks (`res.locals.token`); only its client id is read. */
export interface LtiLaunchToken {
  iss: string;
  user: string;
  clientId: string;
  deploymentId: string;
}

export class LaunchRefused extends Error {
  constructor(
    readonly status: number,
    /** What the refusal page says, in the launch's language (`message` is its English, for the log). */
    readonly text: Text,
    /** Who can fix it: most refusals come from the LMS's configuration or claims. */
    readonly audience: 'person' | 'lms-admin' = 'lms-admin',
  ) {
    super(say(serverI18n('en'), text));
  }
}

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  toolPlatform: `${LTI}tool_platform`,
  resourceLink: `${LTI}resource_link`,
  launchPresentation: `${LTI}launch_presentation`,
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  deepLinking: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
} as const;

/**
 * What is wrong with a claim, as the schema's issue message: a key of the `launch.bad-claim`
 * message's select, so the refusal is worded in the launch's language.
 */
const PROBLEMS = [
  'not_text',
  'too_long',
  'unstorable',
  'empty',
  'not_url',
  'not_list',
  'not_text_or_list',
  'not_number',
  'not_launch',
  'not_object',
] as const;
type ClaimProblem = (typeof PROBLEMS)[number];
const problem = (error: ClaimProblem) => ({ error });

// A NUL or a lone surrogate cannot be stored as text on every database: refused, never rewritten.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const storableText = (max: number) =>
  z
    .string(problem('not_text'))
    .max(max, problem('too_long'))
    .refine((s) => !UNSTORABLE.test(s), problem('unstorable'));
const text = storableText;
const id = text(255).min(1, problem('empty'));
/** Optional text: some platforms send null or an empty string for what they do not share. */
const optionalText = (max: number) => text(max).nullish();
const httpUrl = text(2048).refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), problem('not_url'));
const texts = (max: number) => z.array(text(max), problem('not_list')).max(500);

const LaunchClaimsSchema = z.object({
  iss: text(512).min(1),
  sub: id,
  aud: z.union([text(255), z.array(text(255)).min(1)], problem('not_text_or_list')),
  azp: optionalText(255),
  exp: z.number(problem('not_number')),
  iat: z.number(problem('not_number')),
  nonce: text(255).min(1),
  name: optionalText(500),
  given_name: optionalText(500),
  family_name: optionalText(500),
  email: optionalText(320),
  [CLAIM.messageType]: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'], {
    ...problem('not_launch'),
  }),
  [CLAIM.deploymentId]: id,
  [CLAIM.targetLinkUri]: text(2048),
  [CLAIM.roles]: texts(500),
  [CLAIM.context]: z
    .object({ id, label: optionalText(500), title: optionalText(500) }, problem('not_object'))
    .nullish(),
  [CLAIM.toolPlatform]: z
    .object({ name: optionalText(500), product_family_code: optionalText(255) }, problem('not_object'))
    .nullish(),
  [CLAIM.launchPresentation]: z
    .object(
      {
        locale: optionalText(100),
        // Only read for a link back to the course: a malformed one is dropped, never a reason to refuse.
        return_url: httpUrl.nullish().catch(null),
      },
      problem('not_object'),
    )
    .nullish(),
  [CLAIM.resourceLink]: z.object({ id: optionalText(255), title: optionalText(500) }, problem('not_object')).nullish(),
  [CLAIM.nrps]: z
    .object({ context_memberships_url: httpUrl, service_versions: texts(20).nullish() }, problem('not_object'))
    .nullish(),
  [CLAIM.ags]: z
    .object(
      { lineitems: httpUrl.nullish(), lineitem: httpUrl.nullish(), scope: texts(255).nullish() },
      problem('not_object'),
    )
    .nullish(),
  [CLAIM.deepLinking]: z
    .object(
      {
        deep_link_return_url: httpUrl,
        accept_types: texts(100),
        accept_presentation_document_targets: texts(100).nullish(),
        accept_multiple: z.boolean().nullish(),
      },
      problem('not_object'),
    )
    .nullish(),
});

export type LaunchClaims = z.infer<typeof LaunchClaimsSchema>;

/** A claim's short name for people (`context.id`, not its full URI). */
function claimName(path: readonly PropertyKey[]): string {
  return path
    .map((p) =>
      typeof p === 'string' ? p.replace(/^https:\/\/purl\.imsglobal\.org\/spec\/[^#]*\/claim\//, '') : String(p),
    )
    .join('.');
}

/** Reads an id_token's payload, or refuses it naming the first claim that is wrong (never its value). */
export function parseLaunchClaims(payload: unknown): LaunchClaims {
  const parsed = LaunchClaimsSchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const claim = claimName(issue.path) || 'id_token';
  const named = PROBLEMS.find((p) => p === issue.message) ?? 'other';
  const max = issue.code === 'too_big' ? String(issue.maximum) : '';
  throw new LaunchRefused(
    400,
    /*i18n*/ {
      id: 'launch.bad-claim',
      message:
        'The LMS sent a launch this tool cannot read: the claim “{claim}” {problem, select, not_text {is not text} too_long {is longer than {max} characters} unstorable {contains a NUL or an invalid character} empty {is empty} not_url {is not an http(s) URL} not_list {is not a list of text} not_text_or_list {is not text or a list of text} not_number {is missing or not a number} not_launch {is not a launch or a deep-linking request} not_object {is not an object} other {is missing or has the wrong form}}.',
      values: { claim, problem: named, max },
    },
  );
}

/** True when `url` is the tool's public URL or below it (same origin, same path prefix). */
export function isUnder(url: string, publicUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  const base = new URL(publicUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return u.origin === base.origin && (prefix === '' || u.pathname === prefix || u.pathname.startsWith(`${prefix}/`));
}

/** The checks ltijs leaves out: times, authorized party, and where the launch was meant to land. */
export function checkLaunchClaims(c: LaunchClaims, clientId: string, publicUrl: string, nowSeconds: number) {
  if (c.iat > nowSeconds + 60)
    throw new LaunchRefused(
      401,
      /*i18n*/ {
        id: 'launch.future',
        message: 'The launch is dated in the future (check the LMS server’s clock). Launch again from your course.',
      },
    );
  if (c.exp <= nowSeconds)
    throw new LaunchRefused(
      401,
      /*i18n*/ { id: 'launch.expired', message: 'The launch has expired. Launch again from your course.' },
    );
  if (Array.isArray(c.aud) && c.aud.length > 1 && !c.azp)
    throw new LaunchRefused(
      401,
      /*i18n*/ {
        id: 'launch.no-azp',
        message: 'The launch names several audiences but no authorized party (azp).',
      },
    );
  if (c.azp && c.azp !== clientId)
    throw new LaunchRefused(
      401,
      /*i18n*/ {
        id: 'launch.azp',
        message: 'The launch was meant for another tool (its authorized party is not this tool).',
      },
    );
  if (!isUnder(c[CLAIM.targetLinkUri], publicUrl))
    throw new LaunchRefused(
      400,
      /*i18n*/ { id: 'launch.target', message: 'The launch’s target_link_uri is not an address of this tool.' },
    );
}

export function contextOf(c: LaunchClaims, clientId: string): LtiContext {
  const ctx = c[CLAIM.context];
  if (!ctx?.id) {
    throw new LaunchRefused(
      400,
      /*i18n*/ {
        id: 'launch.no-course',
        message:
          'The launch did not name a course (the LTI context claim is missing). Add the tool to a course and launch it from there.',
      },
    );
  }
  const platform = c[CLAIM.toolPlatform];
  return {
    issuer: c.iss,
    clientId,
    deploymentId: c[CLAIM.deploymentId],
    contextId: ctx.id,
    title: ctx.title || ctx.label || 'Leadership program',
    label: ctx.label ?? null,
    platformName: platform?.name || platform?.product_family_code || null,
    nrpsUrl: c[CLAIM.nrps]?.context_memberships_url ?? null,
    agsLineItemsUrl: c[CLAIM.ags]?.lineitems ?? null,
    courseUrl: courseUrlOf(c),
  };
}

/**
 * The course's address for e-mails: the launch's return address, only on the platform's own origin
 * (an address elsewhere would let a claim send people off the LMS), and not one bound to the
 * launching person's session (it carries a `sesskey`, refused for anyone else). Moodle's is such a
 * one (`/mod/lti/return.php?course=N&…&sesskey=…`): its course page is `/course/view.php?id=N`.
 */
export function courseUrlOf(c: LaunchClaims): string | null {
  const url = c[CLAIM.launchPresentation]?.return_url;
  if (!url || !URL.canParse(c.iss)) return null;
  const u = new URL(url);
  if (u.origin !== new URL(c.iss).origin || u.username || u.password) return null;
  const moodleCourse = u.pathname.endsWith('/mod/lti/return.php') ? u.searchParams.get('course') : null;
  if (moodleCourse && /^\d+$/.test(moodleCourse)) {
    return new URL(`${u.pathname.slice(0, -'/mod/lti/return.php'.length)}/course/view.php?id=${moodleCourse}`, u).href;
  }
  return u.searchParams.has('sesskey') ? null : u.toString();
}

export function personOf(c: LaunchClaims): LtiPerson {
  const name = c.name || [c.given_name, c.family_name].filter(Boolean).join(' ') || 'Unnamed participant';
  const launchLocale = matchLocale(c[CLAIM.launchPresentation]?.locale);
  return { issuer: c.iss, subject: c.sub, name, email: c.email || null, launchLocale };
}

export function rolesOf(c: LaunchClaims): string[] {
  return c[CLAIM.roles];
}
