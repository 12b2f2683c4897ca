/**
 * Issue 9's journeys in real Chromium, with the LMS on another site than the tool (localhost and
 * 127.0.0.1) and third-party cookies blocked, once by the phase-out flag and once by the person's
 * setting: a Moodle-like course (POST login, single-use hint, no Platform Storage) launches and
 * places the tool inside its frame on the partitioned state cookie; where the person also blocks the
 * tool's cookies inside the LMS (partitioned ones too), "Continue in a new window" relaunches from the
 * LMS's launch.php top-level; a Canvas-like course completes through Platform Storage even then.
 * Each journey shoots where the person landed.
 */
import dns from 'node:dns';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { startTestTool, type TestTool } from '../support/tool.ts';
import { cookiesKeptIn, hasChromium, openBrowser, type PlainBrowser } from '../support/browser.ts';
import { screenshot } from './journeys/world.ts';

const MOODLE = 'nsl-moodle';
const CANVAS = 'nsl-canvas';
const CMID = 3;
const MENTEE = 'hkowalski';
const COORDINATOR = 'awhitfield';

/** The LMS listens on 127.0.0.1 but is reached (and issues) as localhost, another site than the tool's. */
async function crossSiteLms(): Promise<TestLms> {
  dns.setDefaultResultOrder('ipv4first');
  const probe = await startTestLms();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return startTestLms({ name: 'Sandbox LMS', port, publicUrl: `http://localhost:${port}` });
}

/** The URL of the tool's frame once the workspace app shows in it. */
async function appInFrame(page: Page): Promise<string> {
  const app = page.frameLocator('iframe.tool').locator('#main');
  await app.waitFor({ timeout: 30_000 }).catch((err: Error) => {
    const frames = page.frames().map((f) => f.url().slice(0, 90));
    throw new Error(`${err.message}\nframes: ${frames.join(' | ')}`);
  });
  return page
    .frames()
    .find((f) => f.url().includes('/app/'))!
    .url();
}

interface StateCookieSeen {
  blockedReasons: string[];
  partitionKey?: { topLevelSite: string; hasCrossSiteAncestor?: boolean };
}

/**
 * What Chromium did with the tool's `state…` cookie when the login set it, from its DevTools
 * protocol (`Network.responseReceivedExtraInfo`): refused (and why) or kept, in which partition.
 */
async function watchStateCookie(page: Page): Promise<StateCookieSeen[]> {
  const seen: StateCookieSeen[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const setCookie = Object.entries(e.headers).find(([k]) => k.toLowerCase() === 'set-cookie')?.[1] ?? '';
    if (!/^state/m.test(setCookie)) return;
    seen.push({
      blockedReasons: e.blockedCookies.flatMap((b) => b.blockedReasons),
      partitionKey: e.cookiePartitionKey as StateCookieSeen['partitionKey'],
    });
  });
  await cdp.send('Network.enable');
  return seen;
}

