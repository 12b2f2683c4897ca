/**
 * A minimal LTI tool for the LMS's own tests, shaped like ltijs (routes `/login`, `/`, `/keys`, `/register`;
 * `state<STATE>` cookie with Secure and SameSite=None; redirect to `/?ltik=` after a launch), so the platform and
 * the launch client are tested without the real tool.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { generateSigningKey, signJwt, type SigningKey } from './keys.ts';

export interface FakeTool {
  url: string;
  key: SigningKey;
  jwks: { keys: JWK[] };
  /** Claims of the id_tokens the tool accepted, latest last. */
  launches: JWTPayload[];
  /** Signs a JWT with the tool's key (client assertions, deep-linking responses). */
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

export async function startFakeTool(): Promise<FakeTool> {
  const { privateJwk, ...key } = await generateSigningKey();
  const { kty, n, e, kid, alg, use } = privateJwk;
  const jwks = { keys: [{ kty, n, e, kid, alg, use }] };
  const launches: JWTPayload[] = [];
  /** Pending logins by state: the issuer's JWKS, as ltijs keeps its platform's. */
  const platforms = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', tool.url);
    const redirect = (location: string, cookies: string[] = []) =>
      res.writeHead(302, { location, 'set-cookie': cookies }).end();
    void (async () => {
      if (url.pathname === '/keys')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      if (url.pathname === '/login') {
        const iss = url.searchParams.get('iss')!;
        const config = (await (await fetch(`${iss}/.well-known/openid-configuration`)).json()) as Record<
          string,
          string
        >;
        const state = randomBytes(8).toString('hex');
        platforms.set(state, createRemoteJWKSet(new URL(config.jwks_uri!)));
        const auth = new URL(config.authorization_endpoint!);
        const target = url.searchParams.get('target_link_uri')!;
        for (const [k, v] of Object.entries({
          response_type: 'id_token',
          response_mode: 'form_post',
          scope: 'openid',
          client_id: url.searchParams.get('client_id')!,
          redirect_uri: target,
          login_hint: url.searchParams.get('login_hint')!,
          lti_message_hint: url.searchParams.get('lti_message_hint')!,
          nonce: randomBytes(8).toString('hex'),
          prompt: 'none',
          state,
        })) {
          auth.searchParams.set(k, v);
        }
        return redirect(auth.toString(), [
          `state${state}=s%3A${encodeURIComponent(iss)}; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=None`,
        ]);
      }
      if (url.pathname === '/' && req.method === 'POST') {
        const form = await readForm(req);
        const state = form.get('state') ?? '';
        const keySet = platforms.get(state);
        if (!keySet || !req.headers.cookie?.includes(`state${state}=`))
          return res.writeHead(401).end('MISSING_VALIDATION_COOKIE');
        platforms.delete(state);
        try {
          const { payload } = await jwtVerify(form.get('id_token') ?? '', keySet);
          launches.push(payload);
        } catch (err) {
          return res.writeHead(401).end(String(err));
        }
        return redirect(`/?ltik=ltik-${launches.length}`, [
          `state${state}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
          'session=s%3Auser; Path=/; HttpOnly; Secure; SameSite=None',
        ]);
      }
      if (url.pathname === '/' && url.searchParams.has('ltik')) {
        const ok = req.headers.cookie?.includes('session=') && !req.headers.cookie.includes('state');
        return res.writeHead(ok ? 200 : 401).end(ok ? 'app' : 'Session not found');
      }
      if (url.pathname === '/register') {
        const config = (await (await fetch(url.searchParams.get('openid_configuration')!)).json()) as Record<
          string,
          string
        >;
        const token = url.searchParams.get('registration_token');
        const answer = await fetch(config.registration_endpoint!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
          body: JSON.stringify(registrationRequest(tool.url)),
        });
        if (!answer.ok) return res.writeHead(500).end(await answer.text());
        return res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<script>(window.opener || window.parent).postMessage({subject:"org.imsglobal.lti.close"}, "*");</script>',
          );
      }
      res.writeHead(404).end('not found');
    })().catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tool: FakeTool = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key,
    jwks,
    launches,
    sign: (claims) => signJwt(claims, key),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return tool;
}

/** The registration request ltijs 5.9.9 sends (its redirect URIs: the configured extras, then the app URL). */
export function registrationRequest(base: string): Record<string, unknown> {
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${base}/login`,
    redirect_uris: [`${base}/`, base],
    client_name: 'Fake tool',
    jwks_uri: `${base}/keys`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope:
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/score https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(base).host,
      target_link_uri: base,
      custom_parameters: { program: 'nsl' },
      messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
  };
}
