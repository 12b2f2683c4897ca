/** Data the test LMS keeps: the records a real platform would hold for LTI 1.3 tools. */

/** Full LTI role URIs used by the sample and the course page. */
export const Role = {
  Instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  Learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  Mentor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor',
  Administrator: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
} as const;

/** LTI Advantage service scopes, as the tool asks for them in registrations and token requests. */
export const Scope = {
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
} as const;
export const ALL_SCOPES: string[] = Object.values(Scope);

export type MessageType = 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';

/** A user of the LMS as enrolled in one course; `id` is the `sub` the tool sees. */
export interface LmsPerson {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  email: string;
  /** Full LTI role URIs (context and institution roles). */
  roles: string[];
  /** Shown on the course page only (e.g. "Principal, Lincoln Elementary"); never sent to the tool. */
  title?: string;
  /** Which list the course page shows a learner in; never sent to the tool. */
  cohort?: 'mentor' | 'mentee';
  /** The Names and Roles membership status; `Active` when not given. */
  status?: 'Active' | 'Inactive' | 'Deleted';
  /** The language the person reads the LMS in, sent as the launch's locale (`en-US` when not given). */
  locale?: string;
}

/** A course member for tests: "Given Family" is split at the first space; the e-mail is made from the id. */
export function lmsPerson(id: string, name: string, roles: string[]): LmsPerson {
  const space = name.indexOf(' ');
  const [givenName, familyName] = space === -1 ? [name, ''] : [name.slice(0, space), name.slice(space + 1)];
  return { id, name, givenName, familyName, email: `${id}@example.org`, roles };
}

/**
 * How a course launches its tools, after the LMSs in the field:
 * - `classic`: GET login initiation with a reusable hint; Platform Storage on the course page (`_parent`);
 * - `moodle`: the course page's frame loads `/mod/lti/launch.php?id=<cmid>`, which POSTs the login
 *   initiation; the hint is Moodle's JSON (`{"cmid":…,"launchid":…}`), good for one use; no Platform
 *   Storage; `launch.php` opened top-level runs the whole launch first-party;
 * - `canvas`: GET (or POST) initiation offering Platform Storage through a `post_message_forwarding` frame.
 */
export type LmsMode = 'classic' | 'moodle' | 'canvas';

export interface Course {
  id: string;
  title: string;
  label?: string;
  people: LmsPerson[];
  /** `classic` unless set. */
  mode?: LmsMode;
  /** The tool activity's course module id in a `moodle` course (unique across courses; default 2). */
  cmid?: number;
  /** For tests of a platform that answers Names and Roles in another format: sent instead of the roster. */
  membershipsAnswer?: { contentType: string; body: unknown };
}

/** A tool as the platform stores it after dynamic or manual registration. */
export interface ToolRegistration {
  clientId: string;
  deploymentId: string;
  name: string;
  /** OIDC third-party initiated login URL (ltijs: `/login`). */
  loginUrl: string;
  /** Default target_link_uri for launches (ltijs: its app URL). */
  targetLinkUri: string;
  /** Exact redirect URIs accepted by the authorization endpoint. */
  redirectUris: string[];
  jwksUrl: string;
  /** Service scopes granted to the tool. */
  scopes: string[];
  customParameters: Record<string, string>;
  /** Message types the tool declared (with placements etc. when it sent them). */
  messages: Array<{ type: string; [key: string]: unknown }>;
  registeredAt: string;
  /** The registration request as the tool sent it (dynamic registration only). */
  request?: Record<string, unknown>;
}

/** A deep-linking content item as the tool returned it; resource links get a resource link id here. */
export interface ContentItem {
  type: string;
  title?: string;
  text?: string;
  url?: string;
  custom?: Record<string, string>;
  lineItem?: { scoreMaximum: number; label?: string; resourceId?: string; tag?: string };
  /** Assigned by the LMS to each placed `ltiResourceLink`. */
  resourceLinkId?: string;
  [key: string]: unknown;
}

export interface ReceivedDeepLink {
  courseId: string;
  clientId: string;
  deploymentId: string;
  personId: string;
  receivedAt: string;
  items: ContentItem[];
  message?: string;
  errorMessage?: string;
}

/** An AGS line item; `id` is its URL, as the tool sees it. */
export interface LineItem {
  id: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  resourceLinkId?: string;
  tag?: string;
  startDateTime?: string;
  endDateTime?: string;
}

export interface Score {
  userId: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  activityProgress: string;
  gradingProgress: string;
  timestamp: string;
}
