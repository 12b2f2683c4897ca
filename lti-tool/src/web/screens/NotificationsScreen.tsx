import { Button } from 'react-aria-components';
import {
  DELIVERY_CHOICES,
  NOTIFICATION_KINDS,
  type Delivery,
  type Notification,
  type NotificationKind,
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
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showRelative } from '../components/Time.tsx';

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

/** What each kind is called where people choose how they hear of it. */
function kindLabel(kind: NotificationKind): string {
  switch (kind) {
    case 'invitation':
      return t`Invitations to a partnership`;
    case 'conversation-scheduled':
      return t`A conversation is scheduled`;
    case 'conversation-moved':
      return t`A conversation is moved`;
    case 'conversation-cancelled':
      return t`A conversation is cancelled`;
    case 'conversation-reminder':
      return t`Reminder before a conversation`;
    case 'review-waiting':
      return t`Clips and answers waiting for your review`;
    case 'request-asked':
      return t`A resource request for you`;
    case 'request-answered':
      return t`An answer to your resource request`;
    case 'commitments-due':
      return t`Commitments coming due`;
    case 'evaluation-completed':
      return t`A checkpoint evaluation is completed`;
    case 'partnership-quiet':
      return t`No conversation planned for a while`;
    case 'nudge':
      return t`A nudge from the program’s staff`;
  }
}

function deliveryLabel(delivery: Delivery): string {
  switch (delivery) {
    case 'now':
      return t`At once`;
    case 'digest':
      return t`Daily digest`;
    case 'off':
      return t`Off`;
  }
}

/** The person's notices, newest first, each leading to its place; and how e-mail reaches them. */
export function NotificationsScreen() {
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
        <ul
          className="notice-list"
          aria-label={plural(unread, { one: 'Notices, # unread', other: 'Notices, # unread' })}
        >
          {list.data.notifications.map((n) => (
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
                  {n.title}
                </span>
                <span className="notice-body">{n.body}</span>
              </a>
              <span className="notice-when">{showRelative(n.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <NotificationPreferences />
    </>
  );
}

function NotificationPreferences() {
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
              <span>{kindLabel(kind)}</span>
              <select
                value={prefs.data.delivery[kind]}
                disabled={update.isPending}
                onChange={(e) => update.mutate({ delivery: { [kind]: e.target.value as Delivery } })}
              >
                {DELIVERY_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {deliveryLabel(d)}
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
