/**
 * Issue 2 through the test LMS: Dynamic Registration, launches as staff and participant in two
 * courses of two platforms, deep linking, roster sync, and data kept across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { launch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { apiAs, launchAs, startTestTool, type TestTool } from '../support/tool.ts';
import { ApiError } from '@mentoring/shared';

let tool: TestTool;
let lmsA: TestLms;
let lmsB: TestLms;

const courseB = {
  id: 'collegial-2027',
  title: 'Collegial Coaching Network 2027',
  people: [
    lmsPerson('coord-b', 'Rosa Lindqvist', [Role.Instructor]),
    lmsPerson('peer-b1', 'Kofi Mensah', [Role.Learner]),
  ],
};

beforeAll(async () => {
  tool = await startTestTool();
  lmsA = await startTestLms({ name: 'Moodle-like LMS' });
  lmsB = await startTestLms({ name: 'Canvas-like LMS' });
  lmsA.addCourse(sampleProgram());
  lmsA.addCourse({ ...courseB, id: 'second-course-a', title: 'Second course on platform A' });
  lmsB.addCourse(courseB);
});

afterAll(async () => {
  await tool?.close();
  await lmsA?.close();
  await lmsB?.close();
});

describe('registration and launch', () => {
  it('registers through Dynamic Registration with both redirect URI forms', async () => {
    const reg = await lmsA.registerTool(`${tool.url}/register`);
    expect(reg.clientId).toBeTruthy();
    expect(reg.redirectUris).toEqual(expect.arrayContaining([`${tool.url}/launch`, `${tool.url}/launch/`]));
    await lmsB.registerTool(`${tool.url}/register`);
  });

  it('lands a participant in their own program with their role', async () => {
    const { api, appUrl } = await launchAs(lmsA, tool, { courseId: 'nsl-2026', personId: 'hkowalski' });
    expect(new URL(appUrl).pathname).toBe('/app/');
    const me = await api.me({});
    expect(me.person.name).toBe('Hannah Kowalski');
    expect(me.program.title).toBe('New School Leaders 2026–2028');
    expect(me.programRole).toBe('participant');
    await expect(api.programPeople({})).rejects.toMatchObject({ status: 403 });
  });

  it('opens the app on a page that carries the first screen’s answers, as the API gives them', async () => {
    const landed = await launch(lmsA, { courseId: 'nsl-2026', personId: 'hkowalski', toolUrl: tool.url });
    const page = await landed.finalResponse.text();
    const json = /<script type="application\/json" id="first-screen">(.*?)<\/script>/.exec(page)?.[1];
    const api = apiAs(tool, landed.ltik);
    expect(JSON.parse(json!)).toEqual({ me: await api.me({}), partnerships: await api.listPartnerships({}) });
    // Staff: who they are; their program's lists are theirs to ask for.
    const staff = await launch(lmsA, { courseId: 'nsl-2026', personId: 'awhitfield', toolUrl: tool.url });
    const staffJson = /id="first-screen">(.*?)<\/script>/.exec(await staff.finalResponse.text())?.[1];
    expect(JSON.parse(staffJson!)).toEqual({ me: await apiAs(tool, staff.ltik).me({}) });
    // The ltik of a session that never was brings a plain page.
    const forged = await fetch(`${tool.url}/app/?ltik=${landed.ltik.slice(0, -4)}AAAA`);
    expect(await forged.text()).not.toContain('first-screen');
  });

  it('lands staff in the program view and syncs the roster through Names and Roles', async () => {
    const { api } = await launchAs(lmsA, tool, { courseId: 'nsl-2026', personId: 'awhitfield' });
    const me = await api.me({});
    expect(me.programRole).toBe('staff');
    const roster = await api.syncRoster({});
    expect(roster.people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Marcus Delgado', "Liam O'Brien", 'Angela Whitfield']),
    );
    expect(roster.syncedAt).not.toBeNull();
    const again = await api.programPeople({});
    expect(again.people.length).toBe(sampleProgram().people.length);
    expect(again.people.every((p) => p.personId)).toBe(true);
  });

  it('keeps two courses of two platforms apart', async () => {
    const staffB = await launchAs(lmsB, tool, { courseId: 'collegial-2027', personId: 'coord-b' });
    const rosterB = await staffB.api.syncRoster({});
    expect(rosterB.people.map((p) => p.name).sort()).toEqual(['Kofi Mensah', 'Rosa Lindqvist']);
    // The same LMS user ids in a second course of platform A are other people in another program.
    const staffA2 = await launchAs(lmsA, tool, { courseId: 'second-course-a', personId: 'coord-b' });
    const meA2 = await staffA2.api.me({});
    const meB = await staffB.api.me({});
    expect(meA2.program.id).not.toBe(meB.program.id);
    expect(meA2.person.id).not.toBe(meB.person.id);
    const rosterA2 = await staffA2.api.programPeople({});
    expect(rosterA2.people.map((p) => p.personId)).not.toContain(rosterB.people[0]!.personId);
    expect((await staffA2.api.programPeople({})).people.map((p) => p.name)).not.toContain('Marcus Delgado');
  });

  it('places the tool in a course through deep linking, accepted by the LMS', async () => {
    const { action, idToken, state, jar } = await (
      await import('@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts')
    ).startLaunch(lmsA, {
      courseId: 'nsl-2026',
      personId: 'awhitfield',
      messageType: 'LtiDeepLinkingRequest',
      toolUrl: tool.url,
    });
    const { postIdToken } = await import('@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts');
    const res = await postIdToken(action, idToken, state, jar);
    expect(res.status).toBe(200);
    const html = await res.text();
    const form = /action="([^"]+)"[\s\S]*name="JWT" value="([^"]+)"/.exec(html);
    expect(form).not.toBeNull();
    const returned = await fetch(form![1]!.replace(/&amp;/g, '&'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ JWT: form![2]! }),
    });
    expect(returned.status).toBe(200);
    const links = lmsA.deepLinks('nsl-2026');
    expect(links.at(-1)?.items[0]).toMatchObject({
      type: 'ltiResourceLink',
      title: 'Mentoring workspaces',
      url: `${tool.url}/launch`,
    });
  });

  it('keeps people, programs and sessions across a restart', async () => {
    const { ltik } = await launchAs(lmsA, tool, { courseId: 'nsl-2026', personId: 'jwashington' });
    tool = await tool.restart();
    const { apiAs } = await import('../support/tool.ts');
    const me = await apiAs(tool, ltik).me({});
    expect(me.person.name).toBe('Jamal Washington');
    const staff = await launchAs(lmsA, tool, { courseId: 'nsl-2026', personId: 'awhitfield' });
    expect((await staff.api.programPeople({})).people.length).toBe(sampleProgram().people.length);
  });

  it('refuses API calls without a token or with a forged one', async () => {
    const { apiAs } = await import('../support/tool.ts');
    await expect(apiAs(tool, '').me({})).rejects.toBeInstanceOf(ApiError);
    await expect(apiAs(tool, 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoieCJ9.bad').me({})).rejects.toMatchObject({
      status: 401,
    });
  });
});
