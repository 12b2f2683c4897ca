/**
 * Hostile deep-linking launches: return URLs that are not http(s) (https in production), settings
 * missing or of the wrong shape, and LMSs that accept nothing the tool can place. Refusals write
 * nothing; an LMS that accepts no LTI link hears so, and the page says so plainly.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { registerPlatform } from '@mentoring/lti-tool/src/services/registration.ts';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { DL_SETTINGS, expectRefusal, LTI, postInstead, productRowCounts, type Launcher } from './launch-support.ts';

let tool: TestTool;
let lms: TestLms;
let l: Launcher;
const coordinator = { courseId: 'nsl-2026', personId: 'awhitfield' };

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms();
  lms.addCourse(sampleProgram());
  await lms.registerTool(`${tool.url}/register`);
  l = { lms, tool, person: coordinator };
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

const settings = (extra: Record<string, unknown>) => ({
  deep_link_return_url: `${lms.url}/lti/deep-linking/return`,
  accept_types: ['ltiResourceLink'],
  accept_presentation_document_targets: ['iframe', 'window'],
  ...extra,
});

/** A deep-linking id_token from the LMS with the given overrides (the real `data` claim kept). */
function deepLinking(overrides: (claims: Record<string, unknown>) => Record<string, unknown>) {
  return async (nonce: string) => {
    const genuine = lms.idTokenClaims({ ...coordinator, messageType: 'LtiDeepLinkingRequest' }, nonce);
    const data = (genuine[DL_SETTINGS] as { data: string }).data;
    const o = overrides(genuine);
    if (o[DL_SETTINGS] && typeof o[DL_SETTINGS] === 'object') o[DL_SETTINGS] = { data, ...o[DL_SETTINGS] };
    return lms.signIdToken({ ...coordinator, nonce, messageType: 'LtiDeepLinkingRequest' }, { overrides: o });
  };
}

