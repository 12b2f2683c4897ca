/**
 * Issue 9 through the test LMS in each of its modes: the state cookie is partitioned; a Moodle-like
 * course (POST initiation, single-use hint) launches, and where the cookie is refused in the frame the
 * refusal sends the person back to the LMS's own launch.php; a Canvas-like course completes through
 * Platform Storage from GET and POST initiations; refusals are told to whoever can act and logged;
 * and a launch begun on one instance completes on another sharing the database (issue 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import {
  completeLaunch,
  CookieJar,
  followToApp,
  initiateLogin,
  launch,
  startLaunch,
  startLaunchFromLmsPage,
} from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { setRelaunchTemplate } from '@mentoring/lti-tool/src/models/logins.ts';
import { apiAs, startTestTool, type TestTool } from '../support/tool.ts';

let tool: TestTool;
let other: TestTool;
let lms: TestLms;
const warned: Array<Record<string, unknown>> = [];
const errors: unknown[] = [];

const CMID = 7;
const MOODLE = 'nsl-moodle';
const CANVAS = 'nsl-canvas';
const mentee = 'hkowalski';
const coordinator = 'awhitfield';

/** A browser that refuses the tool's state cookie inside the LMS frame. */
const blockedJar = () => new CookieJar({ refuse: /^state/ });

/** The browser signs in to the LMS (its first-party session), as a person opening the course does. */
async function signIn(jar: CookieJar, courseId: string, personId: string) {
  const url = `${lms.url}/courses/${courseId}?as=${personId}`;
  const res = await fetch(url, { redirect: 'manual' });
  jar.store(url, res);
  await res.arrayBuffer();
}

/** Keeps what the tool logs at warn and error (the tests run its logger silent). */
function recordWarnings(t: TestTool) {
  const log = t.app.log as unknown as { warn: (obj: unknown) => void; error: (obj: unknown) => void };
  log.warn = (obj: unknown) => void warned.push(obj as Record<string, unknown>);
  log.error = (obj: unknown) => void errors.push(obj);
}

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'Sandbox LMS' });
  lms.addCourse(sampleProgram());
  lms.addCourse({ ...sampleProgram(), id: MOODLE, title: 'NSL on Moodle', mode: 'moodle', cmid: CMID });
  lms.addCourse({ ...sampleProgram(), id: CANVAS, title: 'NSL on Canvas', mode: 'canvas' });
  await lms.registerTool(`${tool.url}/register`);
  // A second instance of the tool on the same database (no sticky sessions between them).
  // Instances behind one load balancer share one public address (a launch names it in target_link_uri).
  other = await startTestTool({
    dataDir: tool.dataDir,
    env: { DATABASE_URL: tool.config.databaseUrl },
    config: { publicUrl: tool.url },
  });
  recordWarnings(tool);
  recordWarnings(other);
});

afterAll(async () => {
  // Nothing along the way was an error of the tool's own.
  expect(errors).toEqual([]);
  await other?.close();
  await tool?.close();
  await lms?.close();
});

describe('the state cookie', () => {
  it('is set Partitioned, Secure, SameSite=None, HttpOnly, for 60 s, from GET and POST initiations', async () => {
    for (const courseId of ['nsl-2026', MOODLE]) {
      const initiation = lms.loginInitiation({ courseId, personId: mentee });
      const url = new URL(initiation.url);
      const res =
        initiation.method === 'GET'
          ? await fetch(`${url}?${new URLSearchParams(initiation.params)}`, { redirect: 'manual' })
          : await fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(initiation.params) });
      expect(res.status).toBe(302);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('state'));
      expect(cookie, courseId).toBeDefined();
      const attributes = cookie!.split(';').map((a) => a.trim().toLowerCase());
      expect(attributes).toEqual(
        expect.arrayContaining(['max-age=60', 'httponly', 'secure', 'samesite=none', 'partitioned']),
      );
    }
  });
});

