/**
 * Each route's method and path, without its schemas: all a client needs to call it. The workspace
 * app's first screen loads this instead of the contract, so zod is not in its first download.
 * `paths.test.ts` holds it equal to `routes`.
 */
import type { RouteName } from './api.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const routePaths: { readonly [K in RouteName]: readonly [Method, string] } = {
  me: ['GET', '/api/me'],
  chooseLocale: ['PUT', '/api/me/locale'],
  reportTimeZone: ['PUT', '/api/me/time-zone'],
  programPeople: ['GET', '/api/program/people'],
  syncRoster: ['POST', '/api/program/people/sync'],
  programDirectory: ['GET', '/api/program/directory'],
  programActivity: ['GET', '/api/program/activity'],
  updateProgramSettings: ['PUT', '/api/program/settings'],
  listCheckpoints: ['GET', '/api/program/checkpoints'],
  createCheckpoint: ['POST', '/api/program/checkpoints'],
  updateCheckpoint: ['PATCH', '/api/program/checkpoints/{id}'],
  removeCheckpoint: ['DELETE', '/api/program/checkpoints/{id}'],
  programReport: ['GET', '/api/program/report'],
  programEvaluations: ['GET', '/api/program/evaluations'],
  listPartnerships: ['GET', '/api/partnerships'],
  createPartnership: ['POST', '/api/partnerships'],
  getPartnership: ['GET', '/api/partnerships/{id}'],
  updatePartnership: ['PATCH', '/api/partnerships/{id}'],
  partnershipLifecycle: ['POST', '/api/partnerships/{id}/lifecycle'],
  changeMembers: ['PUT', '/api/partnerships/{id}/members'],
  partnershipHistory: ['GET', '/api/partnerships/{id}/history'],
  nudgePartnership: ['POST', '/api/partnerships/{id}/nudges'],
  listNudges: ['GET', '/api/partnerships/{id}/nudges'],
  acceptPartnership: ['POST', '/api/partnerships/{id}/accept'],
  declinePartnership: ['POST', '/api/partnerships/{id}/decline'],
  exportPartnership: ['GET', '/api/partnerships/{id}/export'],
  listGoals: ['GET', '/api/partnerships/{id}/goals'],
  createGoal: ['POST', '/api/partnerships/{id}/goals'],
  updateGoal: ['PATCH', '/api/goals/{id}'],
  deleteGoal: ['DELETE', '/api/goals/{id}'],
  createAction: ['POST', '/api/goals/{id}/actions'],
  updateAction: ['PATCH', '/api/actions/{id}'],
  listClips: ['GET', '/api/partnerships/{id}/clips'],
  createClip: ['POST', '/api/partnerships/{id}/clips'],
  clipTags: ['GET', '/api/partnerships/{id}/clip-tags'],
  clipsOnPage: ['GET', '/api/clips'],
  getClip: ['GET', '/api/clips/{id}'],
  updateClip: ['PATCH', '/api/clips/{id}'],
  deleteClip: ['DELETE', '/api/clips/{id}'],
  reviewClip: ['POST', '/api/clips/{id}/review'],
  unreviewClip: ['DELETE', '/api/clips/{id}/review'],
  promptFromClip: ['POST', '/api/clips/{id}/prompt'],
  listPrompts: ['GET', '/api/partnerships/{id}/prompts'],
  createPrompt: ['POST', '/api/partnerships/{id}/prompts'],
  updatePrompt: ['PATCH', '/api/prompts/{id}'],
  deletePrompt: ['DELETE', '/api/prompts/{id}'],
  listConversations: ['GET', '/api/partnerships/{id}/conversations'],
  createConversation: ['POST', '/api/partnerships/{id}/conversations'],
  updateConversation: ['PATCH', '/api/conversations/{id}'],
  cancelConversation: ['DELETE', '/api/conversations/{id}'],
  conversationCalendar: ['GET', '/api/conversations/{id}/calendar.ics'],
  setAgenda: ['PUT', '/api/conversations/{id}/agenda'],
  addCommitment: ['POST', '/api/conversations/{id}/commitments'],
  updateCommitment: ['PATCH', '/api/commitments/{id}'],
  deleteCommitment: ['DELETE', '/api/commitments/{id}'],
  commitmentsDue: ['GET', '/api/partnerships/{id}/commitments'],
  prepare: ['GET', '/api/partnerships/{id}/prepare'],
  listRequests: ['GET', '/api/partnerships/{id}/requests'],
  createRequest: ['POST', '/api/partnerships/{id}/requests'],
  answerRequest: ['POST', '/api/requests/{id}/answer'],
  listEvaluations: ['GET', '/api/partnerships/{id}/evaluations'],
  createEvaluation: ['POST', '/api/partnerships/{id}/evaluations'],
  calendarFeed: ['GET', '/api/calendar/feed'],
  createCalendarFeed: ['POST', '/api/calendar/feed'],
  revokeCalendarFeed: ['DELETE', '/api/calendar/feed'],
  calendarFeedEvents: ['GET', '/api/calendar/{token}/mentoring.ics'],
  createPairingCode: ['POST', '/api/pairing/codes'],
  exchangePairingCode: ['POST', '/api/pairing/exchange'],
  listConnections: ['GET', '/api/connections'],
  renameConnection: ['PATCH', '/api/connections/{id}'],
  extensionDownloads: ['GET', '/api/extension'],
  revokeConnection: ['DELETE', '/api/connections/{id}'],
  listNotifications: ['GET', '/api/notifications'],
  markNotificationsRead: ['POST', '/api/notifications/read'],
  notificationPreferences: ['GET', '/api/notifications/preferences'],
  updateNotificationPreferences: ['PUT', '/api/notifications/preferences'],
};

/** Fills `{id}` placeholders, encoding each value. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing path parameter ${k}`);
    return encodeURIComponent(v);
  });
}
