/**
 * Notices: made in the transaction of what caused them (the caller passes its `sql`), listed in
 * the app, and queued as e-mail by each person's choice. A notice holds names, dates and counts,
 * never coaching content (docs/design.md, principle 2): e-mail leaves the confidential space.
 */
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KINDS,
  deliveryOf,
  recipientsOf,
  type Delivery,
  type MarkNotificationsRead,
  type NoticeEvent,
  type NotificationData,
  type NotificationKind,
  type NotificationList,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@mentoring/shared';
import type { Principal } from '../auth/principal.ts';
import { groupBy, type Sql } from '../db/sql.ts';
import { noticeText } from '../i18n/notices.ts';
import { findPartnership, type StoredPartnership } from '../models/partnerships.ts';
import {
  deliveryChoices,
  emailsOf,
  enqueueMail,
  insertNotification,
  markRead,
  notificationsOf,
  openNotification,
  saveDeliveryChoices,
  updateNotificationData,
  type MailState,
} from '../models/notifications.ts';
import type { App } from './app.ts';
import { readerOf } from './me.ts';

export interface PartnershipNotice {
  partnershipId: string;
  event: NoticeEvent;
  /** What the notice says, besides the names the partnership gives. */
  data?: NotificationData;
  /** Timed notices are made once per key and person. */
  dedupeKey?: string;
  /** Items waiting for review are gathered into one unread notice, counted. */
  gather?: boolean;
}

/**
 * Tells the members an event concerns (the shared rule `recipientsOf`), in the caller's
 * transaction; answers how many notices were made or gathered into.
 */
export async function notifyPartnership(
  app: Pick<App, 'config' | 'clock'>,
  sql: Sql,
  notice: PartnershipNotice,
  known?: StoredPartnership,
): Promise<number> {
  const p = known ?? (await findPartnership(sql, notice.partnershipId));
  if (!p) return 0;
  const recipients = recipientsOf(notice.event, p);
  if (!recipients.length) return 0;
  const now = app.clock.now();
  const actorId = 'actorId' in notice.event ? notice.event.actorId : undefined;
  const [choices, emails] = await Promise.all([deliveryChoices(sql, recipients), emailsOf(sql, recipients)]);
  let made = 0;
  for (const personId of recipients) {
    const data: NotificationData = {
      ...(actorId && { actorName: p.members.find((m) => m.personId === actorId)?.name }),
      partnerNames: p.members.filter((m) => m.personId !== personId && m.invitation !== 'declined').map((m) => m.name),
      ...notice.data,
    };
    if (notice.gather) {
      const open = await openNotification(sql, personId, p.id, notice.event.kind);
      if (open) {
        const count = (open.data.count ?? 1) + (notice.data?.count ?? 1);
        await updateNotificationData(sql, open.id, { ...data, count }, now);
        made++;
        continue;
      }
    }
    const mail = mailState(app, deliveryOf(notice.event.kind, choices.get(personId) ?? {}), emails.has(personId));
    const id = await insertNotification(
      sql,
      {
        personId,
        programId: p.programId,
        partnershipId: p.id,
        kind: notice.event.kind,
        data,
        dedupeKey: notice.dedupeKey ?? null,
        mail,
      },
      now,
    );
    if (!id) continue;
    made++;
    if (mail === 'now')
      await enqueueMail(
        sql,
        { personId, programId: p.programId, notificationIds: [id], digest: false, dedupeKey: null },
        now,
      );
  }
  return made;
}

/** New clips wait for the mentor's review: one gathered notice per partnership, counted. */
export async function clipsAwaitReview(
  app: Pick<App, 'config' | 'clock'>,
  sql: Sql,
  clips: Array<{ partnershipId: string; clipperId: string }>,
): Promise<void> {
  for (const group of groupBy(clips, (c) => `${c.partnershipId} ${c.clipperId}`).values())
    await notifyPartnership(app, sql, {
      partnershipId: group[0]!.partnershipId,
      event: { kind: 'review-waiting', actorId: group[0]!.clipperId },
      data: { count: group.length },
      gather: true,
    });
}

function mailState(app: Pick<App, 'config'>, delivery: Delivery, hasEmail: boolean): MailState {
  if (!app.config.mail.smtpUrl || !hasEmail || delivery === 'off') return 'none';
  return delivery;
}

/** The person's notices, each titled in their language and time zone (as `GET /api/me` resolves them). */
export async function notificationsFor(
  app: App,
  principal: Principal,
  browser: readonly string[],
): Promise<NotificationList> {
  const [{ notifications, unread }, reader] = await Promise.all([
    notificationsOf(app.sql, principal.personId, principal.programId),
    readerOf(app, principal.personId, browser),
  ]);
  return {
    notifications: notifications.map((n) => ({ ...n, ...noticeText(n.kind, n.data, reader.locale, reader.timeZone) })),
    unread,
  };
}

export async function markNotificationsRead(
  app: App,
  principal: Principal,
  body: MarkNotificationsRead,
  browser: readonly string[],
): Promise<NotificationList> {
  await markRead(app.sql, principal.personId, principal.programId, 'all' in body ? 'all' : body.ids, app.clock.now());
  return notificationsFor(app, principal, browser);
}

export async function preferencesOf(app: App, personId: string): Promise<NotificationPreferences> {
  const [choices, emails] = await Promise.all([deliveryChoices(app.sql, [personId]), emailsOf(app.sql, [personId])]);
  const chosen = choices.get(personId) ?? {};
  return {
    delivery: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, deliveryOf(k, chosen)])) as Record<
      NotificationKind,
      Delivery
    >,
    hasEmail: emails.has(personId),
  };
}

export async function setPreferences(
  app: App,
  principal: Principal,
  body: UpdateNotificationPreferences,
): Promise<NotificationPreferences> {
  const current = (await preferencesOf(app, principal.personId)).delivery;
  await saveDeliveryChoices(app.sql, principal.personId, { ...current, ...body.delivery }, app.clock.now());
  return preferencesOf(app, principal.personId);
}

/** One-click unsubscribe: no e-mail of any kind from now on (the app still lists every notice). */
export async function unsubscribeAll(app: App, personId: string): Promise<void> {
  const off = Object.fromEntries(Object.keys(DEFAULT_DELIVERY).map((k) => [k, 'off'])) as Record<
    NotificationKind,
    Delivery
  >;
  await saveDeliveryChoices(app.sql, personId, off, app.clock.now());
}
