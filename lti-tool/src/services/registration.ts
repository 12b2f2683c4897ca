/**
 * Registering LMS platforms: LTI Dynamic Registration (one URL for Moodle and others) and manual
 * registration for Canvas, Blackboard and D2L. Both also record the deployments allowed to launch.
 */
import { addDeployment, deploymentsOf, removeDeployments } from '../models/deployments.ts';
import type { LtiPlatform } from '../lti/ltijs.ts';
import { cacheKey } from '../db/invalidations.ts';
import type { App } from './app.ts';
import { outboundRequest, OutboundRefused, type OutboundAnswer } from './outbound.ts';

const SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
];

export class RegistrationError extends Error {}

/** The tool's own endpoints, as platforms need them. */
export function toolEndpoints(publicUrl: string) {
  return {
    loginUrl: `${publicUrl}/login`,
    launchUrl: `${publicUrl}/launch`,
    redirectUris: [`${publicUrl}/launch`, `${publicUrl}/launch/`],
    jwksUrl: `${publicUrl}/keys`,
    registrationUrl: `${publicUrl}/register`,
    deepLinkingUrl: `${publicUrl}/launch`,
  };
}

interface OpenIdConfiguration {
  issuer?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  jwks_uri?: string;
  registration_endpoint?: string;
  authorization_server?: string;
  claims_supported?: string[];
  'https://purl.imsglobal.org/spec/lti-platform-configuration'?: { product_family_code?: string; version?: string };
}

/** Fetches JSON from the platform; errors name the address and the status, never what it answered. */
async function fetchJson(
  app: App,
  what: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<unknown> {
  const where = new URL(url).origin;
  let answer: OutboundAnswer;
  try {
    answer = await outboundRequest(url, init, {
      requireHttps: app.config.production,
      allowPrivate: app.config.registrationAllowPrivate,
      maxBytes: 256 * 1024,
      timeoutMs: 10_000,
    });
  } catch (err) {
    app.log.warn({ err, url }, 'dynamic registration request failed');
    if (err instanceof OutboundRefused)
      throw new RegistrationError(`The platform's ${what} (${where}) ${err.message}.`);
    throw new RegistrationError(`The platform's ${what} at ${where} could not be reached.`);
  }
  if (answer.status < 200 || answer.status > 299)
    throw new RegistrationError(`The platform's ${what} at ${where} answered with HTTP status ${answer.status}.`);
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new RegistrationError(`The platform's ${what} at ${where} did not answer with JSON.`);
  }
}

