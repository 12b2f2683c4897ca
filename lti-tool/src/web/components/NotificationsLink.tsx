import { routeHref } from '../app/route.ts';
import { useNotifications } from '../api/notifications.ts';
import { Trans } from '@lingui/react/macro';
import { formatNumber } from '../lib/dates.ts';

/** The header's way to the notices, with how many are unread (part of the link's spoken name). */
export function NotificationsLink({ current }: { current: boolean }) {
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <a href={routeHref({ name: 'notifications' })} aria-current={current ? 'page' : undefined}>
      <Trans>Notices</Trans>
      {unread > 0 && (
        <span className="unread-badge">
          {formatNumber(unread)}
          <span className="visually-hidden">
            {' '}
            <Trans>unread</Trans>
          </span>
        </span>
      )}
    </a>
  );
}