describe('a Moodle-like course', () => {
  it('launches from a POSTed login initiation with Moodle’s JSON hint', async () => {
    const initiation = lms.loginInitiation({ courseId: MOODLE, personId: mentee });
    expect(initiation.method).toBe('POST');
    expect(JSON.parse(initiation.params.lti_message_hint!)).toMatchObject({ cmid: CMID });
    const { api } = await launch(lms, { courseId: MOODLE, personId: mentee, toolUrl: tool.url }).then((r) => ({
      api: apiAs(tool, r.ltik),
    }));
    expect((await api.me({})).program.title).toBe('NSL on Moodle');
  });

  it('refuses a replayed login initiation, as Moodle does', async () => {
    const initiation = lms.loginInitiation({ courseId: MOODLE, personId: mentee });
    const first = await initiateLogin(initiation, new CookieJar());
    expect((await fetch(first)).status).toBe(200);
    const again = await initiateLogin(initiation, new CookieJar());
    const replay = await fetch(again);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/Invalid request/);
  });

  it('sends the person whose browser refused the cookie back to launch.php, which lands them top-level', async () => {
    const framed = blockedJar();
    const auth = await startLaunch(lms, { courseId: MOODLE, personId: mentee, toolUrl: tool.url, jar: framed });
    const refused = await completeLaunch(auth);
    expect(refused.status).toBe(401);
    const page = await refused.text();
    const relaunch = `${lms.url}/mod/lti/launch.php?id=${CMID}`;
    expect(page).toContain(`href="${relaunch}"`);
    expect(page).toMatch(/Continue in a new window/);
    expect(page).not.toMatch(/\/login/);

    // The new window is top-level at the LMS: its session and the tool's cookie are first-party.
    const window = new CookieJar();
    await signIn(window, MOODLE, mentee);
    const top = await startLaunchFromLmsPage(relaunch, window);
    const landed = await followToApp(await completeLaunch(top), top.action, window);
    const me = await apiAs(tool, landed.ltik).me({});
    expect(me.person.name).toBe('Hannah Kowalski');
    expect(me.program.title).toBe('NSL on Moodle');
  });

  it('tells an API client the same in JSON, with the relaunch address', async () => {
    const auth = await startLaunch(lms, { courseId: MOODLE, personId: mentee, toolUrl: tool.url, jar: blockedJar() });
    const res = await fetch(auth.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id_token: auth.idToken, state: auth.state }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { relaunchUrl: string; message: string } };
    expect(body.error.relaunchUrl).toBe(`${lms.url}/mod/lti/launch.php?id=${CMID}`);
  });

  it('places the tool by deep linking; refused, it gives a plain instruction (Moodle names no activity then)', async () => {
    const ok = await startLaunch(lms, {
      courseId: MOODLE,
      personId: coordinator,
      messageType: 'LtiDeepLinkingRequest',
      toolUrl: tool.url,
    });
    const placed = await completeLaunch(ok);
    expect(placed.status).toBe(200);
    expect(await placed.text()).toMatch(/name="JWT"/);

    const blocked = await startLaunch(lms, {
      courseId: MOODLE,
      personId: coordinator,
      messageType: 'LtiDeepLinkingRequest',
      toolUrl: tool.url,
      jar: blockedJar(),
    });
    const refused = await completeLaunch(blocked);
    expect(refused.status).toBe(401);
    const page = await refused.text();
    expect(page).not.toMatch(/<a class="button"/);
    expect(page).toMatch(/Open this activity from your course in a new window/);
  });
});

describe('a Canvas-like course', () => {
  for (const initiation of ['get', 'post'] as const) {
    it(`completes through Platform Storage when the cookie is refused (${initiation.toUpperCase()} initiation)`, async () => {
      const jar = blockedJar();
      const result = await launch(lms, { courseId: CANVAS, personId: mentee, toolUrl: tool.url, jar, initiation });
      expect([...jar.platformStorage.keys()]).toEqual([expect.stringMatching(/^mw_state_/)]);
      expect((await apiAs(tool, result.ltik).me({})).program.title).toBe('NSL on Canvas');
    });
  }

  it('never accepts a Platform Storage secret twice, nor a wrong one', async () => {
    const jar = blockedJar();
    const auth = await startLaunch(lms, { courseId: CANVAS, personId: mentee, toolUrl: tool.url, jar });
    const post = (secret: string) =>
      fetch(auth.action, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: auth.idToken, state: auth.state, platform_storage_secret: secret }),
      });
    expect((await post('not-the-secret')).status).toBe(401);
    const secret = [...jar.platformStorage.values()][0]!;
    const second = await startLaunch(lms, { courseId: CANVAS, personId: mentee, toolUrl: tool.url, jar });
    const once = await completeLaunch(second);
    expect(once.status).toBe(302);
    const again = await fetch(second.action, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        id_token: second.idToken,
        state: second.state,
        platform_storage_secret: jar.platformStorage.get(`mw_state_${second.state}`)!,
      }),
    });
    expect(again.status).toBe(401);
    expect(secret).not.toBe(jar.platformStorage.get(`mw_state_${second.state}`));
  });

  it('talks to Platform Storage from a static script, its data in a JSON block (no inline code for a strict CSP)', async () => {
    const url = lms.launchUrl({ courseId: CANVAS, personId: mentee });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const page = await res.text();
    const scripts = [...page.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)].map((m) => ({ attrs: m[1]!, code: m[2]! }));
    expect(scripts.map((s) => s.attrs.trim())).toEqual([
      'type="application/json" id="platform-storage"',
      expect.stringMatching(/^src="\/lti\/platform-storage\.js"( nonce="[^"]+")?$/),
    ]);
    expect(JSON.parse(scripts[0]!.code)).toMatchObject({ action: 'put', target: 'post_message_forwarding' });
    const script = await fetch(new URL('/lti/platform-storage.js', tool.url));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('takes lti_storage_target only as a window name, and reflects nothing of it', async () => {
    const initiation = lms.loginInitiation({ courseId: CANVAS, personId: mentee });
    const evil = '"</script><script>alert(1)</script>';
    const url = new URL(initiation.url);
    url.search = new URLSearchParams({ ...initiation.params, lti_storage_target: evil }).toString();
    const res = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).not.toContain('alert(1)');
    expect(page).toMatch(/administrator of your LMS/);
  });
});

