/**
 * The confidentiality matrix (issues 3 and 8): every API route × every kind of caller (the
 * mentee's connected browser included) × their own and another partnership. Exactly the allowed
 * cells succeed; every refusal is a 403 or 404 (401 without credentials), the same for another
 * partnership's id as for a made-up one; no answer of any caller, successful or not, carries a
 * word of a partnership the caller is not in, nor a private note of someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, fillPath, routes, type ApiClient, type RouteDef, type RouteName } from '@mentoring/shared';
import { lmsPerson, startTestLms, Role, type TestLms } from '@mentoring/lti-tool/src/sandbox/lms/index.ts';
import { launchAs, startTestTool, type TestTool } from '../support/tool.ts';

type Caller = 'mentor' | 'mentee' | 'extension' | 'otherParticipant' | 'staff' | 'otherCourse' | 'anonymous';
type Target = 'own' | 'other';
const CALLERS: Caller[] = ['mentor', 'mentee', 'extension', 'otherParticipant', 'staff', 'otherCourse', 'anonymous'];
/** The mentee's browser calls as the extension does: with its personal token, from its own origin. */
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/**
 * Who may use each route on a partnership they belong to ('mentor', 'mentee', 'both'), or outside
 * partnerships: 'staff' (program staff only), 'person' (anyone signed in), 'public'.
 * `staffReads` marks partnership routes staff may read without content.
 */
const ACCESS: Record<
  RouteName,
  { who: 'mentor' | 'mentee' | 'both' | 'staff' | 'person' | 'public' | 'invitee'; staffReads?: true }
> = {
  me: { who: 'person' },
  chooseLocale: { who: 'person' },
  reportTimeZone: { who: 'person' },
  programPeople: { who: 'staff' },
  syncRoster: { who: 'staff' },
  programDirectory: { who: 'person' },
  programActivity: { who: 'staff' },
  updateProgramSettings: { who: 'staff' },
  listCheckpoints: { who: 'person' },
  createCheckpoint: { who: 'staff' },
  programEvaluations: { who: 'staff' },
  listPartnerships: { who: 'person' },
  createPartnership: { who: 'person' },
  getPartnership: { who: 'both', staffReads: true },
  updatePartnership: { who: 'both' },
  acceptPartnership: { who: 'invitee' },
  declinePartnership: { who: 'invitee' },
  exportPartnership: { who: 'both' },
  listGoals: { who: 'both' },
  createGoal: { who: 'mentee' },
  updateGoal: { who: 'mentee' },
  createAction: { who: 'mentee' },
  updateAction: { who: 'both' },
  listClips: { who: 'both' },
  clipTags: { who: 'both' },
  createClip: { who: 'both' },
  clipsOnPage: { who: 'person' },
  getClip: { who: 'both' },
  updateClip: { who: 'mentee' },
  deleteClip: { who: 'mentee' },
  reviewClip: { who: 'mentor' },
  promptFromClip: { who: 'both' },
  listPrompts: { who: 'both' },
  createPrompt: { who: 'both' },
  updatePrompt: { who: 'mentee' },
  listConversations: { who: 'both' },
  createConversation: { who: 'both' },
  updateConversation: { who: 'both' },
  cancelConversation: { who: 'both' },
  setAgenda: { who: 'mentee' },
  addCommitment: { who: 'both' },
  updateCommitment: { who: 'both' },
  commitmentsDue: { who: 'both' },
  prepare: { who: 'both' },
  listRequests: { who: 'both' },
  createRequest: { who: 'mentee' },
  answerRequest: { who: 'mentor' },
  listEvaluations: { who: 'both', staffReads: true },
  createEvaluation: { who: 'mentor' },
  createPairingCode: { who: 'person' },
  exchangePairingCode: { who: 'public' },
  listConnections: { who: 'person' },
  revokeConnection: { who: 'person' },
  renameConnection: { who: 'person' },
  extensionDownloads: { who: 'person' },
  updateCheckpoint: { who: 'staff' },
  removeCheckpoint: { who: 'staff' },
  programReport: { who: 'staff' },
  partnershipLifecycle: { who: 'staff' },
  changeMembers: { who: 'staff' },
  partnershipHistory: { who: 'staff' },
  nudgePartnership: { who: 'staff' },
  listNudges: { who: 'both', staffReads: true },
  conversationCalendar: { who: 'both' },
  calendarFeed: { who: 'person' },
  createCalendarFeed: { who: 'person' },
  revokeCalendarFeed: { who: 'person' },
  calendarFeedEvents: { who: 'public' },
  unreviewClip: { who: 'mentor' },
  deleteGoal: { who: 'mentee' },
  deletePrompt: { who: 'mentor' },
  deleteCommitment: { who: 'both' },
  listNotifications: { who: 'person' },
  markNotificationsRead: { who: 'person' },
  notificationPreferences: { who: 'person' },
  updateNotificationPreferences: { who: 'person' },
};

