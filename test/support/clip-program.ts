/**
 * What the extension journeys clip into, the same in every browser: a test LMS course where the
 * coordinator formed a mentoring partnership and the mentee set a goal and scheduled the next
 * conversation, all through real launches against the real tool; and the readings they clip from.
 */
import type { ApiClient, Goal } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { launchAs, startTestTool, type TestTool } from './tool.ts';
import { htmlPage, READING, type PageServer } from './pages.ts';

export const MENTEE_NAME = 'Mina Okafor';
export const MENTOR_NAME = 'Theo Marsh';
export const GOAL_TITLE = 'Coach by asking, not telling';

export interface ClipProgram {
  tool: TestTool;
  lms: TestLms;
  mentee: ApiClient;
  mentor: ApiClient;
  partnershipId: string;
  goal: Goal;
  conversationId: string;
}

/**
 * Starts the tool and the LMS and sets the program up. `started` hears of each server as soon as
 * it runs, so that a caller can stop it even when a later step fails.
 */
export async function setUpClipProgram(
  course: string,
  started: { tool?(tool: TestTool): void; lms?(lms: TestLms): void },
): Promise<ClipProgram> {
  let tool!: TestTool;
  let lms!: TestLms;
  const servers = await Promise.allSettled([
    startTestTool().then((t) => {
      tool = t;
      started.tool?.(t);
    }),
    startTestLms({ name: 'Clip journey LMS' }).then((l) => {
      lms = l;
      started.lms?.(l);
    }),
  ]);
  for (const s of servers) if (s.status === 'rejected') throw s.reason;
  lms.addCourse({
    id: course,
    title: 'New school leaders 2026',
    people: [
      lmsPerson('coord', 'Cora Ordway', [Role.Instructor]),
      lmsPerson('mentor', MENTOR_NAME, [Role.Learner]),
      lmsPerson('mentee', MENTEE_NAME, [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  const [coordinator, mentorLaunch, menteeLaunch] = await Promise.all(
    ['coord', 'mentor', 'mentee'].map((personId) => launchAs(lms, tool, { courseId: course, personId })),
  );
  const mentor = mentorLaunch!.api;
  const mentee = menteeLaunch!.api;
  const [mentorMe, menteeMe] = await Promise.all([mentor.me({}), mentee.me({})]);
  const partnership = await coordinator!.api.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: mentorMe.person.id, role: 'mentor' },
        { personId: menteeMe.person.id, role: 'mentee' },
      ],
    },
  });
  const goal = await mentee.createGoal({
    params: { id: partnership.id },
    body: { title: GOAL_TITLE, why: 'My staff should own their solutions.' },
  });
  const next = await mentee.createConversation({
    params: { id: partnership.id },
    body: { scheduledFor: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  return { tool, lms, mentee, mentor, partnershipId: partnership.id, goal, conversationId: next.id };
}

/**
 * Serves the reading at `/reading` (its canonical link naming itself), an edited copy at
 * `/reading-edited` (a new opening paragraph, words changed on both sides of the journeys'
 * passages) and a copy at `/reading-cut` where the passage `cut` was rewritten entirely; both
 * copies name `/reading` as canonical.
 */
export function serveReadings(pages: PageServer, cut: RegExp): void {
  const reading = `${pages.url}/reading`;
  pages.set('/reading', htmlPage(READING, reading));
  const edited = [
    [
      'Most of the mentors in our program',
      'A note added later, after the workshop.\nMost of the mentors in our program',
    ],
    [
      'feel less like a lesson and more like improvisation.',
      'feel less like a lecture and more like improvised theatre.',
    ],
    ['each one listening for', 'each of them attending to'],
    ['We describe the work as generative', 'We call this work generative'],
    ['of the people in the building', 'of the staff in the school'],
  ].reduce((text, [before, after]) => {
    if (!text.includes(before!)) throw new Error(`The reading no longer says "${before}"`);
    return text.replace(before!, after!);
  }, READING);
  pages.set('/reading-edited', htmlPage(edited, reading));
  pages.set('/reading-cut', htmlPage(READING.replace(cut, 'This part of the page was rewritten entirely.'), reading));
}
