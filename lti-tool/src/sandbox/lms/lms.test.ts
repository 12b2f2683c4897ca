import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { launch, postIdToken, startLaunch } from './browser-launch.ts';
import { registrationRequest, startFakeTool, type FakeTool } from './fake-tool.ts';
import { Role, Scope, startTestLms, type TestLms, type ToolRegistration } from './index.ts';
import { sampleProgram } from './sample.ts';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const course = sampleProgram();
const mentee = course.people.find((p) => p.id === 'hkowalski')!;

let lms: TestLms;
let tool: FakeTool;
let registration: ToolRegistration;

beforeAll(async () => {
  [lms, tool] = await Promise.all([startTestLms({ name: 'Test LMS' }), startFakeTool()]);
  lms.addCourse(course);
  registration = await lms.registerTool(`${tool.url}/register`);
});
afterAll(async () => {
  await Promise.all([lms.close(), tool.close()]);
});

/** A client-credentials token request signed by the fake tool. */
async function requestToken(scope: string, claims: Record<string, unknown> = {}) {
  const assertion = await tool.sign({
    iss: registration.clientId,
    sub: registration.clientId,
    aud: lms.endpoints.token,
    jti: crypto.randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 60,
    ...claims,
  });
  return fetch(lms.endpoints.token, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope,
    }),
  });
}

