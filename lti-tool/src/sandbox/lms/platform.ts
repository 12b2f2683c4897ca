/** The platform's core: where things live, which tool/course/person a launch is for, and the claims it signs. */
import { randomBytes } from 'node:crypto';
import type { PlatformKey } from './keys.ts';
import type { Store, StoredLineItem } from './store.ts';
import {
  ALL_SCOPES,
  Scope,
  type ContentItem,
  type Course,
  type LineItem,
  type LmsPerson,
  type MessageType,
  type ToolRegistration,
} from './types.ts';

/** What identifies a launch: who, where, which tool, which message. */
export interface LaunchParams {
  /** Defaults to the most recently registered tool. */
  clientId?: string;
  courseId: string;
  personId: string;
  messageType?: MessageType;
  /** A placed deep-link item's id launches that item (its URL, custom parameters, line item). */
  resourceLinkId?: string;
  /** Overrides the tool's (or the placed item's) target link URI. */
  targetLinkUri?: string;
  /** Offer LTI Platform Storage to the tool: the `lti_storage_target` frame name (the course page uses `_parent`). */
  storageTarget?: string;
  /** How a `classic` or `canvas` course sends the login initiation (GET unless set); `moodle` always POSTs. */
  initiation?: 'get' | 'post';
  /** The launch's `launch_presentation.locale`; the person's LMS language (or `en-US`) when not given. */
  locale?: string;
}

/** A third-party initiated login as the LMS sends it: a GET link, or a form it auto-submits. */
export interface LoginInitiation {
  method: 'GET' | 'POST';
  /** The tool's login URL (without the parameters, also for GET). */
  url: string;
  params: Record<string, string>;
}

export interface ResolvedLaunch {
  tool: ToolRegistration;
  course: Course;
  person: LmsPerson;
  messageType: MessageType;
  link: { id: string; title: string; custom: Record<string, string> };
  targetLinkUri: string;
  locale: string;
}

/** An error the LMS reports to its caller as a 4xx with this message (and an OAuth error code for tools). */
export class LmsError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code?: string,
  ) {
    super(message);
  }
}

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

/** Drops undefined properties, so records compare and print as the JSON the tool sees. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
export const PRODUCT_FAMILY_CODE = 'sandbox-lms';

/** A pending deep-linking request, found again through the `data` value the tool must echo. */
interface DeepLinkRequest {
  courseId: string;
  clientId: string;
  deploymentId: string;
  personId: string;
  expiresAt: number;
}

export class Platform {
  /** Deep-linking requests in flight, by their `data` claim (memory only: they last minutes). */
  readonly deepLinkRequests = new Map<string, DeepLinkRequest>();
  /** Moodle-like launches in flight by `launchid`: each is taken out at its first use, as Moodle does. */
  private readonly moodleLaunches = new Map<string, { params: LaunchParams; expiresAt: number }>();

  constructor(
    readonly url: string,
    readonly name: string,
    readonly store: Store,
    readonly key: PlatformKey,
  ) {}

  readonly endpoints = {
    openidConfiguration: () => `${this.url}/.well-known/openid-configuration`,
    jwks: () => `${this.url}/.well-known/jwks.json`,
    auth: () => `${this.url}/lti/auth`,
    token: () => `${this.url}/lti/token`,
    registration: () => `${this.url}/lti/registration`,
    deepLinkReturn: () => `${this.url}/lti/deep-linking/return`,
    memberships: (courseId: string) => `${this.url}/api/lti/courses/${encodeURIComponent(courseId)}/memberships`,
    lineItems: (courseId: string) => `${this.url}/api/lti/courses/${encodeURIComponent(courseId)}/lineitems`,
    lineItem: (item: StoredLineItem) => `${this.endpoints.lineItems(item.courseId)}/${item.key}`,
    course: (courseId: string) => `${this.url}/courses/${encodeURIComponent(courseId)}`,
  };

  tool(clientId?: string): ToolRegistration {
    const tools = this.store.data.tools;
    const tool = clientId ? tools.find((t) => t.clientId === clientId) : tools.at(-1);
    if (!tool) throw new LmsError(clientId ? `Unknown client_id "${clientId}".` : 'No tool is registered yet.');
    return tool;
  }

  course(courseId: string): Course {
    const course = this.store.data.courses.find((c) => c.id === courseId);
    if (!course) throw new LmsError(`Unknown course "${courseId}".`, 404);
    return course;
  }

