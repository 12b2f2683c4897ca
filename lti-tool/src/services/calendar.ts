/**
 * Conversations in people's calendars: one `.ics` per conversation and a personal subscription
 * feed at a secret, revocable address, with a reminder before each conversation. An event says who
 * meets and when (and where, or the video link); never what the agenda holds (DESIGN "Who may see what").
 */
import crypto from 'node:crypto';
import ical, { ICalAlarmType, type ICalCalendar } from 'ical-generator';
import { canReadContent, type CalendarFeed, type Conversation } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { sha256 } from '../auth/tokens.ts';
import { findConversation, conversationsOf } from '../models/conversations.ts';
import { partnershipsOfPerson, type StoredPartnership } from '../models/partnerships.ts';
import { activeFeedOf, findFeed, replaceFeed, revokeFeeds } from '../models/calendar.ts';
import { DomainError, notFound } from './errors.ts';
import { readablePartnership } from './access.ts';
import type { App } from './app.ts';

/** The reminder, before each conversation. */
export const REMINDER_MINUTES = 30;

function newCalendar(name: string): ICalCalendar {
  return ical({ name, prodId: { company: 'Mentoring workspaces', product: 'Conversations', language: 'EN' } });
}

/** Who meets, as the person reading their own calendar sees it. */
function withWhom(p: StoredPartnership, personId: string): string {
  const others = p.members.filter((m) => m.personId !== personId && m.invitation !== 'declined').map((m) => m.name);
  return others.length ? others.join(', ') : 'your partnership';
}

function localTime(iso: string, timeZone: string | null): string {
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short', ...(timeZone && { timeZone }) };
  return `${new Intl.DateTimeFormat('en-GB', opts).format(new Date(iso))}${timeZone ? ` (${timeZone})` : ' (UTC)'}`;
}

function addEvent(cal: ICalCalendar, app: App, p: StoredPartnership, c: Conversation, personId: string) {
  const start = new Date(c.heldAt ?? c.scheduledFor);
  const who = p.members
    .filter((m) => m.invitation !== 'declined')
    .map((m) => `${m.name} (${m.role})`)
    .join(', ');
  cal.createEvent({
    id: `${c.id}@mentoring-workspaces`,
    start,
    end: new Date(start.getTime() + c.durationMinutes * 60_000),
    summary: `Mentoring conversation with ${withWhom(p, personId)}`,
    description: [
      `${p.kind === 'collegial' ? 'Collegial' : 'Mentoring'} conversation: ${who}.`,
      `${c.heldAt ? 'Held' : 'Scheduled for'} ${localTime(start.toISOString(), c.timeZone)}.`,
      c.videoUrl ? `Video link: ${c.videoUrl}` : '',
      `The agenda is in the workspace: ${app.config.publicUrl}`,
    ]
      .filter(Boolean)
      .join('\n'),
    location: c.place || c.videoUrl || null,
    url: c.videoUrl,
    alarms: c.heldAt
      ? []
      : [{ type: ICalAlarmType.display, triggerBefore: REMINDER_MINUTES * 60, description: 'Mentoring conversation' }],
  });
}

export async function conversationIcs(
  app: App,
  principal: Principal,
  id: string,
): Promise<{ ics: string; filename: string }> {
  const c = await findConversation(app.sql, id, principal.personId);
  if (!c) throw notFound('The conversation');
  const p = await readablePartnership(app, principal, c.partnershipId, 'The conversation');
  const cal = newCalendar('Mentoring conversation');
  addEvent(cal, app, p, c, principal.personId);
  return { ics: cal.toString(), filename: `conversation-${(c.heldAt ?? c.scheduledFor).slice(0, 10)}.ics` };
}

const feedUrl = (app: App, token: string) => `${app.config.publicUrl}/api/calendar/${token}/mentoring.ics`;

export async function calendarFeedOf(app: App, principal: Principal): Promise<CalendarFeed> {
  const feed = await activeFeedOf(app.sql, principal.programId, principal.personId);
  return { active: !!feed, createdAt: feed?.createdAt ?? null, url: null };
}

/** The address is shown once; asking again makes a new one and the old one stops working. */
export async function makeCalendarFeed(app: App, principal: Principal): Promise<CalendarFeed> {
  const token = `cal_${crypto.randomBytes(24).toString('base64url')}`;
  const now = app.clock.now();
  await app.sql.tx((sql) =>
    replaceFeed(sql, { tokenHash: sha256(token), programId: principal.programId, personId: principal.personId }, now),
  );
  return { active: true, createdAt: new Date(now).toISOString(), url: feedUrl(app, token) };
}

export async function revokeCalendarFeed(app: App, principal: Principal): Promise<{ ok: true }> {
  await revokeFeeds(app.sql, principal.programId, principal.personId, app.clock.now());
  return { ok: true };
}

/** The feed: every conversation of the person's partnerships that are not over or declined. */
export async function feedIcs(app: App, token: string): Promise<string> {
  const feed = token.startsWith('cal_') ? await findFeed(app.sql, sha256(token)) : undefined;
  if (!feed || feed.revoked)
    throw new DomainError(
      'not_found',
      'This calendar address was revoked or never existed; make a new one under “In your calendar” on the Conversations tab of the workspace.',
    );
  const cal = newCalendar('Mentoring conversations');
  const partnerships = (await partnershipsOfPerson(app.sql, feed.programId, feed.personId)).filter(
    (p) => canReadContent(p, feed.personId) && (p.status === 'active' || p.status === 'paused'),
  );
  for (const p of partnerships)
    for (const c of await conversationsOf(app.sql, p.id, feed.personId)) addEvent(cal, app, p, c, feed.personId);
  return cal.toString();
}
