/**
 * Issue 3, the workspace, through real launches from the test LMS: partnerships formed by staff and
 * by invitation, goals and actions, prompts, conversations with agenda, shared and private notes and
 * commitments, resource requests, checkpoint evaluations posted to the gradebook as completion only,
 * and the staff's activity view without content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, Partnership } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { backdatePartnership } from '../support/behind-the-api.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';

const COURSE = 'workspace-2026';

let tool: TestTool;
let lms: TestLms;
/** An API client per LMS user id, each from a real launch. */
const api: Record<string, ApiClient> = {};
const ltik: Record<string, string> = {};
/** Tool person ids by LMS user id. */
const id: Record<string, string> = {};

/** A (mentor Mara, mentee Ben), formed by staff; B (mentor Ben, mentee Dana), by Ben's invitation. */
let A: Partnership;
let B: Partnership;

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'Workspace LMS' });
  lms.addCourse({
    id: COURSE,
    title: 'Mentoring Program 2026',
    people: [
      lmsPerson('coord', 'Nora Quist', [Role.Instructor]),
      lmsPerson('mara', 'Mara Lind', [Role.Learner]),
      lmsPerson('ben', 'Ben Okafor', [Role.Learner]),
      lmsPerson('dana', 'Dana Reyes', [Role.Learner]),
      lmsPerson('eli', 'Eli Novak', [Role.Learner]),
      lmsPerson('fay', 'Fay Brandt', [Role.Learner]),
    ],
  });
  await lms.registerTool(`${tool.url}/register`);
  for (const who of ['coord', 'mara', 'ben', 'dana', 'eli', 'fay']) {
    const launched = await launchAs(lms, tool, { courseId: COURSE, personId: who });
    api[who] = launched.api;
    ltik[who] = launched.ltik;
    id[who] = (await launched.api.me({})).person.id;
  }
});

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

