/** OpenID side of the platform: its configuration, its keys, and the authorization endpoint that issues id_tokens. */
import express, { type Request, type Router } from 'express';
import { html } from './html.ts';
import { htmlHandler } from './http.ts';
import { signJwt } from './keys.ts';
import { LmsError, PRODUCT_FAMILY_CODE, type Platform } from './platform.ts';
import { ALL_SCOPES } from './types.ts';

export function openidConfiguration(platform: Platform): Record<string, unknown> {
  const e = platform.endpoints;
  return {
    issuer: platform.url,
    authorization_endpoint: e.auth(),
    token_endpoint: e.token(),
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: e.jwks(),
    registration_endpoint: e.registration(),
    scopes_supported: ['openid', ...ALL_SCOPES],
    response_types_supported: ['id_token'],
    response_modes_supported: ['form_post'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'aud', 'sub', 'iat', 'exp', 'nonce', 'name', 'given_name', 'family_name', 'email'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: PRODUCT_FAMILY_CODE,
      version: '1.0',
      messages_supported: [
        { type: 'LtiResourceLinkRequest' },
        { type: 'LtiDeepLinkingRequest', placements: ['ContentArea'] },
      ],
    },
  };
}

/** Reads one string parameter of the auth request, or refuses it. */
function param(req: Request, name: string): string {
  const value = (req.method === 'POST' ? req.body : req.query)[name] as unknown;
  if (typeof value !== 'string' || value === '') throw new LmsError(`The authentication request has no ${name}.`);
  return value;
}

function expect(name: string, actual: string, expected: string): void {
  if (actual !== expected) throw new LmsError(`${name} must be "${expected}", not "${actual}".`);
}

/** The page the browser auto-submits to the tool's redirect URI (OIDC `response_mode=form_post`). */
function formPost(action: string, idToken: string, state: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Launching the tool…</title></head>
<body><form method="post" action="${action}"><input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${state}"><noscript><button type="submit">Continue to the tool</button></noscript></form>
<script>document.forms[0].submit();</script></body></html>`.value;
}

export function oidcRoutes(platform: Platform): Router {
  const router = express.Router();
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json(openidConfiguration(platform));
  });
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.json({ keys: [platform.key.publicJwk] });
  });
  router.all(
    '/lti/auth',
    express.urlencoded({ extended: false }),
    htmlHandler(platform.name, 'Launch refused', async (req, res) => {
      const clientId = param(req, 'client_id');
      const tool = platform.tool(clientId);
      const redirectUri = param(req, 'redirect_uri');
      if (!tool.redirectUris.includes(redirectUri)) {
        throw new LmsError(
          `redirect_uri "${redirectUri}" is not registered for this tool (registered: ${tool.redirectUris.join(', ')}).`,
        );
      }
      expect('scope', param(req, 'scope'), 'openid');
      expect('response_type', param(req, 'response_type'), 'id_token');
      expect('response_mode', param(req, 'response_mode'), 'form_post');
      const nonce = param(req, 'nonce');
      const state = param(req, 'state');
      const loginHint = param(req, 'login_hint');
      const hint = platform.decodeHint(param(req, 'lti_message_hint'));
      if (hint.clientId !== clientId) throw new LmsError('lti_message_hint was issued for another client_id.');
      if (hint.personId !== loginHint) throw new LmsError('login_hint does not match the person of lti_message_hint.');
      const deploymentId = req.method === 'POST' ? req.body.lti_deployment_id : req.query.lti_deployment_id;
      if (deploymentId !== undefined) expect('lti_deployment_id', String(deploymentId), tool.deploymentId);

      const claims = platform.idTokenClaims(platform.resolve(hint), nonce);
      const idToken = await signJwt(claims, platform.key);
      res.type('html').send(formPost(redirectUri, idToken, state));
    }),
  );
  return router;
}