/** Words that only coaching content contains, marked with the partnership they belong to. */
const SECRET = 'zq';
const secret = (what: string, p: Target) => `${SECRET}-${what}-${p}`;
/** The one partnership whose content a caller may see; staff, outsiders and strangers see none. */
const MEMBER_OF: Partial<Record<Caller, Target>> = {
  mentor: 'own',
  mentee: 'own',
  extension: 'own',
  otherParticipant: 'other',
};
/** Private notes and who wrote them: the mentors' (`private`) and the mentees' (`mynote`). */
const PRIVATE_NOTES: Array<{ note: string; authors: Caller[] }> = [
  { note: secret('private', 'own'), authors: ['mentor'] },
  { note: secret('private', 'other'), authors: [] },
  { note: secret('mynote', 'own'), authors: ['mentee', 'extension'] },
  { note: secret('mynote', 'other'), authors: ['otherParticipant'] },
];
/** A well-formed id that names nothing, refused exactly like another partnership's. */
const MADE_UP_ID = 'made-up-0123456789';

let tool: TestTool;
let lms: TestLms;
const api = {} as Record<Exclude<Caller, 'anonymous'>, ApiClient>;
const tokens = {} as Record<Caller, string>;
const personIds: Record<string, string> = {};

/** The resources of each partnership the routes are called on. */
interface Fixture {
  partnership: string;
  goal: string;
  action: string;
  clip: string;
  prompt: string;
  conversation: string;
  commitment: string;
  request: string;
  /** A browser connection of the partnership's mentee. */
  connection: string;
}
const fixtures = {} as Record<Target, Fixture>;
let checkpointId = '';
let spareCheckpointId = '';
let feedToken = '';
let mentor2: ApiClient;

async function makeFixture(
  t: Target,
  mentor: ApiClient,
  mentee: ApiClient,
  mentorId: string,
  menteeId: string,
  staff: ApiClient,
): Promise<Fixture> {
  const p = await staff.createPartnership({
    body: {
      kind: 'mentoring',
      members: [
        { personId: mentorId, role: 'mentor' },
        { personId: menteeId, role: 'mentee' },
      ],
    },
  });
  await mentee.updatePartnership({ params: { id: p.id }, body: { agreement: { purpose: secret('purpose', t) } } });
  const goal = await mentee.createGoal({
    params: { id: p.id },
    body: { title: secret('goal', t), why: secret('why', t) },
  });
  const withAction = await mentee.createAction({ params: { id: goal.id }, body: { text: secret('action', t) } });
  const clip = await mentee.createClip({
    params: { id: p.id },
    body: {
      url: 'https://readings.example.org/improvisation',
      title: secret('title', t),
      quote: secret('quote', t),
      note: secret('note', t),
      tags: [secret('tag', t)],
      goalIds: [goal.id],
    },
  });
  const prompt = await mentor.createPrompt({ params: { id: p.id }, body: { question: secret('prompt', t) } });
  await mentee.updatePrompt({ params: { id: prompt.id }, body: { response: secret('response', t) } });
  const held = await mentee.createConversation({
    params: { id: p.id },
    body: { scheduledFor: new Date(Date.now() - 86_400_000).toISOString() },
  });
  await mentor.updateConversation({
    params: { id: held.id },
    body: { sharedNotes: secret('shared', t), privateNote: secret('private', t), held: true },
  });
  await mentee.updateConversation({ params: { id: held.id }, body: { privateNote: secret('mynote', t) } });
  const withCommitment = await mentee.addCommitment({
    params: { id: held.id },
    body: { text: secret('commitment', t), goalId: goal.id },
  });
  const next = await mentee.createConversation({
    params: { id: p.id },
    body: { scheduledFor: new Date(Date.now() + 86_400_000).toISOString() },
  });
  await mentee.setAgenda({ params: { id: next.id }, body: { agenda: [{ kind: 'free', text: secret('agenda', t) }] } });
  const request = await mentee.createRequest({ params: { id: p.id }, body: { question: secret('request', t) } });
  return {
    partnership: p.id,
    goal: goal.id,
    action: withAction.actions[0]!.id,
    clip: clip.id,
    prompt: prompt.id,
    conversation: next.id,
    commitment: withCommitment.commitments[0]!.id,
    request: request.id,
    connection: (await pairBrowser(mentee)).connection.id,
  };
}

