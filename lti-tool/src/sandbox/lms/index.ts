/**
 * A test LMS: a real LTI 1.3 platform (OIDC launch, Dynamic Registration, deep linking, Names and Roles,
 * Assignment and Grade Services) with sandbox pages, for integration tests, benchmarks and `npm start`.
 */
import { mailRoutes, type MailView } from './mail.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { deepLinkingRoutes } from './deep-linking.ts';
import { generateSigningKey, platformKey, signJwt, type SigningKey } from './keys.ts';
import { oidcRoutes } from './oidc.ts';
import { pageRoutes } from './pages.ts';
import { compact, Platform, type LaunchParams, type LoginInitiation } from './platform.ts';
import { DynamicRegistration } from './registration.ts';
import { serviceRoutes } from './services.ts';
import { Store } from './store.ts';
import { readingRoutes } from './readings.ts';
import type { Course, LineItem, ReceivedDeepLink, Score, ToolRegistration } from './types.ts';

export * from './types.ts';
export type { LaunchParams, LoginInitiation } from './platform.ts';

export interface TestLmsOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Platform name shown on pages and sent in the tool_platform claim. Default "Sandbox LMS". */
  name?: string;
  /** If set, registrations, keys, courses, placed links, line items and scores survive restarts here. */
  stateFile?: string;
  /** Issuer and base of every URL, when the LMS is reached at another address than where it listens. */
  publicUrl?: string;
  /** A folder of the program's texts (`.txt`), served as reading pages at /readings/. */
  readingsDir?: string;
  /** The sandbox's mail receiver: each person's messages are shown at /mail/<address>. */
  mailbox?: MailView;
}

/** A tool configured by hand (as in Canvas, Blackboard, D2L) instead of Dynamic Registration. */
export interface ManualTool {
  loginUrl: string;
  /** Target link URI of launches; also the only redirect URI unless `redirectUris` is given. */
  launchUrl: string;
  jwksUrl: string;
  redirectUris?: string[];
  name?: string;
  clientId?: string;
  deploymentId?: string;
  scopes?: string[];
  customParameters?: Record<string, string>;
}

export interface SignIdTokenOptions {
  /** Claims to replace; a claim set to `undefined` is removed. */
  overrides?: Record<string, unknown>;
  /** Sign with a key the platform never published (same kid), as a forger would. */
  foreignKey?: boolean;
}

export interface TestLms {
  /** The issuer, e.g. http://127.0.0.1:PORT. */
  url: string;
  endpoints: { openidConfiguration: string; jwks: string; auth: string; token: string; registration: string };
  close(): Promise<void>;
  /** Runs LTI Dynamic Registration against the tool's registration URL; `update` re-registers an existing client. */
  registerTool(toolRegistrationUrl: string, opts?: { update?: string }): Promise<ToolRegistration>;
  addTool(tool: ManualTool): ToolRegistration;
  tools(): ToolRegistration[];
  /** Adds a course, or replaces the one with the same id. */
  addCourse(course: Course): void;
  courses(): Course[];
  /** The URL that starts a launch: the tool's OIDC login initiation with iss, login_hint, target_link_uri, hints. */
  launchUrl(p: LaunchParams): string;
  /** The login initiation as the course's kind of LMS sends it (a Moodle-like course POSTs a single-use hint). */
  loginInitiation(p: LaunchParams): LoginInitiation;
  /** Moodle-like: the activity's launch page, which runs the whole launch when opened top-level. */
  moodleLaunchUrl(cmid: number): string;
  deepLinks(courseId?: string): ReceivedDeepLink[];
  lineItems(courseId: string): LineItem[];
  /** Scores posted to a line item, by its id (URL). */
  scores(lineItemId: string): Score[];
  /** The claims of a genuine id_token for a launch (a fresh nonce unless given). */
  idTokenClaims(p: LaunchParams, nonce?: string): Record<string, unknown>;
  /** Signs an id_token for a launch, with claim overrides or a foreign key, for bad-launch tests. */
  signIdToken(p: LaunchParams & { nonce?: string }, opts?: SignIdTokenOptions): Promise<string>;
}

export async function startTestLms(opts: TestLmsOptions = {}): Promise<TestLms> {
  const store = Store.open(opts.stateFile);
  const key = await platformKey(store.data.key, (jwk) => {
    store.data.key = jwk;
    store.save();
  });
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const url = (opts.publicUrl ?? `http://${address}:${port}`).replace(/\/$/, '');

  const platform = new Platform(url, opts.name ?? 'Sandbox LMS', store, key);
  const registration = new DynamicRegistration(platform);
  app.use(oidcRoutes(platform), registration.router(), serviceRoutes(platform), deepLinkingRoutes(platform));
  if (opts.readingsDir) app.use(readingRoutes(opts.readingsDir));
  if (opts.mailbox) app.use(mailRoutes(platform, opts.mailbox));
  app.use(pageRoutes(platform, registration, !!opts.mailbox));

  let foreignKey: SigningKey | undefined;
  const e = platform.endpoints;
  return {
    url,
    endpoints: {
      openidConfiguration: e.openidConfiguration(),
      jwks: e.jwks(),
      auth: e.auth(),
      token: e.token(),
      registration: e.registration(),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    registerTool: (toolUrl, o) => registration.registerTool(toolUrl, o),
    addTool: (t) =>
      platform.addTool({
        name: t.name ?? 'Tool',
        loginUrl: t.loginUrl,
        targetLinkUri: t.launchUrl,
        redirectUris: t.redirectUris ?? [t.launchUrl],
        jwksUrl: t.jwksUrl,
        customParameters: t.customParameters ?? {},
        messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
        ...(t.clientId && { clientId: t.clientId }),
        ...(t.deploymentId && { deploymentId: t.deploymentId }),
        ...(t.scopes && { scopes: t.scopes }),
      }),
    tools: () => [...store.data.tools],
    addCourse: (course) => {
      store.data.courses = [...store.data.courses.filter((c) => c.id !== course.id), course];
      store.save();
    },
    courses: () => [...store.data.courses],
    launchUrl: (p) => platform.loginUrl(p),
    loginInitiation: (p) => platform.loginInitiation(p),
    moodleLaunchUrl: (cmid) => `${url}/mod/lti/launch.php?id=${cmid}`,
    deepLinks: (courseId) => store.data.deepLinks.filter((d) => !courseId || d.courseId === courseId),
    lineItems: (courseId) =>
      store.data.lineItems.filter((i) => i.courseId === courseId).map((i) => platform.publicLineItem(i)),
    scores: (lineItemId) => {
      const item = store.data.lineItems.find((i) => e.lineItem(i) === lineItemId);
      return store.data.scores
        .filter((s) => s.lineItemKey === item?.key)
        .map(({ lineItemKey: _k, clientId: _c, ...score }) => compact(score));
    },
    idTokenClaims: (p, nonce = crypto.randomUUID()) => platform.idTokenClaims(platform.resolve(p), nonce),
    signIdToken: async (p, o = {}) => {
      const claims = platform.idTokenClaims(platform.resolve(p), p.nonce ?? crypto.randomUUID());
      for (const [name, value] of Object.entries(o.overrides ?? {})) {
        if (value === undefined) delete claims[name];
        else claims[name] = value;
      }
      if (o.foreignKey) foreignKey ??= await generateSigningKey(key.kid);
      return signJwt(claims, o.foreignKey ? foreignKey! : key);
    },
  };
}
