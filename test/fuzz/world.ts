/**
 * A small program to attack: staff, a mentor and a mentee with one partnership holding one of
 * everything, a connected browser (extension token), and an outsider from another course.
 */
import { lmsPerson, Role, startTestLms, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { apiAs, launchAs, type TestTool } from '../support/tool.ts';

export type CallerName = 'staff' | 'mentor' | 'mentee' | 'extension' | 'outsider';

export interface World {
  lms: TestLms;
  tokens: Record<CallerName, string>;
  personIds: Record<'staff' | 'mentor' | 'mentee' | 'outsider', string>;
  /** Real ids of each kind of resource, all in the one partnership. */
  ids: {
    partnership: string;
    goal: string;
    action: string;
    clip: string;
    prompt: string;
    conversation: string;
    commitment: string;
    request: string;
    /** The mentee's second browser (the extension caller is the first). */
    connection: string;
    checkpoint: string;
  };
  /** The origin a browser extension calls from. */
  extensionOrigin: string;
}

export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

export async function buildWorld(tool: TestTool): Promise<World> {
  const lms = await startTestLms({ name: 'Hostile LMS' });
  lms.addCourse({
    id: 'hostile',
    title: 'Hostile program',
    people: [
      lmsPerson('coord', 'Cora Staff', [Role.Instructor]),
      lmsPerson('mentor', 'Mo Mentor', [Role.Learner]),
      lmsPerson('mentee', 'Mei Mentee', [Role.Learner]),
    ],
  });
  lms.addCourse({
    id: 'elsewhere',
    title: 'Elsewhere',
    people: [lmsPerson('outsider', 'Ola Outsider', [Role.Learner])],
  });
  await lms.registerTool(`${tool.url}/register`);
  const staff = await launchAs(lms, tool, { courseId: 'hostile', personId: 'coord' });
  const mentor = await launchAs(lms, tool, { courseId: 'hostile', personId: 'mentor' });
  const mentee = await launchAs(lms, tool, { courseId: 'hostile', personId: 'mentee' });
  const outsider = await launchAs(lms, tool, { courseId: 'elsewhere', personId: 'outsider' });
  const id = async (l: typeof staff) => (await l.api.me({})).person.id;
  const personIds = {
    staff: await id(staff),
    mentor: await id(mentor),
    mentee: await id(mentee),
    outsider: await id(outsider),
  };

  const p = await staff.api.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: personIds.mentor, role: 'mentor' },
        { personId: personIds.mentee, role: 'mentee' },
      ],
    },
  });
  const goal = await mentee.api.createGoal({ params: { id: p.id }, body: { title: 'Lead the team meeting' } });
  const withAction = await mentee.api.createAction({ params: { id: goal.id }, body: { text: 'Draft an agenda' } });
  const clip = await mentee.api.createClip({
    params: { id: p.id },
    body: { url: 'https://readings.example.org/a', title: 'A reading', quote: 'A passage', goalIds: [goal.id] },
  });
  const prompt = await mentor.api.createPrompt({ params: { id: p.id }, body: { question: 'What did you notice?' } });
  const conversation = await mentee.api.createConversation({
    params: { id: p.id },
    body: { scheduledFor: new Date(Date.now() + 86_400_000).toISOString() },
  });
  const withCommitment = await mentee.api.addCommitment({ params: { id: conversation.id }, body: { text: 'Try it' } });
  const request = await mentee.api.createRequest({ params: { id: p.id }, body: { question: 'Any protocol?' } });
  const checkpoint = await staff.api.createCheckpoint({ body: { name: 'Month 6' } });
  const pair = async (browserName: string) =>
    apiAs(tool, '').exchangePairingCode({ body: { code: (await mentee.api.createPairingCode({})).code, browserName } });
  const paired = await pair('Chrome');
  // A second browser, so that revoking the connection named in `ids` leaves the extension caller connected.
  const other = await pair('Firefox');

  return {
    lms,
    tokens: {
      staff: staff.ltik,
      mentor: mentor.ltik,
      mentee: mentee.ltik,
      extension: paired.token,
      outsider: outsider.ltik,
    },
    personIds,
    ids: {
      partnership: p.id,
      goal: goal.id,
      action: withAction.actions[0]!.id,
      clip: clip.id,
      prompt: prompt.id,
      conversation: conversation.id,
      commitment: withCommitment.commitments[0]!.id,
      request: request.id,
      connection: other.connection.id,
      checkpoint: checkpoint.id,
    },
    extensionOrigin: EXTENSION_ORIGIN,
  };
}

/** Signs of an internal error leaking into an answer: stacks, file paths, driver and ORM names. */
export const INTERNALS =
  /SQLITE_|Sequelize|\bat [\w.<>]+ \(|\bat (file|node):|node_modules|\/work\/|\/home\/|\/usr\/|\.ts:\d+|\.js:\d+|TypeError|ReferenceError|URIError|SyntaxError: Unexpected|stack/i;

/** Answers the first internal detail an answer shows, if any. */
export function internalsIn(text: string): string | undefined {
  return INTERNALS.exec(text)?.[0];
}
