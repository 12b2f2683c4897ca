/**
 * The mentee's journey again, in a browser that blocks third-party cookies and with the LMS on
 * another site than the tool (localhost and 127.0.0.1): every launch completes in the course
 * page's iframe (partitioned state cookie, and LTI Platform Storage where the course page offers
 * it), and the app works on its bearer ltik alone.
 * The program is set up through the API; the journey itself is the same one the story runs.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../support/globals.d.ts" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cookiesKeptIn, hasChromium } from '../support/browser.ts';
import { menteeJourney } from './journeys/mentee.ts';
import { COORDINATOR, MENTEE, MENTOR, TEXT } from './journeys/story.ts';
import { newPage, shootOnFailure, startWorld, type World } from './journeys/world.ts';

describe.skipIf(!hasChromium)('the mentee journey with third-party cookies blocked', () => {
  let w: World;

  beforeAll(async () => {
    w = await startWorld({ crossSite: true, blockThirdPartyCookies: true, registerTool: true });
    const [coordinator, mentor, mentee] = await Promise.all([COORDINATOR, MENTOR, MENTEE].map((p) => w.api(p.id)));
    const [mentorMe, menteeMe] = await Promise.all([mentor!.me({}), mentee!.me({})]);
    await coordinator!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: mentorMe.person.id, role: 'mentor' },
          { personId: menteeMe.person.id, role: 'mentee' },
        ],
        agreement: { purpose: TEXT.partnershipPurpose },
      },
    });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await shootOnFailure(w, `cookies-blocked ${ctx.task.name}`);
  });

  afterAll(async () => {
    await w?.close();
  });

  it('runs on two sites, in a browser that does block the tool’s cookies there', async () => {
    expect(new URL(w.lms.url).hostname).toBe('localhost');
    expect(new URL(w.tool.url).hostname).toBe('127.0.0.1');
    // Without Platform Storage the launch completes on the partitioned state cookie, in a frame
    // where the browser refuses the tool's unpartitioned cookies.
    const page = await newPage(w);
    await page.goto(w.courseUrl(MENTEE.id, 'storage=off'));
    await page.frameLocator('iframe.tool').locator('#main').waitFor({ timeout: 20_000 });
    const frame = page.frames().find((f) => f.url().startsWith(`${w.tool.url}/app/`))!;
    expect(await cookiesKeptIn(frame)).toEqual({ unpartitioned: false, partitioned: true });
    await page.close();
  });

  it('sets a goal, connects the extension, clips two passages by keyboard, answers the prompt, builds the agenda by keys', async () => {
    // Every launch in it completes in the frame (Platform Storage), as the LMS page offers it.
    const result = await menteeJourney(w);
    expect(result.clipIds.intoGoal).not.toBe(result.clipIds.asPrompt);
  });
});
