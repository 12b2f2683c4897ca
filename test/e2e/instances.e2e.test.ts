/**
 * A person's journey through the load balancer: the course page launches the tool in its iframe
 * through HAProxy (login, launch and the app's calls land on either of two tool processes), and a
 * goal set in the workspace is there on both instances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { sampleProgram } from '@mentoring/lti-tool/src/sandbox/lms/sample.ts';
import { hasChromium, openBrowser, type PlainBrowser } from '../support/browser.ts';
import { HAPROXY, startCluster, type Cluster } from '../support/instances.ts';
import { apiAs, launchAs } from '../support/tool.ts';

const GOAL = 'Run the budget meeting with the staff leading it';

describe.skipIf(!hasChromium || !HAPROXY)('a journey through HAProxy', () => {
  let cluster: Cluster;
  let lms: TestLms;
  let browser: PlainBrowser;
  let menteeLtik = '';
  let partnershipId = '';

  beforeAll(async () => {
    cluster = await startCluster(2);
    lms = await startTestLms();
    lms.addCourse(sampleProgram());
    await lms.registerTool(`${cluster.lb.url}/register`);
    const lb = { url: cluster.lb.url };
    const staff = await launchAs(lms, lb, { courseId: 'nsl-2026', personId: 'awhitfield' });
    const mentor = await launchAs(lms, lb, { courseId: 'nsl-2026', personId: 'mdelgado' });
    const mentee = await launchAs(lms, lb, { courseId: 'nsl-2026', personId: 'hkowalski' });
    menteeLtik = mentee.ltik;
    const created = await staff.api.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: (await mentor.api.me({})).person.id, role: 'mentor' },
          { personId: (await mentee.api.me({})).person.id, role: 'mentee' },
        ],
      },
    });
    partnershipId = created.id;
    browser = await openBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await lms?.close();
    await cluster?.close();
  });

  it('launches in the course iframe and sets a goal that both instances have', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${lms.url}/courses/nsl-2026?as=hkowalski#tool`);
    const app = page.frameLocator('iframe.tool');
    await app.locator('#main').waitFor({ timeout: 30_000 });
    await app.getByRole('link', { name: 'Marcus Delgado mentors you' }).click();
    await app.getByRole('button', { name: 'New goal' }).first().click();
    const dialog = app.getByRole('dialog', { name: 'New goal' });
    await dialog.getByLabel('Goal', { exact: true }).fill(GOAL);
    await dialog.getByRole('button', { name: 'Set goal' }).click();
    await app.locator('article.goal-card').getByRole('heading', { name: GOAL }).waitFor();
    await page.close();

    for (const tool of cluster.tools) {
      const { goals } = await apiAs(tool, menteeLtik).listGoals({ params: { id: partnershipId } });
      expect(goals.map((g) => g.title)).toEqual([GOAL]);
    }
  });
});