async function pairBrowser(person: ApiClient) {
  const { code } = await person.createPairingCode({});
  return createApiClient({ baseUrl: tool.url, getToken: () => null }).exchangePairingCode({ body: { code } });
}

beforeAll(async () => {
  tool = await startTestTool();
  lms = await startTestLms({ name: 'Matrix LMS' });
  lms.addCourse({
    id: 'matrix',
    title: 'Matrix program',
    people: [
      lmsPerson('coord', 'Cora Staff', [Role.Instructor]),
      lmsPerson('mentor', 'Mo Mentor', [Role.Learner]),
      lmsPerson('mentee', 'Mei Mentee', [Role.Learner]),
      lmsPerson('mentor2', 'Otto Mentor', [Role.Learner]),
      lmsPerson('other', 'Olga Other', [Role.Learner]),
    ],
  });
  lms.addCourse({
    id: 'elsewhere',
    title: 'Another course',
    people: [lmsPerson('outsider', 'Ola Outsider', [Role.Learner])],
  });
  await lms.registerTool(`${tool.url}/register`);
  const launches: Array<[Exclude<Caller, 'anonymous'>, string, string]> = [
    ['staff', 'matrix', 'coord'],
    ['mentor', 'matrix', 'mentor'],
    ['mentee', 'matrix', 'mentee'],
    ['otherParticipant', 'matrix', 'other'],
    ['otherCourse', 'elsewhere', 'outsider'],
  ];
  for (const [caller, course, who] of launches) {
    const l = await launchAs(lms, tool, { courseId: course, personId: who });
    api[caller] = l.api;
    tokens[caller] = l.ltik;
    personIds[who] = (await l.api.me({})).person.id;
  }
  const m2 = await launchAs(lms, tool, { courseId: 'matrix', personId: 'mentor2' });
  mentor2 = m2.api;
  personIds.mentor2 = (await m2.api.me({})).person.id;
  tokens.anonymous = '';
  tokens.extension = (await pairBrowser(api.mentee)).token;
  fixtures.own = await makeFixture('own', api.mentor, api.mentee, personIds.mentor!, personIds.mentee!, api.staff);
  // The other partnership: Otto mentors Olga ("a participant of another partnership").
  fixtures.other = await makeFixture(
    'other',
    m2.api,
    api.otherParticipant,
    personIds.mentor2!,
    personIds.other!,
    api.staff,
  );
  checkpointId = (await api.staff.createCheckpoint({ body: { name: 'Month 6' } })).id;
  spareCheckpointId = (await api.staff.createCheckpoint({ body: { name: 'Month 9' } })).id;
  feedToken = new URL((await m2.api.createCalendarFeed({})).url!).pathname.split('/')[3]!;
}, 120_000);

afterAll(async () => {
  await tool?.close();
  await lms?.close();
});

/** The path parameter of a route, from the partnership under test. */
function paramsFor(name: RouteName, f: Fixture): Record<string, string> {
  const def = routes[name] as RouteDef;
  if (def.path.includes('{token}')) return { token: feedToken };
  if (!def.path.includes('{id}')) return {};
  if (def.path.startsWith('/api/program/checkpoints/')) return { id: spareCheckpointId };
  if (def.path.startsWith('/api/partnerships/')) return { id: f.partnership };
  if (def.path.startsWith('/api/goals/')) return { id: f.goal };
  if (def.path.startsWith('/api/actions/')) return { id: f.action };
  if (def.path.startsWith('/api/clips/')) return { id: f.clip };
  if (def.path.startsWith('/api/prompts/')) return { id: f.prompt };
  if (def.path.startsWith('/api/conversations/')) return { id: f.conversation };
  if (def.path.startsWith('/api/commitments/')) return { id: f.commitment };
  if (def.path.startsWith('/api/requests/')) return { id: f.request };
  if (def.path.startsWith('/api/connections/')) return { id: f.connection };
  throw new Error(`no parameters for ${name}`);
}

