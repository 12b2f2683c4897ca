/**
 * Fills the sandbox's sample program so a newcomer meets a living program, not empty screens:
 * everything goes through real launches from the sandbox LMS and the tool's own API, as people would.
 * The story is written on the tool's clock set back to each moment of it, so its dates are relative
 * to today and in order: formed six weeks ago, a first conversation held a month ago with commitments,
 * clips since, the next conversation in two days, and a pair that has not met since it was formed.
 */
import type { ApiClient } from '@mentoring/shared';
import { createApiClient } from '@mentoring/shared';
import type { App } from '../services/app.ts';
import { launch } from './lms/browser-launch.ts';
import type { TestLms } from './lms/index.ts';
import { sampleProgram } from './lms/sample.ts';

const DAY = 86_400_000;

/** A moment `offset` days from today, at `hour` UTC. */
const day = (offset: number, hour = 16) => {
  const d = new Date(Date.now() + offset * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const date = (offset: number) => day(offset).slice(0, 10);

/**
 * Sets the services' clock to `offset` days from today (time still runs from there, so events keep
 * their order). Sessions and caches keep the real clock: the launches stay valid.
 */
function timeTravel(app: Pick<App, 'clock'>) {
  const real = app.clock;
  return {
    to(offset: number, hour = 10) {
      const at = Date.parse(day(offset, hour));
      const from = real.now();
      app.clock = { ...real, now: () => at + (real.now() - from) };
    },
    back() {
      app.clock = real;
    },
  };
}

export async function populateSampleProgram(
  lms: TestLms,
  tool: { url: string; app: Pick<App, 'clock'> },
  readingsUrl: string,
): Promise<boolean> {
  const toolUrl = tool.url;
  const course = sampleProgram();
  const as: Record<string, ApiClient> = {};
  const ids: Record<string, string> = {};
  for (const person of course.people) {
    const { ltik, finalResponse } = await launch(lms, { courseId: course.id, personId: person.id, toolUrl });
    await finalResponse.body?.cancel();
    as[person.id] = createApiClient({ baseUrl: toolUrl, getToken: () => ltik });
    ids[person.id] = (await as[person.id]!.me({})).person.id;
  }
  const staff = as.awhitfield!;
  if ((await staff.listPartnerships({})).partnerships.length > 0) return false;
  const clock = timeTravel(tool.app);
  try {
    await tellTheStory(as, ids, readingsUrl, clock.to);
  } finally {
    clock.back();
  }
  return true;
}

async function tellTheStory(
  as: Record<string, ApiClient>,
  ids: Record<string, string>,
  readingsUrl: string,
  at: (offset: number, hour?: number) => void,
) {
  const staff = as.awhitfield!;
  const hannah = as.hkowalski!;
  const marcus = as.mdelgado!;
  const reading = (file: string) => `${readingsUrl}/${file}`;

  // Six weeks ago the coordinator synced the roster and formed the program's pairs.
  at(-45, 9);
  await staff.syncRoster({});
  const form = (mentor: string, mentees: string[]) =>
    staff.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: ids[mentor]!, role: 'mentor' },
          ...mentees.map((m) => ({ personId: ids[m]!, role: 'mentee' as const })),
        ],
      },
    });
  const marcusHannah = await form('mdelgado', ['hkowalski']);
  const priyaJamal = await form('praman', ['jwashington']);
  // Thomas and Aisha have not met since: the program view shows them as a quiet pair.
  await form('tokonkwo', ['amohammed']);
  const marcusSofia = await form('mdelgado', ['salvarez']);
  // Checkpoints at six and twelve months of the program.
  await staff.createCheckpoint({ body: { name: 'Month 6', dueOn: date(-45 + 182) } });
  await staff.createCheckpoint({ body: { name: 'Month 12', dueOn: date(-45 + 365) } });

  // Hannah writes the agreement and her first goals.
  const p = marcusHannah.id;
  at(-43, 18);
  await hannah.updatePartnership({
    params: { id: p },
    body: {
      agreement: {
        purpose: 'Grow as an instructional leader in my first year as assistant principal.',
        meetingCadence: 'Every two weeks, Thursdays after school',
      },
    },
  });
  const goal = await hannah.createGoal({
    params: { id: p },
    body: {
      title: 'Lead feedback conversations that teachers ask for',
      why: 'Teachers tell me walkthrough feedback feels like evaluation. I want it to feel like coaching.',
      success: 'By spring, at least five teachers invite me to observe a lesson of their choosing.',
    },
  });
  await hannah.createAction({
    params: { id: goal.id },
    body: { text: 'Ask three teachers what useful feedback looked like for them', dueOn: date(7) },
  });
  const listening = await hannah.createGoal({
    params: { id: p },
    body: {
      title: 'Listen more than I talk in team meetings',
      why: 'I jump to solutions before people have finished thinking.',
      success: 'Colleagues bring problems to the meeting, not just updates.',
    },
  });

  // A passage from the program's reading, then the first conversation, scheduled and agenda set.
  at(-38, 20);
  const clip1 = await hannah.createClip({
    params: { id: p },
    body: {
      url: reading('coaching-as-improvisation.txt'),
      title: 'Coaching as Improvisation',
      quote:
        "Mentor and mentee compose the conversation together as it unfolds, each one listening for the other's next move.",
      note: 'This is how I want my walkthrough debriefs to feel.',
      tags: ['feedback', 'co-creation'],
      goalIds: [goal.id],
    },
  });
  at(-36, 17);
  const first = await hannah.createConversation({ params: { id: p }, body: { scheduledFor: day(-31) } });
  await hannah.setAgenda({
    params: { id: first.id },
    body: {
      agenda: [
        { kind: 'goal', goalId: goal.id },
        { kind: 'clip', clipId: clip1.id },
        { kind: 'free', text: 'How did the first staff meeting go?' },
      ],
    },
  });
  at(-32, 19);
  await marcus.reviewClip({ params: { id: clip1.id } });

  // Held a month ago, with shared notes and two commitments carried into the next one.
  at(-31, 17);
  await marcus.updateConversation({
    params: { id: first.id },
    body: {
      sharedNotes:
        'Hannah named feedback as the goal that matters most this term. We talked about asking before telling.',
      held: true,
      heldAt: day(-31),
    },
  });
  await hannah.addCommitment({
    params: { id: first.id },
    body: { text: 'Try one debrief that starts with the teacher’s question', goalId: goal.id, dueOn: date(5) },
  });
  await marcus.addCommitment({
    params: { id: first.id },
    body: { text: 'Share the observation protocol our school uses', dueOn: date(1) },
  });

  // Since then: two more passages (one with a question to reflect on) and a request.
  at(-20, 21);
  await hannah.createClip({
    params: { id: p },
    body: {
      url: reading('what-stays-in-the-room.txt'),
      title: 'What Stays in the Room',
      quote:
        'New leaders will only bring their hardest questions to a mentor they trust. Trust depends on knowing where their words go.',
      note: 'Is this why teachers go quiet when I visit?',
      tags: ['supervision'],
      goalIds: [goal.id],
      newPrompt: { question: 'When have you felt safe enough to show a weakness at work? What made it safe?' },
    },
  });
  at(-6, 20);
  await hannah.createClip({
    params: { id: p },
    body: {
      url: reading('the-agenda-belongs-to-the-mentee.txt'),
      title: 'The Agenda Belongs to the Mentee',
      quote: 'A mentoring conversation goes best when the person being mentored decides what it is about.',
      tags: ['agenda'],
      goalIds: [listening.id],
    },
  });
  await hannah.createRequest({
    params: { id: p },
    body: { question: 'Do you have a protocol you use for non-evaluative classroom visits?' },
  });

  // The next conversation, in two days, with Hannah's agenda.
  at(-3, 18);
  const next = await hannah.createConversation({ params: { id: p }, body: { scheduledFor: day(2) } });
  await hannah.setAgenda({
    params: { id: next.id },
    body: {
      agenda: [
        { kind: 'goal', goalId: goal.id },
        { kind: 'goal', goalId: listening.id },
        { kind: 'free', text: 'Planning next month’s walkthroughs with the teacher leaders' },
      ],
    },
  });

  // The other pairs: Priya and Jamal met ten days ago; Marcus and Sofía meet next week.
  at(-12, 15);
  const pj = await as.jwashington!.createConversation({
    params: { id: priyaJamal.id },
    body: { scheduledFor: day(-10) },
  });
  at(-10, 17);
  await as.praman!.updateConversation({ params: { id: pj.id }, body: { held: true, heldAt: day(-10) } });
  at(-2, 12);
  await as.salvarez!.createConversation({ params: { id: marcusSofia.id }, body: { scheduledFor: day(6) } });

  // A collegial partnership chosen by the partners themselves, three weeks ago.
  at(-21, 14);
  const invite = await as.wchen!.createPartnership({
    body: {
      kind: 'collegial',
      members: [
        { personId: ids.wchen!, role: 'mentee' },
        { personId: ids.lobrien!, role: 'mentor' },
      ],
    },
  });
  at(-20, 9);
  await as.lobrien!.acceptPartnership({ params: { id: invite.id } });
}
