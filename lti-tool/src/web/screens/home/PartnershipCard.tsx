import { memberOf, type Partnership } from '@mentoring/shared';
import { routeHref } from '../../app/route.ts';
import { useDatesRendered } from '../../lib/dates.ts';
import { partnershipHeadline } from '../../lib/people.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate, showDateTime, showRelative } from '../../components/Time.tsx';

/** One partnership on the home screen: who, when you next meet, and the way in. */
export function PartnershipCard({ partnership: p, meId }: { partnership: Partnership; meId: string }) {
  useDatesRendered();
  const me = memberOf(p, meId);
  const isMentor = p.kind === 'mentoring' && me?.role === 'mentor';
  return (
    <article className="card partnership-card">
      <div className="card-kicker">
        <span className={`badge ${p.kind}`}>{p.kind === 'mentoring' ? t`Mentoring` : t`Collegial coaching`}</span>
        {me && p.kind === 'mentoring' && (
          <span className="muted">{me.role === 'mentor' ? t`You are the mentor` : t`You are the mentee`}</span>
        )}
        {p.status === 'closed' && (
          <span className="badge muted">
            <Trans>Closed</Trans>
          </span>
        )}
      </div>
      <h3>
        <a className="card-link" href={routeHref({ name: 'workspace', partnershipId: p.id, tab: 'goals' })}>
          {partnershipHeadline(p, meId)}
        </a>
      </h3>
      {p.agreement.purpose && (
        <p className="card-purpose" dir="auto">
          {p.agreement.purpose}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>
            <Trans>Next conversation</Trans>
          </dt>
          <dd>
            {p.nextConversation ? (
              <>
                {showDateTime(p.nextConversation.scheduledFor)}{' '}
                <span className="muted">({showRelative(p.nextConversation.scheduledFor)})</span>
              </>
            ) : (
              <span className="muted">
                <Trans>Not scheduled yet</Trans>
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>
            <Trans>Last conversation</Trans>
          </dt>
          <dd>
            {p.lastConversationAt ? showDate(p.lastConversationAt) : <span className="muted">{t`None yet`}</span>}
          </dd>
        </div>
      </dl>
      {isMentor && p.status === 'active' && (
        <p className="card-actions">
          <a className="button small" href={routeHref({ name: 'prepare', partnershipId: p.id })}>
            <Trans>Prepare for the next conversation</Trans>
          </a>
        </p>
      )}
    </article>
  );
}