  /** The tool's resource links placed in a course through deep linking, oldest first. */
  placedLinks(courseId: string, clientId?: string): ContentItem[] {
    return this.store.data.deepLinks
      .filter((d) => d.courseId === courseId && (!clientId || d.clientId === clientId))
      .flatMap((d) => d.items.filter((i) => i.resourceLinkId));
  }

  resolve(p: LaunchParams): ResolvedLaunch {
    const tool = this.tool(p.clientId);
    const course = this.course(p.courseId);
    const person = course.people.find((x) => x.id === p.personId);
    if (!person) throw new LmsError(`"${p.personId}" is not enrolled in course "${course.id}".`);
    const messageType = p.messageType ?? 'LtiResourceLinkRequest';
    const placed = p.resourceLinkId
      ? this.placedLinks(course.id, tool.clientId).find((i) => i.resourceLinkId === p.resourceLinkId)
      : undefined;
    const link = {
      id: p.resourceLinkId ?? `${course.id}-workspaces`,
      title: placed?.title ?? tool.name,
      custom: { ...tool.customParameters, ...placed?.custom },
    };
    return {
      tool,
      course,
      person,
      messageType,
      link,
      targetLinkUri: p.targetLinkUri ?? placed?.url ?? tool.targetLinkUri,
      locale: p.locale ?? person.locale ?? 'en-US',
    };
  }

  /** The login initiation for a launch, as the course's kind of LMS sends it. */
  loginInitiation(p: LaunchParams): LoginInitiation {
    const r = this.resolve(p);
    const launch: LaunchParams = {
      clientId: r.tool.clientId,
      courseId: r.course.id,
      personId: r.person.id,
      messageType: r.messageType,
      resourceLinkId: r.link.id,
      targetLinkUri: r.targetLinkUri,
      locale: r.locale,
    };
    const params: Record<string, string> = {
      iss: this.url,
      login_hint: r.person.id,
      target_link_uri: r.targetLinkUri,
      lti_message_hint: Buffer.from(JSON.stringify(launch)).toString('base64url'),
      client_id: r.tool.clientId,
      lti_deployment_id: r.tool.deploymentId,
    };
    const mode = r.course.mode ?? 'classic';
    if (mode === 'moodle') {
      const now = Date.now();
      for (const [id, l] of this.moodleLaunches) if (l.expiresAt < now) this.moodleLaunches.delete(id);
      const cmid = r.course.cmid ?? 2;
      const random = randomBytes(6).readUIntBE(0, 6);
      const linking = r.messageType === 'LtiDeepLinkingRequest';
      const launchid = linking ? `ltilaunch_ContentItemSelectionRequest${random}` : `ltilaunch${cmid}_${random}`;
      this.moodleLaunches.set(launchid, { params: launch, expiresAt: now + 30 * 60_000 });
      params.lti_message_hint = JSON.stringify(linking ? { launchid } : { cmid, launchid });
      return { method: 'POST', url: r.tool.loginUrl, params };
    }
    const storage = p.storageTarget ?? (mode === 'canvas' ? 'post_message_forwarding' : undefined);
    if (storage) params.lti_storage_target = storage;
    return { method: p.initiation === 'post' ? 'POST' : 'GET', url: r.tool.loginUrl, params };
  }

  /** The login initiation as one GET URL at the tool (iss, login_hint, target_link_uri, hints). */
  loginUrl(p: LaunchParams): string {
    const initiation = this.loginInitiation(p);
    const url = new URL(initiation.url);
    for (const [name, value] of Object.entries(initiation.params)) url.searchParams.set(name, value);
    return url.toString();
  }

  /** Reads back an `lti_message_hint` made by {@link loginInitiation}; a Moodle-like one only once. */
  decodeHint(hint: string): LaunchParams {
    if (hint.startsWith('{')) {
      let launchid: unknown;
      try {
        launchid = (JSON.parse(hint) as { launchid?: unknown }).launchid;
      } catch {
        // refused below
      }
      const pending = typeof launchid === 'string' ? this.moodleLaunches.get(launchid) : undefined;
      if (typeof launchid === 'string') this.moodleLaunches.delete(launchid);
      // Moodle's own words when its session no longer holds the launch id.
      if (!pending || pending.expiresAt < Date.now()) throw new LmsError('Invalid request');
      return pending.params;
    }
    try {
      const p = JSON.parse(Buffer.from(hint, 'base64url').toString('utf8')) as LaunchParams;
      if (typeof p.courseId === 'string' && typeof p.personId === 'string') return p;
    } catch {
      // reported below
    }
    throw new LmsError('lti_message_hint is not one this LMS issued.');
  }

