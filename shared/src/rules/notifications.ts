/**
 * Who hears of what, and how. The events of a partnership reach its members (never staff: they
 * see whether a partnership is active, not what happens in it), and each person chooses per kind
 * how e-mail reaches them; the app always lists every notice.
 */
import type { MemberRole, PartnershipKind } from '../domain.ts';
import type { Delivery, NotificationKind } from '../notifications.ts';

/** Defaults: at once for invitations and conversations, a daily digest for what waits for review. */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  invitation: 'now',
  'conversation-scheduled': 'now',
  'conversation-moved': 'now',
  'conversation-cancelled': 'now',
  'conversation-reminder': 'now',
  'review-waiting': 'digest',
  'request-asked': 'now',
  'request-answered': 'now',
  'commitments-due': 'digest',
  'evaluation-completed': 'now',
  'partnership-quiet': 'now',
};

export function deliveryOf(kind: NotificationKind, chosen: Partial<Record<NotificationKind, Delivery>>): Delivery {
  return chosen[kind] ?? DEFAULT_DELIVERY[kind];
}

export interface NoticeMember {
  personId: string;
  role: MemberRole;
  invitation: 'pending' | 'accepted' | 'declined';
}

/** What happened, as much as deciding who hears of it needs. */
export type NoticeEvent =
  | { kind: 'invitation'; actorId: string }
  | { kind: 'conversation-scheduled' | 'conversation-moved' | 'conversation-cancelled'; actorId: string }
  | { kind: 'conversation-reminder' | 'commitments-due' | 'partnership-quiet' }
  | { kind: 'review-waiting'; actorId: string }
  | { kind: 'request-asked'; actorId: string }
  | { kind: 'request-answered'; actorId: string; askedById: string }
  | { kind: 'evaluation-completed'; actorId: string; menteeId: string };

/**
 * The members who hear of an event: those it waits for, never the one who caused it, never
 * someone who declined. An invitation reaches those who have yet to answer it; everything else
 * those who have accepted. What waits for the mentor reaches, in collegial coaching, the other peer.
 */
export function recipientsOf(event: NoticeEvent, p: { kind: PartnershipKind; members: NoticeMember[] }): string[] {
  const members = p.members;
  const actor = 'actorId' in event ? event.actorId : undefined;
  const joined = members.filter((m) => m.invitation === 'accepted' && m.personId !== actor);
  const ids = (list: NoticeMember[]) => [...new Set(list.map((m) => m.personId))];
  switch (event.kind) {
    case 'invitation':
      return ids(members.filter((m) => m.invitation === 'pending' && m.personId !== actor));
    case 'review-waiting':
    case 'request-asked':
      return ids(p.kind === 'collegial' ? joined : joined.filter((m) => m.role === 'mentor'));
    case 'request-answered':
      return ids(joined.filter((m) => m.personId === event.askedById));
    case 'evaluation-completed':
      return ids(joined.filter((m) => m.personId === event.menteeId));
    default:
      return ids(joined);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Whether a conversation's reminder is due at `now`: from `leadHours` before it until it starts.
 * Computed from the stored time, so a reminder whose moment passed while the tool was stopped is
 * sent when it starts again, and one for a conversation already begun is not.
 */
export function reminderDue(scheduledFor: number, leadHours: number, now: number): boolean {
  return now >= scheduledFor - leadHours * HOUR && now < scheduledFor;
}

/** The start (UTC) of the most recent digest moment at or before `now`, digests going out daily at `hourUtc`. */
export function digestMoment(now: number, hourUtc: number): number {
  const today = Math.floor(now / DAY) * DAY + hourUtc * HOUR;
  return today <= now ? today : today - DAY;
}

/** How long a failed e-mail waits before its next try: doubling from a minute, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * HOUR);
}

/** Tries before a message is given up as failed (the last waits six hours). */
export const MAX_MAIL_ATTEMPTS = 10;
