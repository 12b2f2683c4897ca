/**
 * Issue 10: the page a participant's launch opens carries their home rendered by the server
 * (lti-tool/src/web/entry-server.tsx), so it shows before the app's code has run. Needs the built
 * web app and its renderer (`npm run build -w lti-tool`).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lmsPerson, Role, startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { launch } from '@mentoring/lti-tool/src/sandbox/lms/browser-launch.ts';
import { WEB_SSR_ENTRY } from '@mentoring/lti-tool/src/http/static.ts';
import { formPartnership, launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const COURSE = 'first-screen';
let tool: TestTool;
let lms: TestLms;

beforeAll(async () => {
  if (!fs.existsSync(WEB_SSR_ENTRY)) throw new Error('Build the web app first: npm run build -w lti-tool');
  tool = await startTestTool();
  lms = await startTestLms({ name: 'First screen LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'First screen',
    people: [
      lmsPerson('coordinator', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('mentor', 'Mona Abara', [Role.Learner]),
      lmsPerson('mentee', 'Nia Ekwueme', [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

const page = async (personId: string) =>
  (await launch(lms, { courseId: COURSE, personId, toolUrl: tool.url })).finalResponse.text();
const root = (html: string) => /<div id="root"[^>]*>([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';

describe('the page a launch opens', () => {
  it('carries a participant’s home rendered by the server once their browser’s time zone is kept', async () => {
    const staff = await launchAs(lms, tool, { courseId: COURSE, personId: 'coordinator' });
    const mentor = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentor' });
    // The first launch ever: no time zone kept yet, so the page brings the data and the app renders.
    const firstEver = await page('mentee');
    expect(firstEver).toContain('id="first-screen"');
    expect(firstEver).toContain('<div id="root"></div>');

    const mentee = await launchAs(lms, tool, { courseId: COURSE, personId: 'mentee' });
    await mentee.api.reportTimeZone({ body: { timeZone: 'America/Mexico_City' } });
    await formPartnership(staff.api, mentor.api, mentee.api, { agreement: { purpose: 'Lead <well> & $& kindly' } });

    const html = await page('mentee');
    const home = root(html);
    expect(home).toContain('Your partnerships');
    expect(home).toContain('Mona Abara');
    expect(home).toContain('Lead &lt;well&gt; &amp; $&amp; kindly');
    expect(html).toMatch(/<div id="root" data-rendered-at="\d+" lang="en" dir="ltr">/);
    // CSP stays strict: the only scripts are the app's file and the JSON data block.
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g))
      expect(tag).toMatch(/type="application\/json" id="first-screen"|src="/);
  });

  it('leaves staff’s program screen to the app', async () => {
    const html = await page('coordinator');
    expect(html).toContain('id="first-screen"');
    expect(html).toContain('<div id="root"></div>');
  });
});