  /** The Moodle-like course whose tool activity has this course module id. */
  moodleActivity(cmid: number): Course {
    const course = this.store.data.courses.find((c) => c.mode === 'moodle' && (c.cmid ?? 2) === cmid);
    if (!course) throw new LmsError('Invalid course module ID', 404);
    return course;
  }

  /** All claims of a genuine id_token for this launch. */
  idTokenClaims(r: ResolvedLaunch, nonce: string): Record<string, unknown> {
    const { tool, course, person } = r;
    const iat = Math.floor(Date.now() / 1000);
    const scopes = tool.scopes.filter((s) => s !== Scope.nrps);
    const lineItem = this.store.data.lineItems.find(
      (i) => i.courseId === course.id && i.clientId === tool.clientId && i.resourceLinkId === r.link.id,
    );
    const claims: Record<string, unknown> = {
      iss: this.url,
      aud: tool.clientId,
      azp: tool.clientId,
      sub: person.id,
      iat,
      exp: iat + 300,
      nonce,
      name: person.name,
      given_name: person.givenName,
      family_name: person.familyName,
      email: person.email,
      [`${LTI}message_type`]: r.messageType,
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: tool.deploymentId,
      [`${LTI}target_link_uri`]: r.targetLinkUri,
      [`${LTI}roles`]: person.roles,
      [`${LTI}context`]: {
        id: course.id,
        label: course.label ?? course.id,
        title: course.title,
        type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
      },
      [`${LTI}tool_platform`]: {
        guid: this.store.data.platformGuid,
        name: this.name,
        product_family_code: PRODUCT_FAMILY_CODE,
        version: '1.0',
      },
      [`${LTI}launch_presentation`]: {
        document_target: 'iframe',
        return_url: this.endpoints.course(course.id),
        locale: r.locale,
      },
      [`${LTI}custom`]: r.link.custom,
    };
    if (tool.scopes.includes(Scope.nrps)) {
      claims['https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice'] = {
        context_memberships_url: this.endpoints.memberships(course.id),
        service_versions: ['2.0'],
      };
    }
    if (scopes.length > 0) {
      claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] = {
        scope: scopes,
        lineitems: this.endpoints.lineItems(course.id),
        ...(lineItem && { lineitem: this.endpoints.lineItem(lineItem) }),
      };
    }
    if (r.messageType === 'LtiResourceLinkRequest') {
      claims[`${LTI}resource_link`] = { id: r.link.id, title: r.link.title };
    } else {
      claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] = {
        deep_link_return_url: this.endpoints.deepLinkReturn(),
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        accept_multiple: true,
        auto_create: true,
        title: `Add to ${course.title}`,
        data: this.openDeepLinkRequest(r),
      };
    }
    return claims;
  }

  private openDeepLinkRequest(r: ResolvedLaunch): string {
    const data = randomBytes(16).toString('hex');
    const now = Date.now();
    for (const [key, req] of this.deepLinkRequests) if (req.expiresAt < now) this.deepLinkRequests.delete(key);
    this.deepLinkRequests.set(data, {
      courseId: r.course.id,
      clientId: r.tool.clientId,
      deploymentId: r.tool.deploymentId,
      personId: r.person.id,
      expiresAt: now + 60 * 60_000,
    });
    return data;
  }

  /** A stored line item as the tool sees it (its id is its URL). */
  publicLineItem(item: StoredLineItem): LineItem {
    const { label, scoreMaximum, resourceId, resourceLinkId, tag, startDateTime, endDateTime } = item;
    return compact({
      id: this.endpoints.lineItem(item),
      label,
      scoreMaximum,
      resourceId,
      resourceLinkId,
      tag,
      startDateTime,
      endDateTime,
    });
  }

  /** Adds a tool registration with fresh client and deployment ids unless given. */
  addTool(
    tool: Omit<ToolRegistration, 'clientId' | 'deploymentId' | 'registeredAt' | 'scopes'> & Partial<ToolRegistration>,
  ): ToolRegistration {
    const registration: ToolRegistration = {
      clientId: `tool-${randomBytes(8).toString('hex')}`,
      deploymentId: `deployment-${randomBytes(4).toString('hex')}`,
      scopes: ALL_SCOPES,
      registeredAt: new Date().toISOString(),
      ...tool,
    };
    const tools = this.store.data.tools;
    const existing = tools.findIndex((t) => t.clientId === registration.clientId);
    if (existing >= 0) tools.splice(existing, 1);
    tools.push(registration);
    this.store.save();
    return registration;
  }
}
