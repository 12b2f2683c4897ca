/**
 * Notices: what waits for a person (in the app, and by e-mail when they have an address). A notice
 * carries names, dates, counts and ids only, never coaching content: e-mail leaves the
 * confidential space (docs/design.md, principle 2).
 */
import { z } from 'zod';
import { Id, IsoDateTime } from './domain.ts';

export const NOTIFICATION_KINDS = [
  'invitation',
  'conversation-scheduled',
  'conversation-moved',
  'conversation-cancelled',
  'conversation-reminder',
  'review-waiting',
  'request-asked',
  'request-answered',
  'commitments-due',
  'evaluation-completed',
  'partnership-quiet',
  'nudge',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** How a person hears of a kind by e-mail: at once, in the daily digest, or not at all (in-app always). */
export const DELIVERY_CHOICES = ['now', 'digest', 'off'] as const;
export const Delivery = z.enum(DELIVERY_CHOICES);
export type Delivery = z.infer<typeof Delivery>;

/** What a notice says: who, when and how many. Never a text written in the workspace. */
export const NotificationData = z
  .object({
    /** The person whose act caused the notice, by name. */
    actorName: z.string().max(200).optional(),
    /** The other members of the partnership, by name. */
    partnerNames: z.array(z.string().max(200)).max(20).optional(),
    /** The conversation's time (scheduled, moved to, cancelled, reminded of). */
    when: IsoDateTime.optional(),
    /** How many items wait (clips and answers to review, commitments due). */
    count: z.number().int().nonnegative().optional(),
    /** The checkpoint an evaluation was made at (its name is the program's, not coaching content). */
    checkpointName: z.string().max(200).optional(),
    /** The program (course) the partnership belongs to, for a nudge from its staff. */
    programName: z.string().max(200).optional(),
  })
  .meta({ id: 'NotificationData' });
export type NotificationData = z.infer<typeof NotificationData>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    partnershipId: Id.nullable(),
    data: NotificationData,
    createdAt: IsoDateTime,
    readAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

/** A notice as the app lists it: its title and body written by the server in the reader's language and time zone. */
export const ListedNotification = Notification.extend({ title: z.string(), body: z.string() }).meta({
  id: 'ListedNotification',
});
export type ListedNotification = z.infer<typeof ListedNotification>;

export const NotificationList = z
  .object({ notifications: z.array(ListedNotification), unread: z.number().int().nonnegative() })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

/** Marks the named notices read, or all of the person's with `all`. */
export const MarkNotificationsRead = z
  .union([z.object({ ids: z.array(Id).min(1).max(200) }), z.object({ all: z.literal(true) })])
  .meta({ id: 'MarkNotificationsRead' });
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>;

export const NotificationPreferences = z
  .object({
    delivery: z.record(NotificationKind, Delivery),
    /** Whether the tool has an e-mail address for the person (from the launch or the roster). */
    hasEmail: z.boolean(),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferences = z
  .object({ delivery: z.partialRecord(NotificationKind, Delivery) })
  .meta({ id: 'UpdateNotificationPreferences' });
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;