/** A valid body for each route that takes one; fresh values so repeated calls stay valid. */
function bodyFor(name: RouteName, caller: Caller, f: Fixture): unknown {
  const self = {
    mentor: 'mentor',
    mentee: 'mentee',
    extension: 'mentee',
    otherParticipant: 'other',
    staff: 'coord',
    otherCourse: 'outsider',
    anonymous: 'mentee',
  }[caller];
  switch (name) {
    case 'chooseLocale':
      return { locale: null };
    case 'reportTimeZone':
      return { timeZone: 'Europe/Paris' };
    case 'updateProgramSettings':
      return { quietAfterDays: 21 };
    case 'createCheckpoint':
      return { name: 'Month 12' };
    case 'createPartnership':
      return caller === 'staff'
        ? {
            kind: 'collegial',
            members: [
              { personId: personIds.mentor, role: 'mentor' },
              { personId: personIds.other, role: 'mentee' },
            ],
          }
        : {
            kind: 'collegial',
            members: [
              { personId: personIds[self!], role: 'mentee' },
              { personId: personIds.mentor2, role: 'mentor' },
            ],
          };
    case 'updatePartnership':
      return { agreement: { meetingCadence: 'Weekly' } };
    case 'partnershipLifecycle':
      return { action: 'resume' };
    case 'changeMembers':
      return {
        members:
          f.partnership === fixtures.own.partnership
            ? [
                { personId: personIds.mentor, role: 'mentor' },
                { personId: personIds.mentee, role: 'mentee' },
              ]
            : [
                { personId: personIds.mentor2, role: 'mentor' },
                { personId: personIds.other, role: 'mentee' },
              ],
      };
    case 'createGoal':
      return { title: 'Another goal' };
    case 'updateGoal':
      return { status: 'active' };
    case 'createAction':
      return { text: 'Another action' };
    case 'updateAction':
      return { done: true };
    case 'createClip':
      return { id: crypto.randomUUID(), url: 'https://readings.example.org/x', title: 'x', quote: 'A passage' };
    case 'updateClip':
      return { tags: ['x'] };
    case 'promptFromClip':
      return { question: 'What does this ask of you?' };
    case 'createPrompt':
      return { question: 'What did you notice?' };
    case 'updatePrompt':
      return { response: 'I noticed it.' };
    case 'createConversation':
      return { scheduledFor: new Date(Date.now() + 7 * 86_400_000).toISOString() };
    case 'updateConversation':
      return { sharedNotes: 'Notes' };
    case 'setAgenda':
      return { agenda: [{ kind: 'goal', goalId: f.goal }] };
    case 'addCommitment':
      return { text: 'Try it' };
    case 'updateCommitment':
      return { done: false };
    case 'renameConnection':
      return { label: 'Work laptop' };
    case 'createRequest':
      return { question: 'Any protocol?' };
    case 'answerRequest':
      return { text: 'Here is one.' };
    case 'markNotificationsRead':
      return { all: true };
    case 'updateNotificationPreferences':
      return { delivery: { 'review-waiting': 'off' } };
    case 'createEvaluation':
      return {
        checkpointId,
        menteeId: caller === 'otherParticipant' ? personIds.other : personIds.mentee,
        rating: 'developing',
        summary: 'Growing',
      };
    default:
      return (routes[name] as RouteDef).body ? {} : undefined;
  }
}

/** The query a route needs. */
function queryFor(name: RouteName): string {
  return name === 'clipsOnPage' ? '?url=https%3A%2F%2Freadings.example.org%2Fimprovisation' : '';
}

/** Whether the caller may use the route on the target partnership. */
function allowed(name: RouteName, caller: Caller, target: Target): boolean {
  const { who, staffReads } = ACCESS[name];
  if (who === 'public') return true;
  if (caller === 'anonymous') return false;
  // The browser's token works only on the extension's routes, and then as its owner.
  if (caller === 'extension' && !(routes[name] as RouteDef).extension) return false;
  // One's own browser connections only; a browser may disconnect only itself.
  if (name === 'revokeConnection' || name === 'renameConnection')
    return (caller === 'mentee' && target === 'own') || (caller === 'otherParticipant' && target === 'other');
  // Inviting needs a partner from one's own program; the outsider's choice is not.
  if (name === 'createPartnership' && caller === 'otherCourse') return false;
  if (who === 'person') return true;
  if (who === 'staff') return caller === 'staff';
  if (caller === 'staff') return !!staffReads;
  // Membership of the target partnership and the role in it.
  const role =
    target === 'own'
      ? ({ mentor: 'mentor', mentee: 'mentee', extension: 'mentee' } as const)[caller as 'mentor']
      : caller === 'otherParticipant'
        ? 'mentee'
        : undefined;
  if (!role) return false;
  if (who === 'invitee') return false; // both partnerships are active: nobody has an invitation to answer
  return who === 'both' || who === role;
}