describe('partnerships', () => {
  it('staff form a mentoring partnership from the synced roster', async () => {
    const roster = await api.coord!.syncRoster({});
    expect(roster.people.find((p) => p.personId === id.mara)?.programRole).toBe('participant');
    A = await api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.mara!, role: 'mentor' },
          { personId: id.ben!, role: 'mentee' },
        ],
        agreement: { purpose: 'Grow as a first-year principal' },
      },
    });
    expect(A.status).toBe('active');
    expect(A.members.map((m) => [m.name, m.role, m.invitation])).toEqual(
      expect.arrayContaining([
        ['Mara Lind', 'mentor', 'accepted'],
        ['Ben Okafor', 'mentee', 'accepted'],
      ]),
    );
    expect(A.members).toHaveLength(2);
    expect((await api.mara!.listPartnerships({})).partnerships.map((p) => p.id)).toEqual([A.id]);
    expect((await api.ben!.getPartnership({ params: { id: A.id } })).agreement.purpose).toBe(
      'Grow as a first-year principal',
    );
  });

  it('refuses partnerships that do not fit, naming the field', async () => {
    const twoMentors = api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.mara!, role: 'mentor' },
          { personId: id.fay!, role: 'mentor' },
        ],
      },
    });
    await expect(twoMentors).rejects.toMatchObject({ status: 400, field: 'members' });
    const withStaff = api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.coord!, role: 'mentor' },
          { personId: id.fay!, role: 'mentee' },
        ],
      },
    });
    await expect(withStaff).rejects.toMatchObject({ status: 400, field: 'members.0.personId' });
    const stranger = api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.mara!, role: 'mentor' },
          { personId: 'nobody', role: 'mentee' },
        ],
      },
    });
    // Someone outside the program is not found, as any id that names nobody (issue 8).
    await expect(stranger).rejects.toMatchObject({ status: 404, field: 'members.1.personId' });
    const forOthers = api.fay!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.mara!, role: 'mentor' },
          { personId: id.eli!, role: 'mentee' },
        ],
      },
    });
    await expect(forOthers).rejects.toMatchObject({ status: 403 });
  });

  it('a participant invites; the invitee accepts and the partnership becomes active', async () => {
    B = await api.ben!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.ben!, role: 'mentor' },
          { personId: id.dana!, role: 'mentee' },
        ],
      },
    });
    expect(B.status).toBe('invited');
    expect(B.members.find((m) => m.personId === id.ben)?.invitation).toBe('accepted');
    expect(B.members.find((m) => m.personId === id.dana)?.invitation).toBe('pending');
    expect((await api.dana!.listPartnerships({})).partnerships.map((p) => p.id)).toContain(B.id);

    await expect(api.ben!.acceptPartnership({ params: { id: B.id } })).rejects.toMatchObject({ status: 403 });
    await expect(api.dana!.createGoal({ params: { id: B.id }, body: { title: 'Too early' } })).rejects.toMatchObject({
      status: 403,
    });
    const again = api.ben!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.ben!, role: 'mentor' },
          { personId: id.dana!, role: 'mentee' },
        ],
      },
    });
    await expect(again).rejects.toMatchObject({ status: 409 });

    B = await api.dana!.acceptPartnership({ params: { id: B.id } });
    expect(B.status).toBe('active');
    expect(B.members.every((m) => m.invitation === 'accepted')).toBe(true);
    await expect(api.fay!.acceptPartnership({ params: { id: B.id } })).rejects.toMatchObject({ status: 404 });
  });

  it('an invitee declines; the inviter sees it declined, the invitee no longer sees it', async () => {
    const invite = await api.dana!.createPartnership({
      body: {
        kind: 'collegial',
        members: [
          { personId: id.dana!, role: 'mentee' },
          { personId: id.eli!, role: 'mentee' },
        ],
      },
    });
    const declined = await api.eli!.declinePartnership({ params: { id: invite.id } });
    expect(declined.status).toBe('declined');
    expect((await api.eli!.listPartnerships({})).partnerships).toEqual([]);
    await expect(api.eli!.getPartnership({ params: { id: invite.id } })).rejects.toMatchObject({ status: 404 });
    expect((await api.dana!.getPartnership({ params: { id: invite.id } })).status).toBe('declined');
  });

  it('a person is mentor in one partnership and mentee in another', async () => {
    const bens = (await api.ben!.listPartnerships({})).partnerships;
    expect(bens.map((p) => [p.id, p.members.find((m) => m.personId === id.ben)?.role])).toEqual(
      expect.arrayContaining([
        [A.id, 'mentee'],
        [B.id, 'mentor'],
      ]),
    );
    const inA = await api.ben!.createGoal({
      params: { id: A.id },
      body: { title: 'Lead my first staff meeting well' },
    });
    expect(inA.ownerId).toBe(id.ben);
    await expect(
      api.ben!.createGoal({ params: { id: B.id }, body: { title: 'Not mine to set' } }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^Goals are the mentee’s/),
    });
    expect((await api.dana!.createGoal({ params: { id: B.id }, body: { title: 'Build a budget' } })).ownerId).toBe(
      id.dana,
    );
  });

  it('both members change the agreement; staff see the partnership without it and cannot change it', async () => {
    await api.mara!.updatePartnership({
      params: { id: A.id },
      body: { agreement: { meetingCadence: 'Monthly, first Tuesday' } },
    });
    const seen = await api.ben!.getPartnership({ params: { id: A.id } });
    expect(seen.agreement).toMatchObject({
      purpose: 'Grow as a first-year principal',
      meetingCadence: 'Monthly, first Tuesday',
    });

    const staffList = (await api.coord!.listPartnerships({})).partnerships;
    expect(staffList.map((p) => p.id)).toEqual(expect.arrayContaining([A.id, B.id]));
    for (const p of staffList) expect(p.agreement).toEqual({ purpose: '', meetingCadence: '', confidentiality: '' });
    expect((await api.coord!.getPartnership({ params: { id: A.id } })).agreement.purpose).toBe('');
    await expect(
      api.coord!.updatePartnership({ params: { id: A.id }, body: { status: 'closed' } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(api.fay!.getPartnership({ params: { id: A.id } })).rejects.toMatchObject({ status: 404 });
  });
});

describe('goals and actions', () => {
  it('goals are the mentee’s: the mentor is refused with a clear 403', async () => {
    const refused = api.mara!.createGoal({ params: { id: A.id }, body: { title: 'A goal for Ben' } });
    await expect(refused).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^Goals are the mentee’s/),
    });
    const forOther = api.ben!.createGoal({ params: { id: A.id }, body: { title: 'x', ownerId: id.mara! } });
    await expect(forOther).rejects.toMatchObject({ status: 403 });
    await expect(api.fay!.listGoals({ params: { id: A.id } })).rejects.toMatchObject({ status: 404 });
    await expect(api.coord!.listGoals({ params: { id: A.id } })).rejects.toMatchObject({ status: 404 });
  });

  it('the owner edits goals and actions, both tick actions off, and history records it', async () => {
    const goal = await api.ben!.createGoal({
      params: { id: A.id },
      body: { title: 'Know every teacher by name', why: 'Trust starts there' },
    });
    await expect(api.mara!.updateGoal({ params: { id: goal.id }, body: { title: 'Mine now' } })).rejects.toMatchObject({
      status: 403,
    });
    const renamed = await api.ben!.updateGoal({
      params: { id: goal.id },
      body: { title: 'Know every staff member by name', status: 'parked' },
    });
    expect(renamed).toMatchObject({ title: 'Know every staff member by name', status: 'parked' });

    const withAction = await api.ben!.createAction({
      params: { id: goal.id },
      body: { text: 'Visit every classroom', dueOn: '2026-12-01' },
    });
    const action = withAction.actions[0]!;
    expect(action).toMatchObject({
      text: 'Visit every classroom',
      dueOn: '2026-12-01',
      done: false,
      fromConversationId: null,
    });
    await expect(api.mara!.createAction({ params: { id: goal.id }, body: { text: 'x' } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(api.mara!.updateAction({ params: { id: action.id }, body: { text: 'x' } })).rejects.toMatchObject({
      status: 403,
    });
    const ticked = await api.mara!.updateAction({ params: { id: action.id }, body: { done: true } });
    expect(ticked.actions[0]).toMatchObject({ done: true, doneAt: expect.any(String) });

    const history = ticked.history.map((h) => [h.byId, h.change]);
    expect(history).toEqual(
      expect.arrayContaining([
        [id.ben, 'set the goal'],
        [id.ben, 'renamed it from “Know every teacher by name” to “Know every staff member by name”'],
        [id.ben, 'parked it'],
        [id.ben, 'added the action “Visit every classroom”'],
        [id.mara, 'completed the action “Visit every classroom”'],
      ]),
    );
    expect((await api.mara!.listGoals({ params: { id: A.id } })).goals.map((g) => g.id)).toContain(goal.id);
  });

  it('in a collegial partnership either peer owns goals, coached by the other', async () => {
    const C = await api.eli!.createPartnership({
      body: {
        kind: 'collegial',
        members: [
          { personId: id.eli!, role: 'mentee' },
          { personId: id.fay!, role: 'mentor' },
        ],
      },
    });
    // Whatever roles the invitation named, collegial peers are partners: coach and coachee switch goal by goal.
    expect(C.members.map((m) => m.role)).toEqual(['partner', 'partner']);
    await api.fay!.acceptPartnership({ params: { id: C.id } });
    expect((await api.fay!.getPartnership({ params: { id: C.id } })).members.map((m) => m.role)).toEqual([
      'partner',
      'partner',
    ]);
    expect((await api.eli!.createGoal({ params: { id: C.id }, body: { title: 'Eli’s goal' } })).coachId).toBe(id.fay);
    expect((await api.fay!.createGoal({ params: { id: C.id }, body: { title: 'Fay’s goal' } })).coachId).toBe(id.eli);
    const badCoach = api.fay!.createGoal({ params: { id: C.id }, body: { title: 'x', coachId: id.mara! } });
    await expect(badCoach).rejects.toMatchObject({ status: 400, field: 'coachId' });
  });

  it('“partner” is a collegial role only: a mentoring partnership refuses it', async () => {
    const refused = api.eli!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.eli!, role: 'partner' },
          { personId: id.mara!, role: 'mentor' },
        ],
      },
    });
    await expect(refused).rejects.toMatchObject({ status: 400, field: 'members' });
  });
});