async function accessToken(scope: string): Promise<string> {
  const res = await requestToken(scope);
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('OpenID configuration and keys', () => {
  it('describes the platform as LTI Dynamic Registration expects', async () => {
    const config = (await (await fetch(lms.endpoints.openidConfiguration)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: lms.url,
      authorization_endpoint: lms.endpoints.auth,
      token_endpoint: lms.endpoints.token,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      jwks_uri: lms.endpoints.jwks,
      registration_endpoint: lms.endpoints.registration,
      id_token_signing_alg_values_supported: ['RS256'],
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: expect.any(String),
        messages_supported: [
          { type: 'LtiResourceLinkRequest' },
          expect.objectContaining({ type: 'LtiDeepLinkingRequest' }),
        ],
      },
    });
    expect(config.scopes_supported).toEqual(
      expect.arrayContaining(['openid', Scope.nrps, Scope.lineItem, Scope.score]),
    );
  });

  it('publishes an RSA signing key with a kid', async () => {
    const { keys } = (await (await fetch(lms.endpoints.jwks)).json()) as JSONWebKeySet;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('Dynamic Registration', () => {
  it('stores what the tool registered, with client and deployment ids', () => {
    expect(registration).toMatchObject({
      name: 'Fake tool',
      loginUrl: `${tool.url}/login`,
      targetLinkUri: tool.url,
      redirectUris: [`${tool.url}/`, tool.url],
      jwksUrl: `${tool.url}/keys`,
      customParameters: { program: 'nsl' },
    });
    expect(registration.clientId).toBeTruthy();
    expect(registration.deploymentId).toBeTruthy();
    expect(registration.scopes).toEqual(expect.arrayContaining([Scope.nrps, Scope.lineItem, Scope.score]));
    expect(lms.tools().map((t) => t.clientId)).toContain(registration.clientId);
  });

  it('refuses a registration without a valid registration token', async () => {
    const res = await fetch(lms.endpoints.registration, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer forged' },
      body: JSON.stringify(registrationRequest(tool.url)),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
  });

  it('rejects with the tool’s answer when the tool fails', async () => {
    await expect(lms.registerTool(`${tool.url}/no-such-route`)).rejects.toThrow(/answered 404: not found/);
  });

  it('keeps client and deployment ids when re-registering as an update', async () => {
    const updated = await lms.registerTool(`${tool.url}/register`, { update: registration.clientId });
    expect(updated).toMatchObject({ clientId: registration.clientId, deploymentId: registration.deploymentId });
    expect(lms.tools().filter((t) => t.clientId === registration.clientId)).toHaveLength(1);
  });
});

describe('launch', () => {
  it('signs an id_token with every LTI 1.3 claim, verifiable with the platform JWKS', async () => {
    const { idToken } = await startLaunch(lms, { courseId: course.id, personId: mentee.id });
    const jwks = (await (await fetch(lms.endpoints.jwks)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(idToken, createLocalJWKSet(jwks), {
      issuer: lms.url,
      audience: registration.clientId,
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]!.kid });
    expect(payload).toMatchObject({
      sub: mentee.id,
      azp: registration.clientId,
      nonce: expect.any(String),
      name: mentee.name,
      given_name: mentee.givenName,
      family_name: mentee.familyName,
      email: mentee.email,
      [`${LTI}message_type`]: 'LtiResourceLinkRequest',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: registration.deploymentId,
      [`${LTI}target_link_uri`]: tool.url,
      [`${LTI}resource_link`]: { id: expect.any(String) },
      [`${LTI}roles`]: [Role.Learner],
      [`${LTI}context`]: { id: course.id, label: course.label, title: course.title, type: expect.any(Array) },
      [`${LTI}tool_platform`]: { name: 'Test LMS', guid: expect.any(String), product_family_code: expect.any(String) },
      [`${LTI}launch_presentation`]: { document_target: 'iframe', return_url: `${lms.url}/courses/${course.id}` },
      [`${LTI}custom`]: { program: 'nsl' },
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
        context_memberships_url: expect.stringContaining(lms.url),
        service_versions: ['2.0'],
      },
      'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
        scope: expect.arrayContaining([Scope.lineItem, Scope.score]),
        lineitems: expect.stringContaining(lms.url),
      },
    });
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
  });

  it('goes through the tool like a browser and returns the ltik', async () => {
    const result = await launch(lms, { courseId: course.id, personId: mentee.id, toolUrl: tool.url });
    expect(result.ltik).toMatch(/^ltik-/);
    expect(result.appUrl).toBe(`${tool.url}/?ltik=${result.ltik}`);
    expect(await result.finalResponse.text()).toBe('app');
    expect(tool.launches.at(-1)!.sub).toBe(mentee.id);
  });

  it('sends deep-linking settings to staff placing the tool', async () => {
    await launch(lms, { courseId: course.id, personId: 'awhitfield', messageType: 'LtiDeepLinkingRequest' });
    const claims = tool.launches.at(-1)!;
    expect(claims[`${LTI}message_type`]).toBe('LtiDeepLinkingRequest');
    expect(claims[`${LTI}resource_link`]).toBeUndefined();
    expect(claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings']).toMatchObject({
      deep_link_return_url: `${lms.url}/lti/deep-linking/return`,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      data: expect.any(String),
    });
  });

  it('refuses an unknown client_id and an unregistered redirect_uri', async () => {
    const { searchParams } = new URL(lms.launchUrl({ courseId: course.id, personId: mentee.id }));
    const auth = (overrides: Record<string, string>) => {
      const url = new URL(lms.endpoints.auth);
      const params = {
        response_type: 'id_token',
        response_mode: 'form_post',
        scope: 'openid',
        client_id: registration.clientId,
        redirect_uri: tool.url,
        login_hint: mentee.id,
        lti_message_hint: searchParams.get('lti_message_hint')!,
        nonce: 'n-1',
        state: 's-1',
        ...overrides,
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return fetch(url);
    };
    expect((await auth({})).status).toBe(200);
    const unknown = await auth({ client_id: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Unknown client_id');
    const redirect = await auth({ redirect_uri: `${tool.url}/elsewhere` });
    expect(redirect.status).toBe(400);
    expect(await redirect.text()).toContain('is not registered for this tool');
    const impostor = await auth({ login_hint: 'mdelgado' });
    expect(impostor.status).toBe(400);
  });

  it('signs forged id_tokens for bad-launch tests', async () => {
    const jwks = createLocalJWKSet((await (await fetch(lms.endpoints.jwks)).json()) as JSONWebKeySet);
    const p = { courseId: course.id, personId: mentee.id };
    const altered = await lms.signIdToken(p, { overrides: { [`${LTI}version`]: '1.1', email: undefined } });
    const { payload } = await jwtVerify(altered, jwks);
    expect(payload[`${LTI}version`]).toBe('1.1');
    expect(payload).not.toHaveProperty('email');
    const forged = await lms.signIdToken(p, { foreignKey: true });
    await expect(jwtVerify(forged, jwks)).rejects.toThrow(/signature/);

    const { action, state, jar } = await startLaunch(lms, { ...p, jar: undefined });
    const res = await postIdToken(action, forged, state, jar);
    expect(res.status).toBe(401);
  });
});

describe('Names and Roles', () => {
  const url = () => `${lms.url}/api/lti/courses/${course.id}/memberships`;
  const accept = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

  it('requires a bearer token with the NRPS scope', async () => {
    expect((await fetch(url())).status).toBe(401);
    const agsOnly = await accessToken(Scope.lineItem);
    expect((await fetch(url(), { headers: { authorization: `Bearer ${agsOnly}` } })).status).toBe(403);
  });

  it('returns the roster as a membership container, filtered and paged', async () => {
    const token = await accessToken(Scope.nrps);
    const headers = { authorization: `Bearer ${token}`, accept };
    const res = await fetch(url(), { headers });
    expect(res.headers.get('content-type')).toContain(accept);
    const body = (await res.json()) as { context: unknown; members: unknown[] };
    expect(body.context).toMatchObject({ id: course.id, title: course.title });
    expect(body.members).toHaveLength(course.people.length);
    expect(body.members).toContainEqual({
      status: 'Active',
      user_id: mentee.id,
      roles: mentee.roles,
      name: mentee.name,
      given_name: mentee.givenName,
      family_name: mentee.familyName,
      email: mentee.email,
    });
    const staff = (await (
      await fetch(`${url()}?role=${encodeURIComponent(Role.Instructor)}`, { headers })
    ).json()) as typeof body;
    expect(staff.members).toHaveLength(1);
    const page = await fetch(`${url()}?limit=4`, { headers });
    expect(((await page.json()) as typeof body).members).toHaveLength(4);
    expect(page.headers.get('link')).toMatch(/offset=4.*rel="next"/);
  });
});

describe('token endpoint', () => {
  it('grants the requested scopes the tool registered for', async () => {
    const res = await requestToken(`${Scope.nrps} https://example.org/unknown-scope`);
    expect(await res.json()).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: Scope.nrps,
      access_token: expect.any(String),
    });
  });

  it('refuses an assertion for another audience, a replayed one, and one not signed by the tool', async () => {
    expect((await requestToken(Scope.nrps, { aud: lms.url })).status).toBe(401);
    const jti = crypto.randomUUID();
    expect((await requestToken(Scope.nrps, { jti })).status).toBe(200);
    expect((await requestToken(Scope.nrps, { jti })).status).toBe(401);
    const forger = await startFakeTool();
    try {
      const assertion = await forger.sign({
        iss: registration.clientId,
        sub: registration.clientId,
        aud: lms.endpoints.token,
        jti: crypto.randomUUID(),
        exp: Math.floor(Date.now() / 1000) + 60,
      });
      const res = await fetch(lms.endpoints.token, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
          scope: Scope.nrps,
        }),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    } finally {
      await forger.close();
    }
  });
});

describe('Assignment and Grade Services', () => {
  it('creates line items and records scores', async () => {
    const token = await accessToken(`${Scope.lineItem} ${Scope.score}`);
    const auth = { authorization: `Bearer ${token}` };
    const created = await fetch(`${lms.url}/api/lti/courses/${course.id}/lineitems`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/vnd.ims.lis.v2.lineitem+json' },
      body: JSON.stringify({ label: 'Checkpoint 1 completed', scoreMaximum: 1, tag: 'checkpoint' }),
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: string };
    expect(lms.lineItems(course.id)).toContainEqual({
      id: item.id,
      label: 'Checkpoint 1 completed',
      scoreMaximum: 1,
      tag: 'checkpoint',
    });
    expect((await fetch(item.id, { headers: auth })).status).toBe(200);
    const list = await fetch(`${lms.url}/api/lti/courses/${course.id}/lineitems?tag=checkpoint`, { headers: auth });
    expect(await list.json()).toHaveLength(1);

    const score = {
      userId: mentee.id,
      scoreGiven: 1,
      scoreMaximum: 1,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: new Date().toISOString(),
    };
    const posted = await fetch(`${item.id}/scores`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
      body: JSON.stringify(score),
    });
    expect(posted.status).toBe(204);
    expect(lms.scores(item.id)).toEqual([score]);
    const stranger = await fetch(`${item.id}/scores`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
      body: JSON.stringify({ ...score, userId: 'someone-else' }),
    });
    expect(stranger.status).toBe(400);
  });
});

describe('deep-linking return', () => {
  async function deepLinkRequest() {
    await launch(lms, { courseId: course.id, personId: 'awhitfield', messageType: 'LtiDeepLinkingRequest' });
    const settings = tool.launches.at(-1)![
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'
    ] as Record<string, string>;
    return settings;
  }
  const response = (data: string, claims: Record<string, unknown> = {}) =>
    tool.sign({
      iss: registration.clientId,
      aud: lms.url,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 60,
      nonce: crypto.randomUUID(),
      [`${LTI}message_type`]: 'LtiDeepLinkingResponse',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: registration.deploymentId,
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': data,
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [
        { type: 'ltiResourceLink', title: 'Mentoring workspaces', url: `${tool.url}/`, custom: { view: 'workspaces' } },
      ],
      ...claims,
    });
  const post = (returnUrl: string, jwt: string) =>
    fetch(returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });

  it('verifies the response with the tool’s keys and places its items', async () => {
    const settings = await deepLinkRequest();
    const res = await post(settings.deep_link_return_url!, await response(settings.data!));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Placed in the course');
    const placed = lms.deepLinks(course.id).at(-1)!;
    expect(placed).toMatchObject({ clientId: registration.clientId, personId: 'awhitfield' });
    expect(placed.items[0]).toMatchObject({ title: 'Mentoring workspaces', resourceLinkId: expect.any(String) });

    await launch(lms, { courseId: course.id, personId: mentee.id, resourceLinkId: placed.items[0]!.resourceLinkId });
    const claims = tool.launches.at(-1)!;
    expect(claims[`${LTI}resource_link`]).toMatchObject({
      id: placed.items[0]!.resourceLinkId,
      title: 'Mentoring workspaces',
    });
    expect(claims[`${LTI}target_link_uri`]).toBe(`${tool.url}/`);
    expect(claims[`${LTI}custom`]).toMatchObject({ program: 'nsl', view: 'workspaces' });
  });

  it('refuses a response with the wrong message type, a forged signature or an unknown request', async () => {
    const settings = await deepLinkRequest();
    const wrongType = await post(
      settings.deep_link_return_url!,
      await response(settings.data!, { [`${LTI}message_type`]: 'LtiResourceLinkRequest' }),
    );
    expect(wrongType.status).toBe(400);
    expect(await wrongType.text()).toContain('message_type');

    const valid = await response(settings.data!);
    const [header, payload] = valid.split('.');
    const tampered = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await post(settings.deep_link_return_url!, tampered)).status).toBe(400);
    expect((await post(settings.deep_link_return_url!, await response('made-up'))).status).toBe(400);
    expect(decodeJwt(valid).aud).toBe(lms.url);
  });
});

