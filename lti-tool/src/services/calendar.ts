/**
 * Conversations in people's calendars: one `.ics` per conversation and a personal subscription
 * feed at a secret, revocable address, with a reminder before each conversation. An event says who
 * meets and when (and where, or the video link); never what the agenda holds (DESIGN "Who may see what").
 */
import crypto from 'node:crypto';
import ical, { ICalAlarmType, type ICalCalendar } from 'ical-generator';
import { canReadContent, formatMoment, isTimeZone, type CalendarFeed, type Conversation } from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { sha256 } from '../auth/tokens.ts';
import { findConversation, conversationsOf } from '../models/conversations.ts';
import { partnershipsOfPerson, type StoredPartnership } from '../models/partnerships.ts';
import { activeFeedOf, findFeed, replaceFeed, revokeFeeds } from '../models/calendar.ts';
import { DomainError, notFound } from './errors.ts';
import { readablePartnership } from './access.ts';
import type { App } from './app.ts';
import { readerOf, type Reader } from './me.ts';
import { serverI18n } from '../i18n/server.ts';

/** The reminder, before each conversation. */
export const REMINDER_MINUTES = 30;

function newCalendar(name: string, reader: Reader): ICalCalendar {
  return ical({
    name,
    prodId: { company: 'Mentoring workspaces', product: 'Conversations', language: reader.locale.toUpperCase() },
  });
}

/** An event in the reader's language: who meets, when (in the conversation's zone, else the reader's). */
function addEvent(
  cal: ICalCalendar,
  app: App,
  p: StoredPartnership,
  c: Conversation,
  personId: string,
  reader: Reader,
) {
  const i18n = serverI18n(reader.locale);
  const start = new Date(c.heldAt ?? c.scheduledFor);
  const separator = i18n._({ id: 'calendar.separator', message: ', ' });
  const members = p.members.filter((m) => m.invitation !== 'declined');
  const others = members.filter((m) => m.personId !== personId).map((m) => m.name);
  const who = members
    .map((m) =>
      i18n._({
        id: 'calendar.member',
        message: '{name} ({role, select, mentor {mentor} mentee {mentee} other {partner}})',
        values: { name: m.name, role: m.role },
      }),
    )
    .join(separator);
  const zone = isTimeZone(c.timeZone) ? c.timeZone : reader.timeZone;
  const at = formatMoment(start.toISOString(), reader.locale, zone);
  const title = i18n._({ id: 'calendar.title', message: 'Mentoring conversation' });
  cal.createEvent({
    id: `${c.id}@mentoring-workspaces`,
    start,
    end: new Date(start.getTime() + c.durationMinutes * 60_000),
    summary: others.length
      ? i18n._({
          id: 'calendar.summary',
          message: 'Mentoring conversation with {names}',
          values: { names: others.join(separator) },
        })
      : i18n._({ id: 'calendar.summary-alone', message: 'Mentoring conversation of your partnership' }),
    description: [
      i18n._({
        id: 'calendar.who',
        message: '{kind, select, collegial {Collegial conversation} other {Mentoring conversation}}: {who}.',
        values: { kind: p.kind, who },
      }),
      c.heldAt
        ? i18n._({ id: 'calendar.held', message: 'Held {at}.', values: { at } })
        : i18n._({ id: 'calendar.scheduled', message: 'Scheduled for {at}.', values: { at } }),
      c.videoUrl ? i18n._({ id: 'calendar.video', message: 'Video link: {url}', values: { url: c.videoUrl } }) : '',
      i18n._({
        id: 'calendar.agenda',
        message: 'The agenda is in the workspace: {url}',
        values: { url: app.config.publicUrl },
      }),
    ]
      .filter(Boolean)
      .join('\n'),
    location: c.place || c.videoUrl || null,
    url: c.videoUrl,
    alarms: c.heldAt ? [] : [{ type: ICalAlarmType.display, triggerBefore: REMINDER_MINUTES * 60, description: title }],
  });
}

export async function conversationIcs(
  app: App,
  principal: Principal,
  id: string,
  browser: readonly string[] = [],
): Promise<{ ics: string; filename: string }> {
  const c = await findConversation(app.sql, id, principal.personId);
  if (!c) throw notFound('The conversation');
  const p = await readablePartnership(app, principal, c.partnershipId, 'The conversation');
  const reader = await readerOf(app, principal.personId, browser);
  const i18n = serverI18n(reader.locale);
  const cal = newCalendar(i18n._({ id: 'calendar.title', message: 'Mentoring conversation' }), reader);
  addEvent(cal, app, p, c, principal.personId, reader);
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
      /*i18n*/ {
        id: 'refusal.calendar.feed-unknown',
        message:
          'This calendar address was revoked or never existed; make a new one under “In your calendar” on the Conversations tab of the workspace.',
      },
    );
  // A calendar app asks with no language of its own: the person's choice, else their LMS's.
  const reader = await readerOf(app, feed.personId, []);
  const i18n = serverI18n(reader.locale);
  const cal = newCalendar(i18n._({ id: 'calendar.feed-title', message: 'Mentoring conversations' }), reader);
  const partnerships = (await partnershipsOfPerson(app.sql, feed.programId, feed.personId)).filter(
    (p) => canReadContent(p, feed.personId) && (p.status === 'active' || p.status === 'paused'),
  );
  for (const p of partnerships)
    for (const c of await conversationsOf(app.sql, p.id, feed.personId))
      addEvent(cal, app, p, c, feed.personId, reader);
  return cal.toString();
}