describe('prompts', () => {
  it('in a collegial partnership the goal’s owner responds to prompts about it, and the asked partner to others', async () => {
    // The collegial partnership the goals test formed: Eli and Fay have one only.
    const { partnerships } = await api.eli!.listPartnerships({});
    const C = partnerships.find((p) => p.kind === 'collegial')!;
    const faysGoal = await api.fay!.createGoal({ params: { id: C.id }, body: { title: 'Run shorter meetings' } });
    const aboutGoal = await api.fay!.createPrompt({
      params: { id: C.id },
      body: { question: 'What would you cut first?', goalId: faysGoal.id },
    });
    await expect(
      api.eli!.updatePrompt({ params: { id: aboutGoal.id }, body: { response: 'Not mine to answer' } }),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      (await api.fay!.updatePrompt({ params: { id: aboutGoal.id }, body: { response: 'The updates.' } })).status,
    ).toBe('answered');

    const open = await api.eli!.createPrompt({ params: { id: C.id }, body: { question: 'What surprised you?' } });
    await expect(
      api.eli!.updatePrompt({ params: { id: open.id }, body: { response: 'My own question' } }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await api.fay!.updatePrompt({ params: { id: open.id }, body: { response: 'The quiet.' } })).status).toBe(
      'answered',
    );
  });
  it('either partner asks, the mentee responds, either marks it discussed', async () => {
    const [goal] = (await api.ben!.listGoals({ params: { id: A.id } })).goals;
    const prompt = await api.mara!.createPrompt({
      params: { id: A.id },
      body: { question: 'What did the first meeting teach you?', goalId: goal!.id },
    });
    expect(prompt).toMatchObject({ status: 'open', authorId: id.mara, goalId: goal!.id, response: null });

    await expect(
      api.mara!.updatePrompt({ params: { id: prompt.id }, body: { response: 'I would answer for him' } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      api.ben!.updatePrompt({ params: { id: prompt.id }, body: { question: 'Not my question' } }),
    ).rejects.toMatchObject({ status: 403 });
    const edited = await api.mara!.updatePrompt({
      params: { id: prompt.id },
      body: { question: 'What did your first meeting teach you?' },
    });
    expect(edited.question).toBe('What did your first meeting teach you?');

    const answered = await api.ben!.updatePrompt({
      params: { id: prompt.id },
      body: { response: 'To listen before I speak.' },
    });
    expect(answered).toMatchObject({
      status: 'answered',
      response: 'To listen before I speak.',
      respondedAt: expect.any(String),
    });
    await expect(
      api.mara!.updatePrompt({ params: { id: prompt.id }, body: { question: 'Changed after' } }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await api.mara!.updatePrompt({ params: { id: prompt.id }, body: { status: 'discussed' } })).status).toBe(
      'discussed',
    );

    const [danasGoal] = (await api.dana!.listGoals({ params: { id: B.id } })).goals;
    const foreign = api.mara!.createPrompt({ params: { id: A.id }, body: { question: 'x', goalId: danasGoal!.id } });
    await expect(foreign).rejects.toMatchObject({ status: 400, field: 'goalId' });
    expect((await api.ben!.listPrompts({ params: { id: A.id } })).prompts.map((p) => p.id)).toContain(prompt.id);
  });
});

describe('conversations', () => {
  let first: string;
  let second: string;

  it('either member schedules; the list shows the next first', async () => {
    const later = await api.ben!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(14) } });
    const sooner = await api.mara!.createConversation({ params: { id: A.id }, body: { scheduledFor: day(1) } });
    first = sooner.id;
    second = later.id;
    expect((await api.ben!.listConversations({ params: { id: A.id } })).conversations.map((c) => c.id)).toEqual([
      first,
      second,
    ]);
    expect((await api.ben!.getPartnership({ params: { id: A.id } })).nextConversation?.id).toBe(first);
    const withAgenda = api.mara!.createConversation({
      params: { id: A.id },
      body: { scheduledFor: day(30), agenda: [{ kind: 'free', text: 'x' }] },
    });
    await expect(withAgenda).rejects.toMatchObject({ status: 403 });
  });

  it('the agenda is set by the mentee only, from this partnership’s goals, clips and prompts', async () => {
    const [goal] = (await api.ben!.listGoals({ params: { id: A.id } })).goals;
    const [prompt] = (await api.ben!.listPrompts({ params: { id: A.id } })).prompts;
    const clip = await api.ben!.createClip({
      params: { id: A.id },
      body: { url: 'https://example.org/leading', title: 'On leading', quote: 'Leaders listen first.' },
    });
    const agenda = [
      { kind: 'goal' as const, goalId: goal!.id },
      { kind: 'prompt' as const, promptId: prompt!.id },
      { kind: 'clip' as const, clipId: clip.id },
      { kind: 'free' as const, text: 'How the budget meeting went' },
    ];
    await expect(api.mara!.setAgenda({ params: { id: first }, body: { agenda } })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^The agenda is the mentee’s/),
    });
    const set = await api.ben!.setAgenda({ params: { id: first }, body: { agenda } });
    expect(set.agenda).toEqual(agenda);

    const [danasGoal] = (await api.dana!.listGoals({ params: { id: B.id } })).goals;
    const foreignGoal = api.ben!.setAgenda({
      params: { id: first },
      body: { agenda: [agenda[0]!, agenda[1]!, { kind: 'goal', goalId: danasGoal!.id }] },
    });
    await expect(foreignGoal).rejects.toMatchObject({ status: 400, field: 'agenda.2.goalId' });
    const unknownClip = api.ben!.setAgenda({
      params: { id: first },
      body: { agenda: [agenda[3]!, { kind: 'clip', clipId: 'no-such-clip' }] },
    });
    await expect(unknownClip).rejects.toMatchObject({ status: 400, field: 'agenda.1.clipId' });
    expect((await api.mara!.listConversations({ params: { id: A.id } })).conversations[0]!.agenda).toEqual(agenda);
  });

  it('shared notes are both members’; a private note only ever reaches its writer', async () => {
    await api.mara!.updateConversation({ params: { id: first }, body: { sharedNotes: 'We talked about listening.' } });
    const marasView = await api.mara!.updateConversation({
      params: { id: first },
      body: { privateNote: 'MARA-PRIVATE: ask about his deputy' },
    });
    expect(marasView).toMatchObject({
      sharedNotes: 'We talked about listening.',
      privateNote: 'MARA-PRIVATE: ask about his deputy',
    });
    const bensView = await api.ben!.updateConversation({
      params: { id: first },
      body: { privateNote: 'BEN-PRIVATE: nervous' },
    });
    expect(bensView).toMatchObject({ sharedNotes: 'We talked about listening.', privateNote: 'BEN-PRIVATE: nervous' });

    const bensList = JSON.stringify(await api.ben!.listConversations({ params: { id: A.id } }));
    expect(bensList).not.toContain('MARA-PRIVATE');
    const marasList = JSON.stringify(await api.mara!.listConversations({ params: { id: A.id } }));
    expect(marasList).toContain('MARA-PRIVATE');
    expect(marasList).not.toContain('BEN-PRIVATE');
    expect(JSON.stringify(await api.ben!.prepare({ params: { id: A.id } }))).not.toContain('MARA-PRIVATE');
  });

  it('commitments become actions and are carried into the next conversation until done', async () => {
    const [goal] = (await api.ben!.listGoals({ params: { id: A.id } })).goals;
    await api.ben!.addCommitment({
      params: { id: first },
      body: { text: 'Meet each new teacher', goalId: goal!.id, dueOn: '2026-12-15' },
    });
    const conversation = await api.mara!.addCommitment({
      params: { id: first },
      body: { text: 'Send Ben the listening article' },
    });
    expect(conversation.commitments.map((c) => c.text)).toEqual([
      'Meet each new teacher',
      'Send Ben the listening article',
    ]);
    const linked = conversation.commitments[0]!;
    expect(linked.actionId).not.toBeNull();
    const goalNow = (await api.ben!.listGoals({ params: { id: A.id } })).goals.find((g) => g.id === goal!.id)!;
    expect(goalNow.actions.find((a) => a.id === linked.actionId)).toMatchObject({
      text: 'Meet each new teacher',
      fromConversationId: first,
      dueOn: '2026-12-15',
    });
    const foreign = api.ben!.addCommitment({ params: { id: first }, body: { text: 'x', goalId: 'elsewhere' } });
    await expect(foreign).rejects.toMatchObject({ status: 400, field: 'goalId' });

    expect((await api.ben!.commitmentsDue({ params: { id: A.id } })).commitments).toEqual([]);
    const held = await api.ben!.updateConversation({ params: { id: first }, body: { held: true } });
    expect(held.heldAt).not.toBeNull();
    const due = (await api.mara!.commitmentsDue({ params: { id: A.id } })).commitments;
    expect(due.map((c) => c.text)).toEqual(['Meet each new teacher', 'Send Ben the listening article']);
    const partnership = await api.ben!.getPartnership({ params: { id: A.id } });
    expect(partnership.lastConversationAt).toBe(held.heldAt);
    expect(partnership.nextConversation?.id).toBe(second);
    const listed = (await api.ben!.listConversations({ params: { id: A.id } })).conversations.map((c) => c.id);
    expect(listed).toEqual([second, first]);

    expect((await api.mara!.updateCommitment({ params: { id: linked.id }, body: { done: true } })).done).toBe(true);
    const action = (await api.ben!.listGoals({ params: { id: A.id } })).goals
      .flatMap((g) => g.actions)
      .find((a) => a.id === linked.actionId)!;
    expect(action.done).toBe(true);
    expect((await api.ben!.commitmentsDue({ params: { id: A.id } })).commitments.map((c) => c.text)).toEqual([
      'Send Ben the listening article',
    ]);

    await api.ben!.updateAction({ params: { id: linked.actionId! }, body: { done: false } });
    expect((await api.ben!.commitmentsDue({ params: { id: A.id } })).commitments.map((c) => c.id)).toContain(linked.id);
  });
});

