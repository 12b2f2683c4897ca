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
    listNotifications: (p, { languages }) => notificationsFor(app, p, languages),
    markNotificationsRead: (p, { body, languages }) => markNotificationsRead(app, p, body, languages),
    notificationPreferences: (p) => preferencesOf(app, p.personId),
    updateNotificationPreferences: (p, { body }) => setPreferences(app, p, body),
  };
}
