/**
 * LTI Dynamic Registration, platform side: one-time registration tokens, the registration endpoint the tool
 * POSTs to, and the admin action that opens the tool's registration URL (as Moodle's "add LTI Advantage" does).
 */
import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { jsonHandler } from './http.ts';
import { LmsError, type Platform } from './platform.ts';
import { ALL_SCOPES, type ToolRegistration } from './types.ts';

const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

interface Pending {
  expiresAt: number;
  /** Set when the token re-registers an existing tool (Moodle's "Update"): client and deployment ids are kept. */
  updateClientId?: string;
  registered?: ToolRegistration;
}

function invalid(description: string): LmsError {
  return new LmsError(description, 400, 'invalid_client_metadata');
}

/** Checks a URL field and keeps it exactly as sent: redirect URIs are matched verbatim at launch. */
function httpUrl(value: unknown, field: string): string {
  try {
    const { protocol } = new URL(String(value));
    if (protocol === 'http:' || protocol === 'https:') return String(value);
  } catch {
    // reported below
  }
  throw invalid(`${field} must be an absolute http(s) URL, not ${JSON.stringify(value)}.`);
}

function includes(value: unknown, wanted: string, field: string): void {
  if (!Array.isArray(value) || !value.includes(wanted)) throw invalid(`${field} must include "${wanted}".`);
}

export class DynamicRegistration {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly platform: Platform) {}

  /** A registration token to hand to the tool's registration URL; valid for ten minutes, once. */
  issueToken(updateClientId?: string): string {
    const now = Date.now();
    for (const [token, p] of this.pending) if (p.expiresAt < now) this.pending.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.pending.set(token, { expiresAt: now + 10 * 60_000, updateClientId });
    return token;
  }

  /** The URL an admin's browser opens to start registration at the tool. */
  startUrl(toolRegistrationUrl: string, token: string): string {
    const url = new URL(toolRegistrationUrl);
    url.searchParams.set('openid_configuration', this.platform.endpoints.openidConfiguration());
    url.searchParams.set('registration_token', token);
    return url.toString();
  }

  /** Drives the tool's registration URL as the admin page would and returns what the tool registered. */
  async registerTool(toolRegistrationUrl: string, opts: { update?: string } = {}): Promise<ToolRegistration> {
    if (opts.update) this.platform.tool(opts.update);
    const token = this.issueToken(opts.update);
    const res = await fetch(this.startUrl(toolRegistrationUrl, token));
    const body = await res.text();
    const registered = this.pending.get(token)?.registered;
    this.pending.delete(token);
    if (!res.ok) throw new Error(`The tool's registration URL answered ${res.status}: ${body.slice(0, 500)}`);
    if (!registered) {
      throw new Error(`The tool's registration URL answered ${res.status} without registering: ${body.slice(0, 500)}`);
    }
    return registered;
  }

  router(): Router {
    const router = express.Router();
    router.post(
      '/lti/registration',
      express.json(),
      jsonHandler((req, res) => {
        const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
        const pending = token ? this.pending.get(token) : undefined;
        if (!pending || pending.registered || pending.expiresAt < Date.now()) {
          throw new LmsError('A valid, unused registration token is required.', 401, 'invalid_token');
        }
        const registered = this.store(req.body as Record<string, unknown>, pending.updateClientId);
        pending.registered = registered;
        const request = registered.request!;
        res.json({
          ...request,
          client_id: registered.clientId,
          scope: registered.scopes.join(' '),
          [TOOL_CONFIGURATION]: { ...(request[TOOL_CONFIGURATION] as object), deployment_id: registered.deploymentId },
        });
      }),
    );
    return router;
  }

  /** Validates a registration request (LTI Dynamic Registration 1.0, section 3.3) and stores the tool. */
  private store(body: Record<string, unknown>, updateClientId?: string): ToolRegistration {
    const config = body[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
    if (!config || typeof config !== 'object') throw invalid(`${TOOL_CONFIGURATION} is missing.`);
    if (body.application_type !== 'web') throw invalid('application_type must be "web".');
    includes(body.response_types, 'id_token', 'response_types');
    includes(body.grant_types, 'implicit', 'grant_types');
    includes(body.grant_types, 'client_credentials', 'grant_types');
    if (body.token_endpoint_auth_method !== 'private_key_jwt')
      throw invalid('token_endpoint_auth_method must be "private_key_jwt".');
    const redirectUris = body.redirect_uris;
    if (!Array.isArray(redirectUris) || redirectUris.length === 0)
      throw invalid('redirect_uris must list at least one URI.');
    const requested = typeof body.scope === 'string' ? body.scope.split(' ') : [];
    const existing = updateClientId ? this.platform.tool(updateClientId) : undefined;
    return this.platform.addTool({
      ...(existing && { clientId: existing.clientId, deploymentId: existing.deploymentId }),
      name: typeof body.client_name === 'string' ? body.client_name : 'Unnamed tool',
      loginUrl: httpUrl(body.initiate_login_uri, 'initiate_login_uri'),
      targetLinkUri: httpUrl(config.target_link_uri, 'target_link_uri'),
      redirectUris: redirectUris.map((u, i) => httpUrl(u, `redirect_uris[${i}]`)),
      jwksUrl: httpUrl(body.jwks_uri, 'jwks_uri'),
      scopes: ALL_SCOPES.filter((s) => requested.includes(s)),
      customParameters: (config.custom_parameters as Record<string, string> | undefined) ?? {},
      messages: Array.isArray(config.messages) ? config.messages : [],
      request: body,
    });
  }
}
