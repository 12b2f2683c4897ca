/** The caller's notices, their read state and how e-mail reaches them. */
import type { Handlers } from '../api.ts';
import type { App } from '../../services/app.ts';
import {
  markNotificationsRead,
  notificationsFor,
  preferencesOf,
  setPreferences,
} from '../../services/notifications.ts';

type NotificationRoutes =
  'listNotifications' | 'markNotificationsRead' | 'notificationPreferences' | 'updateNotificationPreferences';

export function notificationHandlers(app: App): Pick<Handlers, NotificationRoutes> {
  return {
    listNotifications: (p) => notificationsFor(app, p),
    markNotificationsRead: (p, { body }) => markNotificationsRead(app, p, body),
    notificationPreferences: (p) => preferencesOf(app, p.personId),
    updateNotificationPreferences: (p, { body }) => setPreferences(app, p, body),
  };
}