/** Runs LTI Dynamic Registration against the platform's OpenID configuration. */
export async function registerDynamically(app: App, openidConfigurationUrl: string, registrationToken?: string) {
  let configUrl: URL;
  try {
    configUrl = new URL(openidConfigurationUrl);
  } catch {
    throw new RegistrationError('The openid_configuration parameter is not a URL.');
  }
  const fetched = await fetchJson(app, 'OpenID configuration', configUrl.toString());
  const config = (typeof fetched === 'object' && fetched !== null ? fetched : {}) as OpenIdConfiguration;
  const endpointNames = [
    'issuer',
    'authorization_endpoint',
    'token_endpoint',
    'jwks_uri',
    'registration_endpoint',
  ] as const;
  const missing = endpointNames.filter((k) => typeof config[k] !== 'string' || !config[k]);
  if (missing.length) throw new RegistrationError(`The platform's OpenID configuration lacks ${missing.join(', ')}.`);
  const scheme = app.config.production ? /^https:\/\//i : /^https?:\/\//i;
  const unusable = endpointNames.filter((k) => !scheme.test(config[k]!) || !URL.canParse(config[k]!));
  if (unusable.length)
    throw new RegistrationError(
      `The platform's OpenID configuration has ${unusable.join(', ')} that ${app.config.production ? 'are not https' : 'are not http(s)'} URLs.`,
    );
  // The spec ties the configuration to its issuer: both must live on the same origin.
  if (new URL(config.issuer!).origin !== configUrl.origin) {
    throw new RegistrationError(`The configuration's issuer is not on the same origin as ${configUrl.origin}.`);
  }
  const endpoints = toolEndpoints(app.config.publicUrl);
  const registration = {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: endpoints.loginUrl,
    redirect_uris: endpoints.redirectUris,
    client_name: 'Mentoring workspaces',
    jwks_uri: endpoints.jwksUrl,
    logo_uri: `${app.config.publicUrl}/app/logo.svg`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: SCOPES.join(' '),
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(app.config.publicUrl).host,
      description:
        'Confidential mentor–mentee workspaces: goals, clipped readings, reflection prompts and conversations.',
      target_link_uri: endpoints.launchUrl,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
      messages: [
        { type: 'LtiResourceLinkRequest', label: 'Mentoring workspaces' },
        { type: 'LtiDeepLinkingRequest', label: 'Mentoring workspaces', placements: ['ContentArea'] },
      ],
    },
  };
  const answer = (await fetchJson(app, 'registration endpoint', config.registration_endpoint!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(registrationToken ? { authorization: `Bearer ${registrationToken}` } : {}),
    },
    body: JSON.stringify(registration),
  })) as {
    client_id?: unknown;
    'https://purl.imsglobal.org/spec/lti-tool-configuration'?: { deployment_id?: unknown };
  } | null;
  const clientId = answer?.client_id;
  if (typeof clientId !== 'string' || !clientId || clientId.length > 255)
    throw new RegistrationError('The platform accepted the registration but sent no usable client_id.');
  const rawDeployment = answer?.['https://purl.imsglobal.org/spec/lti-tool-configuration']?.deployment_id;
  const deploymentId = typeof rawDeployment === 'string' && rawDeployment.length <= 255 ? rawDeployment : undefined;
  const family = config['https://purl.imsglobal.org/spec/lti-platform-configuration']?.product_family_code ?? 'LMS';
  // Registering the same client again (Moodle's "Update") refreshes the stored platform.
  await registerPlatform(app, {
    issuer: config.issuer!,
    clientId,
    name: `${family} (${new URL(config.issuer!).host})`,
    authenticationEndpoint: config.authorization_endpoint!,
    accessTokenEndpoint: config.token_endpoint!,
    authorizationServer: config.authorization_server,
    jwksUrl: config.jwks_uri!,
    deploymentIds: deploymentId ? [deploymentId] : [],
    active: app.config.autoActivatePlatforms,
  });
  return { issuer: config.issuer!, clientId, deploymentId: deploymentId ?? null };
}

export interface PlatformRegistration {
  issuer: string;
  clientId: string;
  name: string;
  authenticationEndpoint: string;
  accessTokenEndpoint: string;
  authorizationServer?: string;
  jwksUrl: string;
  deploymentIds: string[];
  active?: boolean;
}

export async function registerPlatform(app: App, p: PlatformRegistration) {
  const platform = await app.lti.registerPlatform({
    url: p.issuer,
    clientId: p.clientId,
    name: p.name,
    authenticationEndpoint: p.authenticationEndpoint,
    accesstokenEndpoint: p.accessTokenEndpoint,
    authorizationServer: p.authorizationServer ?? p.accessTokenEndpoint,
    authConfig: { method: 'JWK_SET', key: p.jwksUrl },
  });
  await platform.platformActive(p.active ?? true);
  await app.invalidations.publish(cacheKey.platformOrigins);
  for (const deploymentId of p.deploymentIds)
    await addDeployment(app.sql, { issuer: p.issuer, clientId: p.clientId, deploymentId });
}

export async function listPlatforms(app: App) {
  const platforms = (await app.lti.getAllPlatforms()) as LtiPlatform[];
  return Promise.all(
    platforms.map(async (p) => {
      const issuer = await p.platformUrl();
      const clientId = await p.platformClientId();
      return {
        issuer,
        clientId,
        name: await p.platformName(),
        active: await p.platformActive(),
        deployments: await deploymentsOf(app.sql, issuer, clientId),
      };
    }),
  );
}

export async function removePlatform(app: App, issuer: string, clientId: string): Promise<boolean> {
  const removed = (await app.lti.deletePlatform(issuer, clientId)) as boolean;
  await removeDeployments(app.sql, issuer, clientId);
  await app.invalidations.publish(cacheKey.deployments, cacheKey.platformOrigins);
  return removed;
}

/** The registered platforms' issuer and login origins: the pages that may frame the tool. */
export function platformOrigins(app: App): Promise<string[]> {
  return app.cache.get(cacheKey.platformOrigins, async () => {
    const platforms = await app.lti.getAllPlatforms();
    const urls = await Promise.all(platforms.map(async (p) => [await p.platformUrl(), await p.platformAuthEndpoint()]));
    return urls.flat();
  });
}
