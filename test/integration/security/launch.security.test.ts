/**
 * Hostile launches: id_tokens signed by a registered LMS but carrying claims of the wrong shape,
 * times or parties, nonces the tool never issued for that login, and replays. Each is refused with
 * a clear page (never a 500 or an internal error) and writes nothing to the product's tables.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { postIdToken, startLaunch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { startTestTool, type TestTool } from '../../support/tool.ts';
import { expectRefusal, LTI, nowSeconds, postInstead, productRowCounts, type Launcher } from './launch-support.ts';

let tool: TestTool;
let lms: TestLms;
let l: Launcher;
const person = { courseId: 'nsl-2026', personId: 'hkowalski' };

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms();
  lms.addCourse(sampleProgram());
  await lms.registerTool(`${tool.url}/register`);
  l = { lms, tool, person };
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

const signed = (overrides: Record<string, unknown>) => (nonce: string) =>
  lms.signIdToken({ ...person, nonce }, { overrides });

describe('claims of the wrong shape', () => {
  // ltijs itself refuses some (401); the tool's schema the rest (400): a clear page either way.
  const cases: Array<[string, Record<string, unknown>, RegExp, number?]> = [
    ['name as an object', { name: { first: 'Hanna' } }, /“name” is not text/],
    ['given_name as a list', { given_name: ['Hanna'] }, /“given_name” is not text/],
    ['email as a number', { email: 42 }, /“email” is not text/],
    ['context.id as an object', { [`${LTI}context`]: { id: { $ne: null }, title: 'x' } }, /“context\.id” is not text/],
    ['context as a string', { [`${LTI}context`]: 'nsl-2026' }, /“context” is not an object/],
    ['roles as a number', { [`${LTI}roles`]: 7 }, /claims is missing or has the wrong form/, 401],
    ['a role that is not text', { [`${LTI}roles`]: [{ role: 'Instructor' }] }, /“roles\.0” is not text/],
    ['a NUL in the name', { name: 'Hanna\u0000Kowalski' }, /“name” contains a NUL/],
    [
      'a lone surrogate in the course title',
      { [`${LTI}context`]: { id: 'nsl-2026', title: 'Lead \ud800' } },
      /“context\.title” contains/,
    ],
    ['a name of 10,000 characters', { name: 'n'.repeat(10_000) }, /“name” is longer than 500/],
    [
      'a Names and Roles URL that is javascript:',
      {
        'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
          context_memberships_url: 'javascript:alert(1)',
        },
      },
      /context_memberships_url” is not an http\(s\) URL/,
    ],
    [
      'a line items URL that is not a URL',
      {
        'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': { lineitems: 'not a url', scope: [] },
      },
      /lineitems” is not an http\(s\) URL/,
    ],
    ['an unknown message type', { [`${LTI}message_type`]: 'LtiSubmissionReviewRequest' }, /MESSAGE_TYPE/, 401],
    ['roles as a string', { [`${LTI}roles`]: 'Instructor' }, /claims is missing or has the wrong form/, 401],
  ];
  for (const [what, overrides, message, status = 400] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await productRowCounts(tool);
      await expectRefusal(await postInstead(l, signed(overrides)), status, message);
      expect(await productRowCounts(tool)).toEqual(before);
    });
  }
});

describe('times, parties and targets', () => {
  const cases: Array<[string, () => Record<string, unknown>, number, RegExp]> = [
    ['a token without exp', () => ({ exp: undefined }), 400, /“exp” is missing/],
    [
      'a token issued a day in the future',
      () => ({ iat: nowSeconds() + 86_400, exp: nowSeconds() + 90_000 }),
      401,
      /future/,
    ],
    ['a token issued two minutes in the future', () => ({ iat: nowSeconds() + 120 }), 401, /future/],
    ['an authorized party that is another tool', () => ({ azp: 'some-other-tool' }), 401, /another tool/],
    [
      'several audiences without an authorized party',
      () => ({ aud: [lms.tools().at(-1)!.clientId, 'another-client'], azp: undefined }),
      401,
      /authorized party/,
    ],
    [
      'a target_link_uri on another site',
      () => ({ [`${LTI}target_link_uri`]: 'https://evil.example/launch' }),
      400,
      /target_link_uri/,
    ],
    [
      'a target_link_uri on the tool’s host but another port',
      () => ({ [`${LTI}target_link_uri`]: `http://127.0.0.1:9/launch` }),
      400,
      /target_link_uri/,
    ],
  ];
  for (const [what, overrides, status, message] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await productRowCounts(tool);
      await expectRefusal(await postInstead(l, signed(overrides())), status, message);
      expect(await productRowCounts(tool)).toEqual(before);
    });
  }

  it('accepts a token issued a few seconds in the future (clock skew within a minute)', async () => {
    const res = await postInstead(l, signed({ iat: nowSeconds() + 20 }));
    expect(res.status).toBe(302);
    await res.arrayBuffer();
  });
});

describe('nonces', () => {
  it('refuses a nonce the tool never issued', async () => {
    const before = await productRowCounts(tool);
    const res = await postInstead(l, () => lms.signIdToken({ ...person, nonce: crypto.randomUUID() }));
    await expectRefusal(res, 401, /not started by this tool’s sign-in/);
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('refuses a nonce issued for another login (a token carried to another browser)', async () => {
    const other = await startLaunch(lms, { ...person, toolUrl: tool.url });
    const stolenNonce = String(decodeJwt(other.idToken).nonce);
    const before = await productRowCounts(tool);
    const res = await postInstead(l, () => lms.signIdToken({ ...person, nonce: stolenNonce }));
    await expectRefusal(res, 401, /not started by this tool’s sign-in/);
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('refuses an unused id_token captured from one login and posted with another login’s state', async () => {
    const victim = await startLaunch(lms, { ...person, toolUrl: tool.url });
    const attacker = await startLaunch(lms, { courseId: 'nsl-2026', personId: 'jwashington', toolUrl: tool.url });
    const before = await productRowCounts(tool);
    const res = await postIdToken(attacker.action, victim.idToken, attacker.state, attacker.jar);
    await expectRefusal(res, 401, /not started by this tool’s sign-in|already used/);
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('takes a nonce once: the same launch posted again is refused', async () => {
    const { action, idToken, state, jar } = await startLaunch(lms, { ...person, toolUrl: tool.url });
    const cookie = jar.header(action);
    const post = () =>
      fetch(action, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          ...(cookie ? { cookie } : {}),
        },
        body: new URLSearchParams({ id_token: idToken, state }),
      });
    const first = await post();
    expect(first.status).toBe(302);
    await first.arrayBuffer();
    const before = await productRowCounts(tool);
    const again = await post();
    expect(again.status).toBeGreaterThanOrEqual(400);
    await expectRefusal(again, again.status);
    expect(await productRowCounts(tool)).toEqual(before);
  });

  it('keeps issued nonces in the database, one per login, bound to its state', async () => {
    const { idToken, state } = await startLaunch(lms, { ...person, toolUrl: tool.url });
    const nonce = String(decodeJwt(idToken).nonce);
    expect(nonce).toMatch(/^[\w-]{43}$/);
    const row = await tool.app.sql.one<{ state: string }>('SELECT state FROM launch_nonces WHERE nonce = :nonce', {
      nonce,
    });
    expect(row?.state).toBe(state);
  });

  it('refuses a request to the launch route that carries an ltik but no id_token', async () => {
    const { action, idToken, state, jar } = await startLaunch(lms, { ...person, toolUrl: tool.url });
    const launched = await postIdToken(action, idToken, state, jar);
    const ltik = new URL(launched.headers.get('location')!, action).searchParams.get('ltik')!;
    await launched.arrayBuffer();
    const before = await productRowCounts(tool);
    const res = await fetch(`${tool.url}/launch`, {
      headers: { authorization: `Bearer ${ltik}`, accept: 'text/html' },
    });
    await expectRefusal(res, 401, /not a launch from your course/);
    expect(await productRowCounts(tool)).toEqual(before);
  });
});

describe('login initiation', () => {
  const login = (params: Record<string, string | string[]>) => {
    const url = new URL(`${tool.url}/login`);
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) url.searchParams.append(k, one);
    return fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
  };
  const base = () => {
    const t = lms.tools().at(-1)!;
    return { iss: lms.url, login_hint: 'hkowalski', client_id: t.clientId, lti_deployment_id: t.deploymentId };
  };

  const foreign: Array<[string, () => string]> = [
    ['another site', () => 'https://evil.example/'],
    ['the tool’s host on another port', () => 'http://127.0.0.1:9/launch'],
    ['a javascript: URL', () => 'javascript:alert(document.domain)'],
    ['a host that starts like the tool’s', () => `${tool.url}.evil.example/launch`],
    ['user info that hides another host', () => `http://127.0.0.1@evil.example/launch`],
  ];
  for (const [what, target] of foreign) {
    it(`refuses a target_link_uri on ${what}, before anything goes to the LMS`, async () => {
      const res = await login({ ...base(), target_link_uri: target() });
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('set-cookie')).toBeNull();
      await expectRefusal(res, 400, /not part of this tool/);
    });
  }

  it('refuses a login parameter given twice', async () => {
    const res = await login({
      ...base(),
      iss: [lms.url, 'https://evil.example'],
      target_link_uri: `${tool.url}/launch`,
    });
    await expectRefusal(res, 400, /“iss” must be given once/);
  });

  it('refuses target_link_uri given twice', async () => {
    const res = await login({ ...base(), target_link_uri: [`${tool.url}/launch`, 'https://evil.example/'] });
    await expectRefusal(res, 400, /“target_link_uri” must be given once/);
  });

  it('answers an oversized POSTed login with a page, not a stack', async () => {
    const res = await fetch(`${tool.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ ...base(), target_link_uri: `${tool.url}/launch`, pad: 'x'.repeat(200_000) }),
    });
    await expectRefusal(res, 413, /could not be read/);
  });

  it('answers a POSTed login in an unknown charset with a page, not a stack', async () => {
    const res = await fetch(`${tool.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-7', accept: 'text/html' },
      body: new URLSearchParams({ ...base(), target_link_uri: `${tool.url}/launch` }),
    });
    await expectRefusal(res, 415, /could not be read/);
  });

  it('sends the LMS its own random nonce for a target under PUBLIC_URL', async () => {
    const res = await login({ ...base(), target_link_uri: `${tool.url}/launch` });
    expect(res.status).toBe(302);
    const auth = new URL(res.headers.get('location')!);
    expect(auth.origin).toBe(lms.url);
    expect(auth.searchParams.get('redirect_uri')).toBe(`${tool.url}/launch`);
    expect(auth.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
  });
});
