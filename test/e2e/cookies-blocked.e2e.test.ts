/**
 * The tool lives in a cross-site iframe (LMS on localhost, tool on 127.0.0.1) in a browser that
 * blocks third-party cookies. With LTI Platform Storage the launch completes in the frame; without
 * it, it completes on the partitioned state cookie. (The Moodle-like and Canvas-like courses, and
 * the new-window relaunch, are in launch-cookies.e2e.test.ts.)
 */
import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { startTestTool, type TestTool } from '../support/tool.ts';
import { cookiesKeptIn, hasChromium, openBrowser, type PlainBrowser } from '../support/browser.ts';

describe.skipIf(!hasChromium)('launch with third-party cookies blocked', () => {
  let tool: TestTool;
  let lms: TestLms;
  let browser: PlainBrowser;
  let course: string;

  beforeAll(async () => {
    // The LMS is reached as localhost, another site than the tool's 127.0.0.1.
    dns.setDefaultResultOrder('ipv4first');
    tool = await startTestTool();
    const probe = await startTestLms();
    const port = new URL(probe.url).port;
    await probe.close();
    lms = await startTestLms({ port: Number(port), publicUrl: `http://localhost:${port}` });
    lms.addCourse(sampleProgram());
    await lms.registerTool(`${tool.url}/register`);
    browser = await openBrowser({ blockThirdPartyCookies: true });
    course = `${lms.url}/courses/nsl-2026`;
  });

  afterAll(async () => {
    await browser?.close();
    await tool?.close();
    await lms?.close();
  });

  it('completes the launch in the iframe through Platform Storage', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${course}?as=hkowalski#tool`);
    const frame = page.frameLocator('iframe.tool');
    await expect
      .poll(
        async () =>
          (await page
            .frames()
            .find((f) => f.url().includes('/app/'))
            ?.url()) ?? '',
        { timeout: 20_000 },
      )
      .toMatch(/\/app\//);
    await frame.locator('body').waitFor();
    await page.close();
  });

  it('completes the launch in the iframe on the partitioned state cookie where the LMS has no Platform Storage', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${course}?as=hkowalski&storage=off#tool`);
    await page.frameLocator('iframe.tool').locator('#main').waitFor({ timeout: 20_000 });
    const frame = page.frames().find((f) => f.url().startsWith(`${tool.url}/app/`))!;
    // The browser does block the tool's unpartitioned cookies in this frame.
    expect(await cookiesKeptIn(frame)).toEqual({ unpartitioned: false, partitioned: true });
    await page.close();
  });
});
