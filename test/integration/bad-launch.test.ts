/**
 * Every bad launch is refused with a clear message (an HTML page for a browser, JSON for an API
 * client) and writes nothing to the product's tables. Bad registrations fail clearly too.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { postIdToken, startLaunch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { startTestTool, type TestTool } from '../support/tool.ts';

let tool: TestTool;
let lms: TestLms;
const person = { courseId: 'nsl-2026', personId: 'hkowalski' };

const PRODUCT_TABLES = ['programs', 'people', 'memberships', 'launch_sessions', 'partnerships'];

async function productRowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of PRODUCT_TABLES) {
    const row = await tool.app.sql.one<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${t}`);
    counts[t] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * Starts a genuine launch (state cookie and all), then posts the given id_token in its place; the
 * token is made with the nonce the tool issued for this login.
 */
async function postInstead(idToken: (nonce: string) => Promise<string>, accept = 'text/html') {
  const { action, state, jar, idToken: genuine } = await startLaunch(lms, { ...person, toolUrl: tool.url });
  const token = await idToken(String(decodeJwt(genuine).nonce));
  const cookie = jar.header(action);
  return fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept, ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams({ id_token: token, state }),
  });
}

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms();
  lms.addCourse(sampleProgram());
  await lms.registerTool(`${tool.url}/register`);
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

describe('bad launches', () => {
  const cases: Array<[string, (nonce: string) => Promise<string>, RegExp]> = [
    ['a bad signature', (nonce) => lms.signIdToken({ ...person, nonce }, { foreignKey: true }), /signature/i],
    [
      'a wrong audience',
      (nonce) =>
        lms.signIdToken({ ...person, nonce }, { overrides: { aud: 'some-other-tool', azp: 'some-other-tool' } }),
      /not registered|audience/i,
    ],
    [
      'an expired token',
      (nonce) =>
        lms.signIdToken(
          { ...person, nonce },
          {
            overrides: { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
          },
        ),
      /expired/i,
    ],
    [
      'an unknown issuer',
      (nonce) => lms.signIdToken({ ...person, nonce }, { overrides: { iss: 'https://unknown-lms.example' } }),
      /could not be verified|not registered|another LMS/i,
    ],
    [
      'an unknown client',
      (nonce) => lms.signIdToken({ ...person, nonce }, { overrides: { aud: 'unknown-client-id' } }),
      /not registered/i,
    ],
    [
      'an unknown deployment',
      (nonce) =>
        lms.signIdToken(
          { ...person, nonce },
          {
            overrides: { 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'deployment-nobody-registered' },
          },
        ),
      /deployment/i,
    ],
    [
      'a missing version claim',
      (nonce) =>
        lms.signIdToken(
          { ...person, nonce },
          { overrides: { 'https://purl.imsglobal.org/spec/lti/claim/version': undefined } },
        ),
      /could not be verified/i,
    ],
    [
      'a missing context claim',
      (nonce) =>
        lms.signIdToken(
          { ...person, nonce },
          { overrides: { 'https://purl.imsglobal.org/spec/lti/claim/context': undefined } },
        ),
      /course/i,
    ],
    [
      'a missing sub claim',
      (nonce) => lms.signIdToken({ ...person, nonce }, { overrides: { sub: undefined } }),
      /could not be verified|identify/i,
    ],
  ];

  for (const [what, token, message] of cases) {
    it(`refuses ${what} with a clear page and writes nothing`, async () => {
      const before = await productRowCounts();
      const res = await postInstead(token);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toMatch(message);
      expect(await productRowCounts()).toEqual(before);
    });
  }

  it('refuses a replayed nonce', async () => {
    let used = '';
    const first = await postInstead((nonce) => lms.signIdToken({ ...person, nonce: (used = nonce) }));
    expect(first.status).toBe(302);
    const before = await productRowCounts();
    const replay = await postInstead(() => lms.signIdToken({ ...person, nonce: used }));
    expect(replay.status).toBe(401);
    expect(await replay.text()).toMatch(/already used/i);
    expect(await productRowCounts()).toEqual(before);
  });

  it('refuses in the launch’s language, with lang and dir: a replay in Arabic, a launch without a course in Spanish', async () => {
    let used = '';
    expect((await postInstead((nonce) => lms.signIdToken({ ...person, nonce: (used = nonce) }))).status).toBe(302);
    const replay = await postInstead(() => lms.signIdToken({ ...person, nonce: used, locale: 'ar-EG' }));
    expect(replay.status).toBe(401);
    const arabic = await replay.text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('استُخدم هذا الإطلاق من قبل. افتح الأداة مجددًا من مقررك.');
    const courseless = await postInstead((nonce) =>
      lms.signIdToken(
        { ...person, nonce, locale: 'es-MX' },
        { overrides: { 'https://purl.imsglobal.org/spec/lti/claim/context': undefined } },
      ),
    );
    expect(courseless.status).toBe(400);
    const spanish = await courseless.text();
    expect(spanish).toContain('<html lang="es" dir="ltr">');
    expect(spanish).toContain('El inicio no nombró ningún curso (falta el dato de contexto LTI).');
  });

  it('answers JSON to an API client', async () => {
    const res = await postInstead(
      (nonce) => lms.signIdToken({ ...person, nonce }, { foreignKey: true }),
      'application/json',
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/signature/i);
  });

  it('refuses a launch without the state cookie, saying why', async () => {
    const { action, idToken, state } = await startLaunch(lms, { ...person, toolUrl: tool.url });
    const res = await postIdToken(action, idToken, state);
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/cookie/i);
  });

  it('refuses login initiation from an unknown issuer', async () => {
    const url = new URL(`${tool.url}/login`);
    url.search = new URLSearchParams({
      iss: 'https://unknown-lms.example',
      login_hint: 'x',
      target_link_uri: `${tool.url}/launch`,
    }).toString();
    const res = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/not registered/i);
  });
});

describe('bad registrations', () => {
  it('fails clearly when the platform cannot be reached', async () => {
    const res = await fetch(
      `${tool.url}/register?openid_configuration=${encodeURIComponent('http://127.0.0.1:9/.well-known/openid-configuration')}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/could not be reached/i);
  });

  it('fails clearly when the configuration is malformed', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url?.includes('broken') ? '{"issuer": ' : JSON.stringify({ issuer: 'http://127.0.0.1' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const notJson = await fetch(`${tool.url}/register?openid_configuration=${encodeURIComponent(`${base}/broken`)}`);
      expect(notJson.status).toBe(400);
      expect(await notJson.text()).toMatch(/not answer with JSON/i);
      const incomplete = await fetch(
        `${tool.url}/register?openid_configuration=${encodeURIComponent(`${base}/config`)}`,
      );
      expect(incomplete.status).toBe(400);
      expect(await incomplete.text()).toMatch(/lacks authorization_endpoint/i);
    } finally {
      server.close();
    }
  });

  it('treats a repeated registration (Moodle’s "Update") as an update', async () => {
    const client = lms.tools().at(-1)!.clientId;
    const again = await lms.registerTool(`${tool.url}/register`, { update: client });
    expect(again.clientId).toBe(client);
  });
});
