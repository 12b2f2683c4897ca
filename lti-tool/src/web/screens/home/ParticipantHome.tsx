import { lazy, Suspense } from 'react';
import { memberOf, type Me, type Partnership } from '@mentoring/shared';
import { usePartnerships } from '../../api/partnerships.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { InvitationCard } from './InvitationCard.tsx';
import { PartnershipCard } from './PartnershipCard.tsx';
import { WhatNext } from './WhatNext.tsx';
import { useIdle } from '../../components/useIdle.ts';
import { t } from '@lingui/core/macro';
import { formatNumber } from '../../lib/dates.ts';
import { Trans } from '@lingui/react/macro';

// The invitation form (people picker, validation) loads after the home is on screen.
const InviteDialog = lazy(() => import('./InviteDialog.tsx').then((m) => ({ default: m.InviteDialog })));
// The fold (React Aria's disclosure) loads only for someone with closed partnerships.
const Folded = lazy(() => import('../../components/Folded.tsx').then((m) => ({ default: m.Folded })));

/**
 * A participant's home: what comes next and what waits for them, invitations to answer, their
 * partnerships (as mentor and as mentee), and inviting someone.
 */
export function ParticipantHome({ me }: { me: Me }) {
  const partnerships = usePartnerships();
  const meId = me.person.id;
  const idle = useIdle(!partnerships.isPending);
  const inviteSoon = (
    <button type="button" className="button primary" disabled>
      <Trans>Invite someone</Trans>
    </button>
  );
  const invite = idle ? (
    <Suspense fallback={inviteSoon}>
      <InviteDialog me={me} />
    </Suspense>
  ) : (
    inviteSoon
  );

  if (partnerships.isPending) return <Loading label={t`Loading your partnerships…`} />;
  if (partnerships.isError) return <ErrorNotice error={partnerships.error} retry={() => void partnerships.refetch()} />;

  const all = partnerships.data.partnerships;
  const toAnswer = all.filter((p) => p.status === 'invited' && memberOf(p, meId)?.invitation === 'pending');
  const waiting = all.filter(
    (p) =>
      (p.status === 'invited' && memberOf(p, meId)?.invitation === 'accepted') ||
      (p.status === 'declined' && p.createdById === meId),
  );
  const active = all.filter((p) => p.status === 'active');
  const closed = all.filter((p) => p.status === 'closed');
  const byNext = (a: Partnership, b: Partnership) =>
    (a.nextConversation?.scheduledFor ?? '9').localeCompare(b.nextConversation?.scheduledFor ?? '9');

  return (
    <>
      <PageTitle actions={invite}>
        <Trans>Your partnerships</Trans>
      </PageTitle>

      <WhatNext partnerships={[...active].sort(byNext)} meId={meId} />

      {toAnswer.length > 0 && (
        <section aria-labelledby="to-answer" className="section">
          <h2 id="to-answer">
            <Trans>Invitations for you</Trans>
          </h2>
          <div className="stack">
            {toAnswer.map((p) => (
              <InvitationCard key={p.id} partnership={p} meId={meId} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="mine" className="section">
        <h2 id="mine" className={toAnswer.length ? undefined : 'visually-hidden'}>
          <Trans>Active partnerships</Trans>
        </h2>
        {active.length === 0 ? (
          <EmptyState title={t`No partnerships yet`} action={invite}>
            <p>
              <Trans>Your program coordinator will pair you with a mentor, or invite a colleague yourself.</Trans>
            </p>
            <p>
              <Trans>
                A partnership is a private workspace for the two of you: goals, passages from your readings, reflection
                prompts and your conversations.
              </Trans>
            </p>
          </EmptyState>
        ) : (
          <div className="card-grid">
            {[...active].sort(byNext).map((p) => (
              <PartnershipCard key={p.id} partnership={p} meId={meId} />
            ))}
          </div>
        )}
      </section>

      {waiting.length > 0 && (
        <section aria-labelledby="waiting" className="section">
          <h2 id="waiting">
            <Trans>Invitations you sent</Trans>
          </h2>
          <div className="stack">
            {waiting.map((p) => (
              <InvitationCard key={p.id} partnership={p} meId={meId} />
            ))}
          </div>
        </section>
      )}

      {closed.length > 0 && (
        <Suspense fallback={null}>
          <Folded level={2} className="section" title={t`Closed partnerships (${formatNumber(closed.length)})`}>
            <div className="card-grid">
              {closed.map((p) => (
                <PartnershipCard key={p.id} partnership={p} meId={meId} />
              ))}
            </div>
          </Folded>
        </Suspense>
      )}
    </>
  );
}