describe('an operator’s relaunch address', () => {
  it('fills the platform’s template from the verified launch', async () => {
    const registered = lms.tools().at(-1)!;
    registered.customParameters = { course_ref: 'nsl-2026', tool_ref: '42' };
    await setRelaunchTemplate(
      tool.app.sql,
      lms.url,
      registered.clientId,
      `${lms.url}/courses/{custom.course_ref}/external_tools/{custom.tool_ref}`,
    );
    try {
      const auth = await startLaunch(lms, {
        courseId: 'nsl-2026',
        personId: mentee,
        toolUrl: tool.url,
        jar: blockedJar(),
      });
      const refused = await completeLaunch(auth);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain(`href="${lms.url}/courses/nsl-2026/external_tools/42"`);
    } finally {
      registered.customParameters = {};
      await setRelaunchTemplate(tool.app.sql, lms.url, registered.clientId, null);
    }
  });
});

describe('two instances of the tool on one database', () => {
  it('completes on B a Platform Storage launch begun on A', async () => {
    const jar = blockedJar();
    const auth = await startLaunch(lms, { courseId: CANVAS, personId: mentee, toolUrl: tool.url, jar });
    const onB = { ...auth, action: auth.action.replace(tool.url, other.url) };
    const landed = await followToApp(await completeLaunch(onB), onB.action, jar);
    expect(new URL(landed.appUrl).origin).toBe(other.url);
    expect((await apiAs(other, landed.ltik).me({})).person.name).toBe('Hannah Kowalski');
  });

  it('completes on B a cookie launch begun on A, and offers on B the relaunch noted on A', async () => {
    const auth = await startLaunch(lms, { courseId: MOODLE, personId: mentee, toolUrl: tool.url });
    const onB = { ...auth, action: auth.action.replace(tool.url, other.url) };
    const landed = await followToApp(await completeLaunch(onB), onB.action, auth.jar);
    expect((await apiAs(other, landed.ltik).me({})).program.title).toBe('NSL on Moodle');

    const blocked = await startLaunch(lms, {
      courseId: MOODLE,
      personId: mentee,
      toolUrl: tool.url,
      jar: blockedJar(),
    });
    const refused = await completeLaunch({ ...blocked, action: blocked.action.replace(tool.url, other.url) });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain(`href="${lms.url}/mod/lti/launch.php?id=${CMID}"`);
  });
});

describe('what people and operators are told', () => {
  it('answers a bare GET /login with a page for a browser and JSON for an API client', async () => {
    const page = await fetch(`${tool.url}/login`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/Open Mentoring workspaces from your course/);
    const json = await fetch(`${tool.url}/login`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  });

  it('answers 404 for unknown paths', async () => {
    const page = await fetch(`${tool.url}/no/such/page`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/Page not found/);
    const json = await fetch(`${tool.url}/wp-login.php`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('addresses registration faults to an LMS administrator, a blocked cookie to the person', async () => {
    const unknown = await fetch(
      `${tool.url}/login?${new URLSearchParams({ iss: 'https://unknown-lms.example', login_hint: 'x', target_link_uri: `${tool.url}/launch` })}`,
      { headers: { accept: 'text/html' } },
    );
    const unknownPage = await unknown.text();
    expect(unknownPage).toMatch(/administrator of your LMS/);
    expect(unknownPage).not.toMatch(/program coordinator/);

    const auth = await startLaunch(lms, {
      courseId: 'nsl-2026',
      personId: mentee,
      toolUrl: tool.url,
      jar: blockedJar(),
    });
    const blocked = await (await completeLaunch(auth)).text();
    expect(blocked).toMatch(/your browser blocks cookies/);
    expect(blocked).not.toMatch(/administrator/);
  });

  it('logs every refusal at warn with its reason and no personal data beyond the LMS user id', async () => {
    warned.length = 0;
    const auth = await startLaunch(lms, { courseId: MOODLE, personId: mentee, toolUrl: tool.url, jar: blockedJar() });
    await (await completeLaunch(auth)).arrayBuffer();
    await (await fetch(`${tool.url}/login`)).arrayBuffer();
    await (await fetch(`${tool.url}/launch`)).arrayBuffer();
    expect(warned.map((w) => w.refused)).toEqual([
      expect.stringMatching(/state cookie missing \(relaunch offered\)/),
      'login without parameters',
      'NO_LTIK_OR_IDTOKEN_FOUND',
    ]);
    expect(warned[0]).toMatchObject({ issuer: lms.url, lmsUserId: mentee, status: 401 });
    const logged = JSON.stringify(warned);
    expect(logged).not.toMatch(/Hannah|Kowalski|@/);
  });
});