function formOf(page: string) {
  const form = /action="([^"]+)"[\s\S]*name="JWT" value="([^"]+)"/.exec(page);
  expect(form).not.toBeNull();
  return { action: form![1]!.replace(/&amp;/g, '&'), jwt: form![2]! };
}

describe('return URLs', () => {
  const bad: Array<[string, string]> = [
    ['a javascript: URL', 'javascript:alert(document.domain)//'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a relative URL', '/lti/deep-linking/return'],
    ['a file: URL', 'file:///etc/passwd'],
  ];
  for (const [what, url] of bad) {
    it(`refuses ${what} as the return URL and writes nothing`, async () => {
      const before = await productRowCounts(tool);
      const body = await expectRefusal(
        await postInstead(
          l,
          deepLinking(() => ({ [DL_SETTINGS]: settings({ deep_link_return_url: url }) })),
        ),
        400,
        /deep_link_return_url” is not an http\(s\) URL/,
      );
      expect(body).not.toContain(url.slice(0, 10));
      expect(await productRowCounts(tool)).toEqual(before);
    });
  }

  it('refuses deep linking without its settings and writes nothing', async () => {
    const before = await productRowCounts(tool);
    await expectRefusal(
      await postInstead(
        l,
        deepLinking(() => ({ [DL_SETTINGS]: undefined })),
      ),
      400,
      /did not say where to return/,
    );
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('refuses accept_types that are not a list and writes nothing', async () => {
    const before = await productRowCounts(tool);
    await expectRefusal(
      await postInstead(
        l,
        deepLinking(() => ({ [DL_SETTINGS]: settings({ accept_types: 'ltiResourceLink' }) })),
      ),
      400,
      /accept_types” is not a list of text/,
    );
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('refuses a deep-linking launch with a malformed course and writes no program, person, membership or session', async () => {
    const before = await productRowCounts(tool);
    await expectRefusal(
      await postInstead(
        l,
        deepLinking(() => ({ [`${LTI}context`]: { id: ['nsl-2026'] } })),
      ),
      400,
      /context\.id/,
    );
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('refuses a deep-linking launch from an unknown deployment and writes nothing', async () => {
    const before = await productRowCounts(tool);
    await expectRefusal(
      await postInstead(
        l,
        deepLinking(() => ({ [`${LTI}deployment_id`]: 'deployment-nobody-registered' })),
      ),
      403,
      /deployment/,
    );
    expect(await productRowCounts(tool)).toEqual(before);
  });
});

describe('accept_types', () => {
  for (const accepted of [['file'], [], ['html', 'link']]) {
    it(`says plainly that nothing can be placed when the LMS accepts ${JSON.stringify(accepted)}, and tells the LMS no success`, async () => {
      const before = await productRowCounts(tool);
      const res = await postInstead(
        l,
        deepLinking(() => ({ [DL_SETTINGS]: settings({ accept_types: accepted }) })),
      );
      const body = await expectRefusal(res, 200, /cannot place Mentoring workspaces here/);
      expect(body).toMatch(/Nothing was added to the course/);
      expect(body).not.toMatch(/workspaces was added/);
      const { action, jwt } = formOf(body);
      expect(action).toBe(`${lms.url}/lti/deep-linking/return`);
      const answer = decodeJwt(jwt);
      expect(answer['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toEqual([]);
      expect(answer['https://purl.imsglobal.org/spec/lti-dl/claim/msg']).toBeUndefined();
      expect(await productRowCounts(tool)).toEqual(before);
      const placed = await fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ JWT: jwt }),
      });
      expect(await placed.text()).toMatch(/Nothing was placed/);
    });
  }

  it('places the link where ltiResourceLink is accepted, and lets the page post only to the LMS', async () => {
    const res = await postInstead(
      l,
      deepLinking(() => ({ [DL_SETTINGS]: settings({}) })),
    );
    const body = await expectRefusal(res, 200, /Add Mentoring workspaces to/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(new RegExp(`form-action 'self' ${lms.url.replace(/[.]/g, '\\.')}(;|$)`));
    const answer = decodeJwt(formOf(body).jwt);
    expect(answer['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toHaveLength(1);
  });
});

describe('in production', () => {
  let prodTool: TestTool;
  let prodLms: TestLms;
  beforeAll(async () => {
    prodTool = await startTestTool({ config: { production: true, registrationAllowPrivate: false } });
    prodLms = await startTestLms();
    prodLms.addCourse(sampleProgram());
    const reg = prodLms.addTool({
      loginUrl: `${prodTool.url}/login`,
      launchUrl: `${prodTool.url}/launch`,
      jwksUrl: `${prodTool.url}/keys`,
    });
    await registerPlatform(prodTool.app, {
      issuer: prodLms.url,
      clientId: reg.clientId,
      name: 'Production-like LMS',
      authenticationEndpoint: prodLms.endpoints.auth,
      accessTokenEndpoint: prodLms.endpoints.token,
      jwksUrl: prodLms.endpoints.jwks,
      deploymentIds: [reg.deploymentId],
    });
  });
  afterAll(async () => {
    await prodTool?.close();
    await prodLms?.close();
  });

  it('refuses an http:// return URL and writes nothing', async () => {
    const p: Launcher = { lms: prodLms, tool: prodTool, person: coordinator };
    const before = await productRowCounts(prodTool);
    const res = await postInstead(p, async (nonce) => {
      const genuine = prodLms.idTokenClaims({ ...coordinator, messageType: 'LtiDeepLinkingRequest' }, nonce);
      return prodLms.signIdToken(
        { ...coordinator, nonce, messageType: 'LtiDeepLinkingRequest' },
        {
          overrides: { [DL_SETTINGS]: genuine[DL_SETTINGS] },
        },
      );
    });
    await expectRefusal(res, 400, /return address is not https/);
    expect(await productRowCounts(prodTool)).toEqual(before);
  });
});
