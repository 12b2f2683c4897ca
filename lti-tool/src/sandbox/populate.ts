/**
 * Fills the sandbox's sample program so a newcomer meets a living program, not empty screens:
 * everything goes through real launches from the sandbox LMS and the tool's own API, as people would.
 */
import type { ApiClient } from '@mentoring/shared';
import { createApiClient } from '@mentoring/shared';
import { launch } from './lms/browser-launch.ts';
import type { TestLms } from './lms/index.ts';
import { sampleProgram } from './lms/sample.ts';

const day = (offset: number, hour = 16) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const date = (offset: number) => day(offset).slice(0, 10);

export async function populateSampleProgram(lms: TestLms, toolUrl: string, readingsUrl: string): Promise<boolean> {
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
  await form('praman', ['jwashington']);
  await form('tokonkwo', ['amohammed']);
  await form('mdelgado', ['salvarez']);

  // Hannah's workspace with Marcus: a goal, readings clipped, a held conversation and the next one.
  const hannah = as.hkowalski!;
  const marcus = as.mdelgado!;
  const p = marcusHannah.id;
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
  const reading = (file: string) => `${readingsUrl}/${file}`;
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
  const first = await hannah.createConversation({ params: { id: p }, body: { scheduledFor: day(-12) } });
  await hannah.setAgenda({
    params: { id: first.id },
    body: {
      agenda: [
        { kind: 'goal', goalId: goal.id },
        { kind: 'free', text: 'How did the first staff meeting go?' },
      ],
    },
  });
  await marcus.updateConversation({
    params: { id: first.id },
    body: {
      sharedNotes:
        'Hannah named feedback as the goal that matters most this term. We talked about asking before telling.',
      held: true,
    },
  });
  await marcus.reviewClip({ params: { id: clip1.id } });
  await hannah.addCommitment({
    params: { id: first.id },
    body: { text: 'Try one debrief that starts with the teacher’s question', goalId: goal.id, dueOn: date(5) },
  });
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
  const next = await hannah.createConversation({ params: { id: p }, body: { scheduledFor: day(2) } });
  await hannah.setAgenda({
    params: { id: next.id },
    body: {
      agenda: [
        { kind: 'goal', goalId: goal.id },
        { kind: 'clip', clipId: clip1.id },
        { kind: 'free', text: 'Planning the October walkthroughs' },
      ],
    },
  });
  await hannah.createRequest({
    params: { id: p },
    body: { question: 'Do you have a protocol you use for non-evaluative classroom visits?' },
  });

  // A collegial partnership chosen by the partners themselves.
  const invite = await as.wchen!.createPartnership({
    body: {
      kind: 'collegial',
      members: [
        { personId: ids.wchen!, role: 'mentee' },
        { personId: ids.lobrien!, role: 'mentor' },
      ],
    },
  });
  await as.lobrien!.acceptPartnership({ params: { id: invite.id } });

  await staff.createCheckpoint({ body: { name: 'Month 6', dueOn: date(150) } });
  await staff.createCheckpoint({ body: { name: 'Month 12', dueOn: date(330) } });
  return true;
}