describe('sandbox pages', () => {
  it('shows the course roster grouped, with launch buttons, and the tool in an iframe', async () => {
    const page = await (await fetch(`${lms.url}/courses/${course.id}`)).text();
    expect(page).toContain('<h1>New School Leaders 2026–2028</h1>');
    for (const heading of ['Coordinator', 'Mentors', 'Mentees']) expect(page).toContain(`>${heading}</h3>`);
    expect(page).toContain('Launch as Liam O&#39;Brien');
    expect(page.match(/Place the tool \(deep linking\)/g)).toHaveLength(1);

    const launched = await (await fetch(`${lms.url}/courses/${course.id}?as=${mentee.id}`)).text();
    const src = /<iframe class="tool" src="([^"]+)"[^>]*allow="clipboard-write"/.exec(launched)?.[1];
    expect(src?.replaceAll('&amp;', '&')).toMatch(new RegExp(`^${tool.url}/login\\?iss=`));
  });

  it('opens a tool registration in a frame that listens for the close message', async () => {
    const page = await (
      await fetch(`${lms.url}/admin/register?url=${encodeURIComponent(`${tool.url}/register`)}`)
    ).text();
    expect(page).toContain(`src="${tool.url}/register?openid_configuration=`);
    expect(page).toContain('org.imsglobal.lti.close');
  });
});