describe('closing and reopening', () => {
  it('closing keeps everything read-only; reopening makes it active again', async () => {
    const goalsBefore = (await api.ben!.listGoals({ params: { id: A.id } })).goals;
    const closed = await api.ben!.updatePartnership({ params: { id: A.id }, body: { status: 'closed' } });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    await expect(api.ben!.createGoal({ params: { id: A.id }, body: { title: 'While closed' } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      api.mara!.updatePartnership({ params: { id: A.id }, body: { agreement: { purpose: 'x' } } }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await api.mara!.listGoals({ params: { id: A.id } })).goals).toEqual(goalsBefore);
    expect((await api.mara!.listConversations({ params: { id: A.id } })).conversations).toHaveLength(2);

    const reopened = await api.mara!.updatePartnership({ params: { id: A.id }, body: { status: 'active' } });
    expect(reopened).toMatchObject({ status: 'active', closedAt: null });
    expect((await api.ben!.listGoals({ params: { id: A.id } })).goals).toEqual(goalsBefore);
  });
});

describe('resource requests', () => {
  it('the mentee asks, the mentor answers with text, links and clips of the partnership', async () => {
    const request = await api.ben!.createRequest({
      params: { id: A.id },
      body: { question: 'Anything on running a first budget meeting?' },
    });
    expect(request).toMatchObject({ status: 'open', askedById: id.ben, answer: null });
    await expect(api.mara!.createRequest({ params: { id: A.id }, body: { question: 'x' } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(api.ben!.answerRequest({ params: { id: request.id }, body: { text: 'x' } })).rejects.toMatchObject({
      status: 403,
    });

    const { clips } = await api.mara!.listClips({ params: { id: A.id } });
    const wrongClip = api.mara!.answerRequest({
      params: { id: request.id },
      body: { text: 'x', clipIds: [clips[0]!.id, 'elsewhere'] },
    });
    await expect(wrongClip).rejects.toMatchObject({ status: 400, field: 'clipIds.1' });
    const answered = await api.mara!.answerRequest({
      params: { id: request.id },
      body: {
        text: 'Start from the goals, not the numbers.',
        links: ['https://example.org/budget'],
        clipIds: [clips[0]!.id],
      },
    });
    expect(answered).toMatchObject({
      status: 'answered',
      answer: {
        text: 'Start from the goals, not the numbers.',
        links: ['https://example.org/budget'],
        clipIds: [clips[0]!.id],
        answeredById: id.mara,
      },
    });
    expect((await api.ben!.listRequests({ params: { id: A.id } })).requests[0]).toEqual(answered);
    await expect(
      api.mara!.answerRequest({ params: { id: request.id }, body: { text: 'A second answer' } }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe('checkpoint evaluations', () => {
  it('staff name checkpoints with a gradebook column; the mentor evaluates; the gradebook hears completion only', async () => {
    await expect(api.mara!.createCheckpoint({ body: { name: 'x' } })).rejects.toMatchObject({ status: 403 });
    const checkpoint = await api.coord!.createCheckpoint({
      body: { name: 'Mid-year', dueOn: '2027-01-31', postToGradebook: true },
    });
    expect(checkpoint.lineItemId).toBeTruthy();
    expect(lms.lineItems(COURSE).map((i) => i.id)).toContain(checkpoint.lineItemId);
    expect((await api.ben!.listCheckpoints({})).checkpoints).toEqual([checkpoint]);

    const body = {
      checkpointId: checkpoint.id,
      menteeId: id.ben!,
      rating: 'developing' as const,
      summary: 'EVAL-SUMMARY: growing into the role',
    };
    await expect(
      api.ben!.createEvaluation({ params: { id: A.id }, body: { ...body, menteeId: id.mara! } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      api.mara!.createEvaluation({ params: { id: A.id }, body: { ...body, menteeId: id.mara! } }),
    ).rejects.toMatchObject({
      status: 400,
      field: 'menteeId',
    });
    const evaluation = await api.mara!.createEvaluation({ params: { id: A.id }, body });
    expect(evaluation).toMatchObject({
      checkpointId: checkpoint.id,
      menteeId: id.ben,
      mentorId: id.mara,
      rating: 'developing',
    });
    await expect(api.mara!.createEvaluation({ params: { id: A.id }, body })).rejects.toMatchObject({ status: 409 });

    const scores = lms.scores(checkpoint.lineItemId!);
    expect(scores).toEqual([
      {
        userId: 'ben',
        scoreGiven: 1,
        scoreMaximum: 1,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp: expect.any(String),
      },
    ]);
    expect(JSON.stringify(scores)).not.toContain('EVAL-SUMMARY');

    expect((await api.ben!.listEvaluations({ params: { id: A.id } })).evaluations).toEqual([evaluation]);
    expect((await api.mara!.listEvaluations({ params: { id: A.id } })).evaluations).toEqual([evaluation]);
    expect((await api.coord!.listEvaluations({ params: { id: A.id } })).evaluations).toEqual([evaluation]);
    expect((await api.coord!.programEvaluations({})).evaluations).toEqual([evaluation]);
    await expect(api.fay!.listEvaluations({ params: { id: A.id } })).rejects.toMatchObject({ status: 404 });
    await expect(api.ben!.programEvaluations({})).rejects.toMatchObject({ status: 403 });
  });

  it('a checkpoint without a gradebook column posts nothing', async () => {
    const checkpoint = await api.coord!.createCheckpoint({ body: { name: 'End of year' } });
    expect(checkpoint.lineItemId).toBeNull();
    const evaluation = await api.ben!.createEvaluation({
      params: { id: B.id },
      body: { checkpointId: checkpoint.id, menteeId: id.dana!, rating: 'meeting', summary: 'On track' },
    });
    expect(evaluation.mentorId).toBe(id.ben);
  });

  it('keeps the evaluation and says so when the gradebook refuses the completion', async () => {
    const [midYear] = (await api.coord!.listCheckpoints({})).checkpoints.filter((c) => c.lineItemId);
    // Dana has left the LMS course: the LMS refuses a score for her.
    const course = lms.courses().find((c) => c.id === COURSE)!;
    lms.addCourse({ ...course, people: course.people.filter((p) => p.id !== 'dana') });
    try {
      const body = { checkpointId: midYear!.id, menteeId: id.dana!, rating: 'meeting' as const, summary: 'Steady' };
      await expect(api.ben!.createEvaluation({ params: { id: B.id }, body })).rejects.toMatchObject({
        status: 502,
        message: expect.stringMatching(
          /^The evaluation was saved, but the LMS gradebook did not record the completion/,
        ),
      });
      expect(
        (await api.dana!.listEvaluations({ params: { id: B.id } })).evaluations.map((e) => e.checkpointId),
      ).toContain(midYear!.id);
      expect(lms.scores(midYear!.lineItemId!).map((s) => s.userId)).toEqual(['ben']);
    } finally {
      lms.addCourse(course);
    }
  });
});

describe('export', () => {
  it('downloads Markdown and JSON with the caller’s private notes only', async () => {
    const res = await fetch(`${tool.url}/api/partnerships/${A.id}/export?format=md`, {
      headers: { authorization: `Bearer ${ltik.ben}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mentoring-[a-z-]+-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const md = await res.text();
    for (const text of [
      'Know every staff member by name',
      'We talked about listening.',
      'BEN-PRIVATE: nervous',
      'Leaders listen first.',
      'Mid-year',
    ]) {
      expect(md).toContain(text);
    }
    expect(md).not.toContain('MARA-PRIVATE');

    const json = (await api.mara!.exportPartnership({ params: { id: A.id }, query: { format: 'json' } })) as Record<
      string,
      unknown[]
    >;
    expect(json.goals!.length).toBeGreaterThan(0);
    expect(json.clips).toHaveLength(1);
    expect(json.requests).toHaveLength(1);
    expect(json.evaluations).toHaveLength(1);
    const text = JSON.stringify(json);
    expect(text).toContain('MARA-PRIVATE');
    expect(text).not.toContain('BEN-PRIVATE');
    await expect(api.dana!.exportPartnership({ params: { id: A.id } })).rejects.toMatchObject({ status: 404 });
  });
});

describe('program activity for staff', () => {
  it('shows counts, dates and a quiet flag, never content', async () => {
    await expect(api.ben!.programActivity({})).rejects.toMatchObject({ status: 403 });
    // B was formed 40 days ago and has never met.
    await backdatePartnership(tool, B.id, Date.now() - 40 * 86_400_000);

    const activity = await api.coord!.programActivity({});
    expect(activity.quietAfterDays).toBe(21);
    const a = activity.partnerships.find((p) => p.partnershipId === A.id)!;
    expect(a).toMatchObject({
      kind: 'mentoring',
      status: 'active',
      // One held; the other only scheduled, counted apart.
      last30Days: { clips: 1, prompts: 1, conversations: 1 },
      scheduledConversations: 1,
      quiet: false,
    });
    expect(a.lastConversationAt).not.toBeNull();
    expect(a.nextConversationAt).not.toBeNull();
    expect(a.members).toEqual(
      expect.arrayContaining([
        { personId: id.mara, name: 'Mara Lind', role: 'mentor' },
        { personId: id.ben, name: 'Ben Okafor', role: 'mentee' },
      ]),
    );
    expect(activity.partnerships.find((p) => p.partnershipId === B.id)).toMatchObject({
      quiet: true,
      lastConversationAt: null,
    });

    const text = JSON.stringify(activity);
    for (const content of [
      'Know every',
      'listening',
      'PRIVATE',
      'Leaders listen',
      'budget',
      'Grow as a first-year',
      'Monthly',
      'EVAL-SUMMARY',
    ]) {
      expect(text).not.toContain(content);
    }

    expect(await api.coord!.updateProgramSettings({ body: { quietAfterDays: 60 } })).toEqual({ quietAfterDays: 60 });
    const relaxed = await api.coord!.programActivity({});
    expect(relaxed.quietAfterDays).toBe(60);
    expect(relaxed.partnerships.find((p) => p.partnershipId === B.id)?.quiet).toBe(false);
    await expect(api.coord!.updateProgramSettings({ body: { quietAfterDays: 0 } })).rejects.toMatchObject({
      status: 400,
      field: 'quietAfterDays',
    });
  });
});

describe('noting a conversation as held', () => {
  it('counts one noted afterwards as held at its scheduled time, and an early one as held now', async () => {
    const p = await api.coord!.createPartnership({
      body: {
        kind: 'mentoring',
        members: [
          { personId: id.eli!, role: 'mentor' },
          { personId: id.fay!, role: 'mentee' },
        ],
        // Eli and Fay also coach each other collegially.
        confirmDuplicate: true,
      },
    });
    const past = await api.fay!.createConversation({ params: { id: p.id }, body: { scheduledFor: day(-3) } });
    expect((await api.eli!.updateConversation({ params: { id: past.id }, body: { held: true } })).heldAt).toBe(
      past.scheduledFor,
    );
    const early = await api.fay!.createConversation({ params: { id: p.id }, body: { scheduledFor: day(3) } });
    const heldAt = (await api.eli!.updateConversation({ params: { id: early.id }, body: { held: true } })).heldAt!;
    expect(Date.parse(heldAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(heldAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});