/** Routes that use up what they act on get a fresh one each call. */
async function freshFixture(name: RouteName, target: Target): Promise<Fixture> {
  const f = fixtures[target];
  if (name === 'revokeConnection' && target === 'own')
    return { ...f, connection: (await pairBrowser(api.mentee)).connection.id };
  const [mentee, mentor] = target === 'own' ? [api.mentee, api.mentor] : [api.otherParticipant, mentor2];
  if (name === 'deleteGoal')
    return { ...f, goal: (await mentee.createGoal({ params: { id: f.partnership }, body: { title: 'g' } })).id };
  if (name === 'deletePrompt')
    return { ...f, prompt: (await mentor.createPrompt({ params: { id: f.partnership }, body: { question: 'q' } })).id };
  if (name === 'cancelConversation') {
    const c = await mentee.createConversation({
      params: { id: f.partnership },
      body: { scheduledFor: new Date(Date.now() + 9 * 86_400_000).toISOString() },
    });
    return { ...f, conversation: c.id };
  }
  if (name === 'deleteCommitment') {
    const c = await mentee.addCommitment({ params: { id: f.conversation }, body: { text: 'c' } });
    return { ...f, commitment: c.commitments.at(-1)!.id };
  }
  if (name !== 'deleteClip') return f;
  const clipper = target === 'own' ? api.mentee : api.otherParticipant;
  const clip = await clipper.createClip({
    params: { id: f.partnership },
    body: { url: 'https://readings.example.org/y', title: 'y', quote: 'Another passage' },
  });
  return { ...f, clip: clip.id };
}

async function call(name: RouteName, caller: Caller, target: Target | 'madeUp') {
  const def = routes[name] as RouteDef;
  const f = target === 'madeUp' ? fixtures.other : await freshFixture(name, target);
  const body =
    name === 'exchangePairingCode' ? { code: (await api.mentee.createPairingCode({})).code } : bodyFor(name, caller, f);
  const params = target === 'madeUp' ? { id: MADE_UP_ID } : paramsFor(name, f);
  const res = await fetch(`${tool.url}${fillPath(def.path, params)}${queryFor(name)}`, {
    method: def.method,
    headers: {
      ...(tokens[caller] ? { authorization: `Bearer ${tokens[caller]}` } : {}),
      ...(caller === 'extension' ? { origin: EXTENSION_ORIGIN } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

describe('confidentiality matrix', () => {
  const names = Object.keys(routes) as RouteName[];

  it('covers every route of the API', () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...names].sort());
  });

  for (const name of names) {
    it(`${name}: exactly the allowed callers succeed; refusals are 403/404 and reveal nothing`, async () => {
      const cells: string[] = [];
      const takesId = (routes[name] as RouteDef).path.includes('{id}');
      for (const target of ['own', 'other'] as Target[]) {
        for (const caller of CALLERS) {
          const { status, text } = await call(name, caller, target);
          const ok = allowed(name, caller, target);
          // 409 comes only after the gate let the caller through (e.g. a second evaluation).
          const succeeded = (status >= 200 && status < 300) || status === 409;
          const refusals = caller === 'anonymous' ? [401] : [403, 404];
          if (status >= 500) cells.push(`${caller}/${target}: ${status} ${text.slice(0, 160)}`);
          else if (ok && !succeeded) cells.push(`${caller}/${target}: refused ${status} ${text.slice(0, 160)}`);
          else if (!ok && !refusals.includes(status))
            cells.push(`${caller}/${target}: ${status} where ${refusals.join(' or ')} belongs: ${text.slice(0, 160)}`);
          // Content of a partnership the caller is not in, in any answer, successful or not.
          for (const p of ['own', 'other'] as Target[]) {
            if (MEMBER_OF[caller] === p) continue;
            const leak = new RegExp(`${SECRET}-[a-z]+-${p}`).exec(text);
            if (leak) cells.push(`${caller}/${target}: content of a partnership they are not in: ${leak[0]}`);
          }
          for (const { note, authors } of PRIVATE_NOTES)
            if (!authors.includes(caller) && text.includes(note))
              cells.push(`${caller}/${target}: someone else's private note: ${note}`);
          // Another partnership's real id and an id that names nothing are refused alike.
          if (takesId && target === 'other' && MEMBER_OF[caller] !== 'other' && !succeeded) {
            const madeUp = await call(name, caller, 'madeUp');
            if (madeUp.status !== status || madeUp.text !== text)
              cells.push(
                `${caller}: other partnership ${status} ${text.slice(0, 120)} ≠ made-up id ${madeUp.status} ${madeUp.text.slice(0, 120)}`,
              );
          }
        }
      }
      expect(cells, cells.join('\n')).toEqual([]);
    });
  }
});