for (const blocking of ['flag', 'setting'] as const) {
  describe.skipIf(!hasChromium)(`third-party cookies blocked by the ${blocking}`, () => {
    let tool: TestTool;
    let lms: TestLms;
    let browser: PlainBrowser;
    /** The same person's browser, blocking the tool's cookies inside the LMS, partitioned ones too. */
    let strict: PlainBrowser;
    const shot = (page: Page, what: string) => screenshot(page, `launch-cookies-${blocking}-${what}`);

    beforeAll(async () => {
      [tool, lms] = await Promise.all([startTestTool(), crossSiteLms()]);
      lms.addCourse({
        ...sampleProgram(),
        id: MOODLE,
        title: 'New School Leaders (Moodle-like)',
        mode: 'moodle',
        cmid: CMID,
      });
      lms.addCourse({ ...sampleProgram(), id: CANVAS, title: 'New School Leaders (Canvas-like)', mode: 'canvas' });
      await lms.registerTool(`${tool.url}/register`);
      browser = await openBrowser({ blockThirdPartyCookies: blocking });
      strict = await openBrowser({
        blockThirdPartyCookies: blocking,
        blockCookiesOf: [{ site: tool.url, embeddedIn: lms.url }],
      });
    });

    afterEach(async (ctx) => {
      if (ctx.task.result?.state !== 'fail') return;
      for (const [i, p] of [...browser.context.pages(), ...strict.context.pages()].entries())
        await shot(p, `failure-${i}`).catch(() => undefined);
    });

    afterAll(async () => {
      await browser?.close();
      await strict?.close();
      await tool?.close();
      await lms?.close();
    });

    const course = (id: string, person: string, extra = '') => `${lms.url}/courses/${id}?as=${person}${extra}#tool`;

    it('Moodle-like: the launch completes inside the course page', async () => {
      const page = await browser.context.newPage();
      const stateCookie = await watchStateCookie(page);
      await page.goto(course(MOODLE, MENTEE));
      expect(new URL(await appInFrame(page)).origin).toBe(tool.url);
      const frame = page.frames().find((f) => f.url().startsWith(`${tool.url}/app/`))!;
      expect(await cookiesKeptIn(frame)).toEqual({ unpartitioned: false, partitioned: true });
      // Set at /login and cleared at /launch, both kept in the LMS site's partition, while the
      // browser blocks the tool's unpartitioned cookies in this frame.
      const kept = { blockedReasons: [], partitionKey: expect.objectContaining({ topLevelSite: 'http://localhost' }) };
      expect(stateCookie).toEqual([kept, kept]);
      await shot(page, 'moodle-embedded');
      await page.close();
    });

    it('Moodle-like: the teacher places the tool by deep linking inside the frame', async () => {
      const page = await browser.context.newPage();
      await page.goto(course(MOODLE, COORDINATOR, '&place=1'));
      const frame = page.frameLocator('iframe.tool');
      await frame.getByRole('button', { name: 'Add to course' }).click({ timeout: 30_000 });
      await frame.getByRole('heading', { name: 'Placed in the course' }).waitFor({ timeout: 30_000 });
      expect(lms.deepLinks(MOODLE).at(-1)?.items[0]).toMatchObject({ title: 'Mentoring workspaces' });
      await shot(page, 'moodle-deep-linking');
      await page.close();
    });

    it('Moodle-like, partitioned cookies refused too: “Continue in a new window” relaunches from the LMS', async () => {
      const page = await strict.context.newPage();
      const stateCookie = await watchStateCookie(page);
      await page.goto(course(MOODLE, MENTEE));
      const link = page.frameLocator('iframe.tool').getByRole('link', { name: 'Continue in a new window' });
      await link.waitFor({ timeout: 30_000 });
      expect(await link.getAttribute('href')).toBe(`${lms.url}/mod/lti/launch.php?id=${CMID}`);
      expect(stateCookie.map((c) => c.blockedReasons)).toEqual([['UserPreferences'], ['UserPreferences']]);
      await shot(page, 'moodle-refused-in-frame');
      const [popup] = await Promise.all([strict.context.waitForEvent('page'), link.click()]);
      await popup.waitForURL(/\/app\//, { timeout: 30_000 });
      expect(new URL(popup.url()).origin).toBe(tool.url);
      await popup.locator('#main').waitFor({ timeout: 30_000 });
      await shot(popup, 'moodle-new-window');
      await popup.close();
      await page.close();
    });

    it('Canvas-like: the launch completes through Platform Storage, also with partitioned cookies refused', async () => {
      for (const b of [browser, strict]) {
        const page = await b.context.newPage();
        const stateCookie = await watchStateCookie(page);
        await page.goto(course(CANVAS, MENTEE));
        expect(new URL(await appInFrame(page)).origin).toBe(tool.url);
        if (b === strict) {
          // No cookie at all: the secret kept by the LMS page vouched for this browser.
          expect(stateCookie[0]?.blockedReasons).toEqual(['UserPreferences']);
          await shot(page, 'canvas-platform-storage');
        }
        await page.close();
      }
    });
  });
}
