import { memberOf, type Partnership } from '@mentoring/shared';
import { routeHref } from '../../app/route.ts';
import { formatDate, formatDateTime, formatRelative } from '../../lib/dates.ts';
import { partnershipHeadline, roleLabel } from '../../lib/people.ts';

/** One partnership on the home screen: who, when you next meet, and the way in. */
export function PartnershipCard({ partnership: p, meId }: { partnership: Partnership; meId: string }) {
  const me = memberOf(p, meId);
  const isMentor = p.kind === 'mentoring' && me?.role === 'mentor';
  return (
    <article className="card partnership-card">
      <div className="card-kicker">
        <span className={`badge ${p.kind}`}>{p.kind === 'mentoring' ? 'Mentoring' : 'Collegial coaching'}</span>
        {me && p.kind === 'mentoring' && (
          <span className="muted">You are the {roleLabel(p, me.role).toLowerCase()}</span>
        )}
        {p.status === 'closed' && <span className="badge muted">Closed</span>}
      </div>
      <h3>
        <a className="card-link" href={routeHref({ name: 'workspace', partnershipId: p.id, tab: 'goals' })}>
          {partnershipHeadline(p, meId)}
        </a>
      </h3>
      {p.agreement.purpose && <p className="card-purpose">{p.agreement.purpose}</p>}
      <dl className="facts">
        <div>
          <dt>Next conversation</dt>
          <dd>
            {p.nextConversation ? (
              <>
                {formatDateTime(p.nextConversation.scheduledFor)}{' '}
                <span className="muted">({formatRelative(p.nextConversation.scheduledFor)})</span>
              </>
            ) : (
              <span className="muted">Not scheduled yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Last conversation</dt>
          <dd>{p.lastConversationAt ? formatDate(p.lastConversationAt) : <span className="muted">None yet</span>}</dd>
        </div>
      </dl>
      {isMentor && p.status === 'active' && (
        <p className="card-actions">
          <a className="button small" href={routeHref({ name: 'prepare', partnershipId: p.id })}>
            Prepare for the next conversation
          </a>
        </p>
      )}
    </article>
  );
}
