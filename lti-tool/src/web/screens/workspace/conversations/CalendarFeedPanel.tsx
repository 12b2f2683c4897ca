import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../../../api/lifecycle.ts';
import { ConfirmDialog } from '../../../components/Dialog.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate } from '../../../components/Time.tsx';

/**
 * A personal calendar subscription: every conversation, with a reminder, in the calendar the person
 * already uses. The address is a secret shown once; a new one replaces it, and it can be stopped.
 */
export function CalendarFeedPanel() {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const make = () => create.mutate(undefined, { onSuccess: (f) => setUrl(f.url) });
  const active = feed.data?.active;
  return (
    <section className="section calendar-feed" aria-labelledby="calendar-feed-title">
      <h3 id="calendar-feed-title">
        <Trans>In your calendar</Trans>
      </h3>
      <p className="muted small">
        <Trans>
          Subscribe once and every conversation appears in your calendar, with a reminder 30 minutes before. Events say
          who meets and when, never the agenda.
        </Trans>
      </p>
      {feed.isError && <ErrorNotice error={feed.error} />}
      {create.isError && <ErrorNotice error={create.error} />}
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      {url && (
        <div className="notice">
          <label htmlFor="calendar-feed-url">
            <Trans>Your calendar address (keep it to yourself)</Trans>
          </label>
          <input id="calendar-feed-url" className="input" readOnly value={url} onFocus={(e) => e.target.select()} />
          <p className="muted small">
            <Trans>
              In your calendar app choose “Subscribe to calendar” or “From URL” and paste it. It is shown only now.
            </Trans>
          </p>
        </div>
      )}
      <div className="form-actions wrap">
        <Button className="button" isPending={create.isPending} onPress={make}>
          {active ? t`Make a new address` : t`Subscribe in your calendar`}
        </Button>
        {active && (
          <ConfirmDialog
            title={t`Stop the calendar subscription?`}
            trigger={
              <Button className="button quiet">
                <Trans>Stop the subscription</Trans>
              </Button>
            }
            body={
              <p>
                <Trans>The address stops working at once; your calendar keeps no new conversations.</Trans>
              </p>
            }
            confirmLabel={t`Stop it`}
            onConfirm={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
          />
        )}
      </div>
      {active && feed.data?.createdAt && !url && (
        <p className="muted small">
          <Trans>Subscribed since {showDate(feed.data.createdAt)}.</Trans>
        </p>
      )}
    </section>
  );
}
