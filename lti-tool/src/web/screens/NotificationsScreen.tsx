import { Button } from 'react-aria-components';
import {
  DELIVERY_CHOICES,
  NOTIFICATION_KINDS,
  deliveryLabels,
  noticeKindLabels,
  noticeText,
  type Delivery,
  type Notification,
} from '@mentoring/shared';
import {
  useMarkNotificationsRead,
  useNotificationPreferences,
  useNotifications,
  useUpdateNotificationPreferences,
} from '../api/notifications.ts';
import { routeHref, type Route } from '../app/route.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { formatRelative } from '../lib/dates.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/** Where a notice leads: the place in the workspace where what it tells of waits. */
function placeOf(n: Notification): Route {
  if (!n.partnershipId || n.kind === 'invitation') return { name: 'home' };
  const tab = (
    {
      'review-waiting': 'clips',
      'request-asked': 'requests',
      'request-answered': 'requests',
      'evaluation-completed': 'evaluations',
    } as const
  )[n.kind as 'review-waiting'];
  return { name: 'workspace', partnershipId: n.partnershipId, tab: tab ?? 'conversations' };
}

/** The person's notices, newest first, each leading to its place; and how e-mail reaches them. */
export function NotificationsScreen() {
  const locale = currentLocale();
  const list = useNotifications();
  const mark = useMarkNotificationsRead();
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageTitle
        actions={
          unread > 0 && (
            <Button className="button" onPress={() => mark.mutate({ all: true })}>
              <Trans>Mark all read</Trans>
            </Button>
          )
        }
      >
        <Trans>Notices</Trans>
      </PageTitle>
      {list.isPending ? (
        <Loading label={t`Loading your notices…`} />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => void list.refetch()} />
      ) : list.data.notifications.length === 0 ? (
        <EmptyState title={t`Nothing new`}>
          <Trans>When something waits for you, it is listed here.</Trans>
        </EmptyState>
      ) : (
        <ul className="notice-list" aria-label={t`Notices, ${unread} unread`}>
          {list.data.notifications.map((n) => {
            const text = noticeText(n.kind, n.data, locale);
            return (
              <li key={n.id} className={n.readAt ? 'notice-item' : 'notice-item unread'}>
                <a
                  href={routeHref(placeOf(n))}
                  onClick={() => {
                    if (!n.readAt) mark.mutate({ ids: [n.id] });
                  }}
                >
                  <span className="notice-title">
                    {!n.readAt && (
                      <span className="visually-hidden">
                        <Trans>Unread:</Trans>{' '}
                      </span>
                    )}
                    {text.title}
                  </span>
                  <span className="notice-body">{text.body}</span>
                </a>
                <span className="notice-when">{formatRelative(n.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <NotificationPreferences />
    </>
  );
}

function NotificationPreferences() {
  const locale = currentLocale();
  const prefs = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  if (prefs.isPending) return <Loading label={t`Loading your choices…`} />;
  if (prefs.isError) return <ErrorNotice error={prefs.error} retry={() => void prefs.refetch()} />;
  return (
    <section className="card section" aria-labelledby="notice-prefs">
      <h2 id="notice-prefs">
        <Trans>E-mail</Trans>
      </h2>
      <p>
        {prefs.data.hasEmail
          ? t`Choose how e-mail tells you of each kind of notice. E-mails hold names, dates and counts, never what you write here.`
          : t`Your course has not given the tool an e-mail address for you, so notices reach you here only.`}
      </p>
      {prefs.data.hasEmail && (
        <div className="notice-prefs">
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="notice-pref">
              <span>{noticeKindLabels[kind](locale)}</span>
              <select
                value={prefs.data.delivery[kind]}
                disabled={update.isPending}
                onChange={(e) => update.mutate({ delivery: { [kind]: e.target.value as Delivery } })}
              >
                {DELIVERY_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {deliveryLabels[d](locale)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
    </section>
  );
}
