/**
 * The HTTP API contract: every route once, with its input and answer schemas. The server mounts
 * handlers by these names, the typed client calls them, and the OpenAPI document is made from them.
 */
import { z } from 'zod';
import * as d from './domain.ts';
import * as n from './notifications.ts';

import type { Method } from './paths.ts';

export interface RouteDef {
  method: Method;
  path: string;
  summary: string;
  /** Who may call it, before the partnership-level rules: any signed-in person, or staff only. */
  access: 'public' | 'person' | 'staff';
  /** Whether an extension token is accepted (otherwise only the workspace app's launch). */
  extension?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
}

const route = <const R extends RouteDef>(r: R) => r;

const List = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.object({ [key]: z.array(item) } as Record<K, z.ZodArray<T>>);
const Ok = z.object({ ok: z.literal(true) });

export const routes = {
  me: route({
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in person, their program and program role',
    access: 'person',
    extension: true,
    response: d.Me,
  }),
  chooseLocale: route({
    method: 'PUT',
    path: '/api/me/locale',
    summary: 'Choose the language the tool speaks to the signed-in person (null: the LMS’s)',
    access: 'person',
    extension: true,
    body: d.ChooseLocale,
    response: d.Me,
  }),
  reportTimeZone: route({
    method: 'PUT',
    path: '/api/me/time-zone',
    summary: 'Report the time zone of the signed-in person’s browser (times in e-mails and exports)',
    access: 'person',
    extension: true,
    body: d.ReportTimeZone,
    response: d.Me,
  }),

  programPeople: route({
    method: 'GET',
    path: '/api/program/people',
    summary: 'The program roster (staff only)',
    access: 'staff',
    response: d.Roster,
  }),
  syncRoster: route({
    method: 'POST',
    path: '/api/program/people/sync',
    summary: 'Sync the roster from the LMS through Names and Roles',
    access: 'staff',
    response: d.Roster,
  }),
  programDirectory: route({
    method: 'GET',
    path: '/api/program/directory',
    summary: 'People of the program a participant may invite (names only)',
    access: 'person',
    response: List('people', d.Person),
  }),
  programActivity: route({
    method: 'GET',
    path: '/api/program/activity',
    summary: 'Activity of the program’s partnerships, a page at a time: counts and dates, never content',
    access: 'staff',
    query: d.PartnershipQuery,
    response: d.ProgramActivity,
  }),
  updateProgramSettings: route({
    method: 'PUT',
    path: '/api/program/settings',
    summary: 'Program settings such as when a partnership counts as quiet',
    access: 'staff',
    body: d.ProgramSettings,
    response: d.ProgramSettings,
  }),
  listCheckpoints: route({
    method: 'GET',
    path: '/api/program/checkpoints',
    summary: 'The program’s evaluation checkpoints',
    access: 'person',
    response: List('checkpoints', d.Checkpoint),
  }),
  createCheckpoint: route({
    method: 'POST',
    path: '/api/program/checkpoints',
    summary: 'Name an evaluation checkpoint',
    access: 'staff',
    body: d.CreateCheckpoint,
    response: d.Checkpoint,
    status: 201,
  }),
  updateCheckpoint: route({
    method: 'PATCH',
    path: '/api/program/checkpoints/{id}',
    summary: 'Rename a checkpoint or change its date',
    access: 'staff',
    body: d.UpdateCheckpoint,
    response: d.Checkpoint,
  }),
  removeCheckpoint: route({
    method: 'DELETE',
    path: '/api/program/checkpoints/{id}',
    summary: 'Remove a checkpoint; the evaluations made at it are kept',
    access: 'staff',
    response: Ok,
  }),
  programReport: route({
    method: 'GET',
    path: '/api/program/report',
    summary: 'The program report: dates, counts and checkpoint completion, never content (?format=csv to download)',
    access: 'staff',
    query: z.object({ format: z.enum(['csv', 'json']).optional() }),
    response: d.ProgramReport,
  }),
  programEvaluations: route({
    method: 'GET',
    path: '/api/program/evaluations',
    summary: 'All checkpoint evaluations of the program',
    access: 'staff',
    response: List('evaluations', d.CheckpointEvaluation),
  }),

  listPartnerships: route({
    method: 'GET',
    path: '/api/partnerships',
    summary: 'The caller’s partnerships, a page at a time (staff: all of the program, without content)',
    access: 'person',
    extension: true,
    query: d.PartnershipQuery,
    response: d.PartnershipList,
  }),
  createPartnership: route({
    method: 'POST',
    path: '/api/partnerships',
    summary: 'Form a partnership (staff) or invite a chosen person (participant)',
    access: 'person',
    body: d.CreatePartnership,
    response: d.Partnership,
    status: 201,
  }),
  getPartnership: route({
    method: 'GET',
    path: '/api/partnerships/{id}',
    summary: 'One partnership',
    access: 'person',
    extension: true,
    response: d.Partnership,
  }),
  updatePartnership: route({
    method: 'PATCH',
    path: '/api/partnerships/{id}',
    summary: 'Change the agreement, close or reopen',
    access: 'person',
    body: d.UpdatePartnership,
    response: d.Partnership,
  }),
  partnershipLifecycle: route({
    method: 'POST',
    path: '/api/partnerships/{id}/lifecycle',
    summary: 'Pause, resume or end a partnership (staff; the reason stays with staff)',
    access: 'staff',
    body: d.PartnershipLifecycle,
    response: d.PartnershipHistory,
  }),
  changeMembers: route({
    method: 'PUT',
    path: '/api/partnerships/{id}/members',
    summary: 'Change who is in a partnership or re-match it (staff); who was in it and when is kept',
    access: 'staff',
    body: d.ChangeMembers,
    response: d.PartnershipHistory,
  }),
  partnershipHistory: route({
    method: 'GET',
    path: '/api/partnerships/{id}/history',
    summary: 'Who was in a partnership and when, its pauses and end (staff)',
    access: 'staff',
    response: d.PartnershipHistory,
  }),
  nudgePartnership: route({
    method: 'POST',
    path: '/api/partnerships/{id}/nudges',
    summary: 'Send a content-free nudge to a quiet pair (staff)',
    access: 'staff',
    response: d.Nudge,
    status: 201,
  }),
  listNudges: route({
    method: 'GET',
    path: '/api/partnerships/{id}/nudges',
    summary: 'Nudges staff sent to this partnership',
    access: 'person',
    response: List('nudges', d.Nudge),
  }),
  acceptPartnership: route({
    method: 'POST',
    path: '/api/partnerships/{id}/accept',
    summary: 'Accept an invitation',
    access: 'person',
    response: d.Partnership,
  }),
  declinePartnership: route({
    method: 'POST',
    path: '/api/partnerships/{id}/decline',
    summary: 'Decline an invitation',
    access: 'person',
    response: d.Partnership,
  }),
  exportPartnership: route({
    method: 'GET',
    path: '/api/partnerships/{id}/export',
    summary: 'Download the partnership as Markdown (?format=md) or JSON',
    access: 'person',
    query: z.object({ format: z.enum(['md', 'json']).optional() }),
    response: z.unknown(),
  }),

  listGoals: route({
    method: 'GET',
    path: '/api/partnerships/{id}/goals',
    summary: 'Goals with their actions',
    access: 'person',
    extension: true,
    response: List('goals', d.Goal),
  }),
  createGoal: route({
    method: 'POST',
    path: '/api/partnerships/{id}/goals',
    summary: 'Set a goal (the mentee’s)',
    access: 'person',
    extension: true,
    body: d.CreateGoal,
    response: d.Goal,
    status: 201,
  }),
  updateGoal: route({
    method: 'PATCH',
    path: '/api/goals/{id}',
    summary: 'Change a goal',
    access: 'person',
    body: d.UpdateGoal,
    response: d.Goal,
  }),
  deleteGoal: route({
    method: 'DELETE',
    path: '/api/goals/{id}',
    summary: 'Delete a goal and its actions (its owner, the mentee)',
    access: 'person',
    response: Ok,
  }),
  createAction: route({
    method: 'POST',
    path: '/api/goals/{id}/actions',
    summary: 'Add an action to a goal',
    access: 'person',
    body: d.CreateAction,
    response: d.Goal,
    status: 201,
  }),
  updateAction: route({
    method: 'PATCH',
    path: '/api/actions/{id}',
    summary: 'Change or complete an action',
    access: 'person',
    extension: true,
    body: d.UpdateAction,
    response: d.Goal,
  }),

  listClips: route({
    method: 'GET',
    path: '/api/partnerships/{id}/clips',
    summary: 'Clips, filtered by goal, tag, text or new since the last conversation',
    access: 'person',
    extension: true,
    query: d.ClipFilter,
    response: d.ClipList,
  }),
  createClip: route({
    method: 'POST',
    path: '/api/partnerships/{id}/clips',
    summary: 'Clip a passage (repeating a create with the same id is harmless)',
    access: 'person',
    extension: true,
    body: d.CreateClip,
    response: d.Clip,
    status: 201,
  }),
  clipTags: route({
    method: 'GET',
    path: '/api/partnerships/{id}/clip-tags',
    summary: 'Every tag on the partnership’s clips, for filtering',
    access: 'person',
    response: List('tags', d.Tag),
  }),
  clipsOnPage: route({
    method: 'GET',
    path: '/api/clips',
    summary: 'The caller’s clips on one page (by any of its identities), across their partnerships',
    access: 'person',
    extension: true,
    query: z.object({
      url: d.Text.min(1).max(2_048),
      canonical: d.Text.max(2_048).optional(),
      ogUrl: d.Text.max(2_048).optional(),
      doi: d.Text.max(300).optional(),
      pdfFingerprint: d.Text.max(200).optional(),
    }),
    response: List('clips', d.Clip),
  }),
  getClip: route({
    method: 'GET',
    path: '/api/clips/{id}',
    summary: 'One clip',
    access: 'person',
    extension: true,
    response: d.Clip,
  }),
  updateClip: route({
    method: 'PATCH',
    path: '/api/clips/{id}',
    summary: 'Change a clip’s note, tags or links',
    access: 'person',
    extension: true,
    body: d.UpdateClip,
    response: d.Clip,
  }),
  deleteClip: route({
    method: 'DELETE',
    path: '/api/clips/{id}',
    summary: 'Delete a clip (its clipper only)',
    access: 'person',
    extension: true,
    response: Ok,
  }),
  reviewClip: route({
    method: 'POST',
    path: '/api/clips/{id}/review',
    summary: 'Mark a clip reviewed (mentor)',
    access: 'person',
    response: d.Clip,
  }),
  unreviewClip: route({
    method: 'DELETE',
    path: '/api/clips/{id}/review',
    summary: 'Take back one’s review of a clip (mentor)',
    access: 'person',
    response: d.Clip,
  }),
  promptFromClip: route({
    method: 'POST',
    path: '/api/clips/{id}/prompt',
    summary: 'Turn a clip into a reflection prompt',
    access: 'person',
    body: z.object({ question: d.Text.trim().min(1).max(1_000) }),
    response: d.Prompt,
    status: 201,
  }),

  listPrompts: route({
    method: 'GET',
    path: '/api/partnerships/{id}/prompts',
    summary: 'Reflection prompts',
    access: 'person',
    extension: true,
    response: List('prompts', d.Prompt),
  }),
  createPrompt: route({
    method: 'POST',
    path: '/api/partnerships/{id}/prompts',
    summary: 'Write a reflection prompt',
    access: 'person',
    extension: true,
    body: d.CreatePrompt,
    response: d.Prompt,
    status: 201,
  }),
  updatePrompt: route({
    method: 'PATCH',
    path: '/api/prompts/{id}',
    summary: 'Respond to a prompt or change its status',
    access: 'person',
    body: d.UpdatePrompt,
    response: d.Prompt,
  }),

  deletePrompt: route({
    method: 'DELETE',
    path: '/api/prompts/{id}',
    summary: 'Delete an unanswered prompt (whoever asked it)',
    access: 'person',
    response: Ok,
  }),

  listConversations: route({
    method: 'GET',
    path: '/api/partnerships/{id}/conversations',
    summary: 'Conversations, next first',
    access: 'person',
    extension: true,
    response: List('conversations', d.Conversation),
  }),
  createConversation: route({
    method: 'POST',
    path: '/api/partnerships/{id}/conversations',
    summary: 'Schedule the next conversation',
    access: 'person',
    body: d.CreateConversation,
    response: d.Conversation,
    status: 201,
  }),
  updateConversation: route({
    method: 'PATCH',
    path: '/api/conversations/{id}',
    summary: 'Notes, time, or mark as held',
    access: 'person',
    body: d.UpdateConversation,
    response: d.Conversation,
  }),
  cancelConversation: route({
    method: 'DELETE',
    path: '/api/conversations/{id}',
    summary: 'Cancel a conversation not yet held (either partner); the other partner is told',
    access: 'person',
    response: Ok,
  }),
  conversationCalendar: route({
    method: 'GET',
    path: '/api/conversations/{id}/calendar.ics',
    summary: 'The conversation as a calendar event (who and when, never the agenda)',
    access: 'person',
    response: z.string(),
  }),
  setAgenda: route({
    method: 'PUT',
    path: '/api/conversations/{id}/agenda',
    summary: 'Set the ordered agenda (the mentee’s)',
    access: 'person',
    extension: true,
    body: d.SetAgenda,
    response: d.Conversation,
  }),
  addCommitment: route({
    method: 'POST',
    path: '/api/conversations/{id}/commitments',
    summary: 'Record a commitment; it becomes an action carried into the next conversation',
    access: 'person',
    body: d.CreateCommitment,
    response: d.Conversation,
    status: 201,
  }),
  updateCommitment: route({
    method: 'PATCH',
    path: '/api/commitments/{id}',
    summary: 'Mark a commitment done or edit it (its linked action follows)',
    access: 'person',
    extension: true,
    body: d.UpdateCommitment,
    response: d.Commitment,
  }),
  deleteCommitment: route({
    method: 'DELETE',
    path: '/api/commitments/{id}',
    summary: 'Delete a commitment and the goal action it became (either partner)',
    access: 'person',
    response: Ok,
  }),
  commitmentsDue: route({
    method: 'GET',
    path: '/api/partnerships/{id}/commitments',
    summary: 'Commitments from earlier conversations not yet done',
    access: 'person',
    extension: true,
    response: List('commitments', d.Commitment),
  }),
  prepare: route({
    method: 'GET',
    path: '/api/partnerships/{id}/prepare',
    summary: 'Everything a mentor reads before the next conversation',
    access: 'person',
    extension: true,
    response: d.Preparation,
  }),

  listRequests: route({
    method: 'GET',
    path: '/api/partnerships/{id}/requests',
    summary: 'Resource requests',
    access: 'person',
    response: List('requests', d.ResourceRequest),
  }),
  createRequest: route({
    method: 'POST',
    path: '/api/partnerships/{id}/requests',
    summary: 'Ask for a resource (mentee)',
    access: 'person',
    body: d.CreateResourceRequest,
    response: d.ResourceRequest,
    status: 201,
  }),
  answerRequest: route({
    method: 'POST',
    path: '/api/requests/{id}/answer',
    summary: 'Answer a resource request (mentor)',
    access: 'person',
    body: d.AnswerResourceRequest,
    response: d.ResourceRequest,
  }),

  listEvaluations: route({
    method: 'GET',
    path: '/api/partnerships/{id}/evaluations',
    summary: 'Checkpoint evaluations of this partnership (labelled as evaluation)',
    access: 'person',
    response: List('evaluations', d.CheckpointEvaluation),
  }),
  createEvaluation: route({
    method: 'POST',
    path: '/api/partnerships/{id}/evaluations',
    summary: 'Complete a checkpoint evaluation (mentor)',
    access: 'person',
    body: d.CreateCheckpointEvaluation,
    response: d.CheckpointEvaluation,
    status: 201,
  }),

  calendarFeed: route({
    method: 'GET',
    path: '/api/calendar/feed',
    summary: 'Whether the caller has a calendar subscription',
    access: 'person',
    response: d.CalendarFeed,
  }),
  createCalendarFeed: route({
    method: 'POST',
    path: '/api/calendar/feed',
    summary: 'Make a secret calendar subscription address (any earlier one stops working)',
    access: 'person',
    response: d.CalendarFeed,
    status: 201,
  }),
  revokeCalendarFeed: route({
    method: 'DELETE',
    path: '/api/calendar/feed',
    summary: 'Revoke the caller’s calendar subscription',
    access: 'person',
    response: Ok,
  }),
  calendarFeedEvents: route({
    method: 'GET',
    path: '/api/calendar/{token}/mentoring.ics',
    summary: 'A person’s conversations as an iCalendar feed (the secret address is the credential)',
    access: 'public',
    response: z.string(),
  }),

  createPairingCode: route({
    method: 'POST',
    path: '/api/pairing/codes',
    summary: 'A single-use code to connect a browser (valid 10 minutes)',
    access: 'person',
    response: d.PairingCode,
    status: 201,
  }),
  exchangePairingCode: route({
    method: 'POST',
    path: '/api/pairing/exchange',
    summary: 'Exchange a pairing code for a personal extension token',
    access: 'public',
    body: d.PairingExchange,
    response: d.PairingResult,
    status: 201,
  }),
  listConnections: route({
    method: 'GET',
    path: '/api/connections',
    summary: 'The caller’s connected browsers',
    access: 'person',
    extension: true,
    response: List('connections', d.BrowserConnection),
  }),
  renameConnection: route({
    method: 'PATCH',
    path: '/api/connections/{id}',
    summary: 'Give a connected browser a name the person recognises',
    access: 'person',
    body: d.RenameConnection,
    response: d.BrowserConnection,
  }),
  extensionDownloads: route({
    method: 'GET',
    path: '/api/extension',
    summary: 'Where to get the browser extension: store listings and the tool’s own packages',
    access: 'person',
    response: d.ExtensionDownloads,
  }),
  revokeConnection: route({
    method: 'DELETE',
    path: '/api/connections/{id}',
    summary: 'Revoke a connected browser; its token stops working at once',
    access: 'person',
    extension: true,
    response: Ok,
  }),

  listNotifications: route({
    method: 'GET',
    path: '/api/notifications',
    summary: 'The caller’s notices, newest first, and how many are unread (names, dates and counts only)',
    access: 'person',
    response: n.NotificationList,
  }),
  markNotificationsRead: route({
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark some or all of the caller’s notices read',
    access: 'person',
    body: n.MarkNotificationsRead,
    response: n.NotificationList,
  }),
  notificationPreferences: route({
    method: 'GET',
    path: '/api/notifications/preferences',
    summary: 'How the caller hears of each kind of notice by e-mail: at once, daily digest or off',
    access: 'person',
    response: n.NotificationPreferences,
  }),
  updateNotificationPreferences: route({
    method: 'PUT',
    path: '/api/notifications/preferences',
    summary: 'Choose per kind how e-mail reaches the caller',
    access: 'person',
    body: n.UpdateNotificationPreferences,
    response: n.NotificationPreferences,
  }),
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** The `{name}` placeholders of a path, as an object type. */
type PathParams<P extends string> = P extends `${string}{${infer K}}${infer Rest}`
  ? { [k in K]: string } & PathParams<Rest>
  : unknown;

export type RouteArgs<R extends RouteDef> = (PathParams<R['path']> extends infer P
  ? keyof P extends never
    ? unknown
    : { params: P }
  : never) &
  (R['body'] extends z.ZodType ? { body: z.input<R['body']> } : unknown) &
  (R['query'] extends z.ZodType ? { query?: z.input<R['query']> } : unknown);

export type RouteAnswer<R extends RouteDef> = z.infer<R['response']>;

export { fillPath } from './paths.ts';

/**
 * The answers of `me` and, for a participant, `listPartnerships`, written by the tool into the app's
 * page that a launch opens (`<script type="application/json" id="first-screen">`), so the first
 * screen needs no round trip of its own.
 */
export interface FirstScreenData {
  me: RouteAnswer<Routes['me']>;
  partnerships?: RouteAnswer<Routes['listPartnerships']>;
}
