import { lazy, Suspense } from 'react';
import { Button } from 'react-aria-components';
import { memberOf, type Partnership } from '@mentoring/shared';
import { useAnswerInvitation } from '../../api/partnerships.ts';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { formatDate, useDatesRendered } from '../../lib/dates.ts';
import { joinNames, nameOf, partnersOf } from '../../lib/people.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

// React Aria's overlays are not in the home's first code: the dialog loads where an invitation awaits an answer.
const ConfirmDialog = lazy(() => import('../../components/Dialog.tsx').then((m) => ({ default: m.ConfirmDialog })));

/** An invitation: to answer when it is for me, or waiting on the others when I sent it (docs/design.md, principle 5, choice). */
export function InvitationCard({ partnership: p, meId }: { partnership: Partnership; meId: string }) {
  useDatesRendered();
  const answer = useAnswerInvitation();
  const me = memberOf(p, meId);
  const mine = me?.invitation === 'pending';
  const inviter = nameOf(p, p.createdById);
  const sent = formatDate(p.createdAt);
  const pendingNames = p.members.filter((m) => m.personId !== meId && m.invitation === 'pending').map((m) => m.name);
  const declined = joinNames(p.members.filter((m) => m.invitation === 'declined').map((m) => m.name));
  const waitingFor = joinNames(pendingNames.length ? pendingNames : partnersOf(p, meId).map((m) => m.name));

  return (
    <article className="card invitation-card">
      {mine ? (
        <>
          <p className="invitation-text">
            {p.kind === 'collegial' ? (
              <Trans>
                <strong>{inviter}</strong> invites you to collegial coaching.
              </Trans>
            ) : me?.role === 'mentor' ? (
              <Trans>
                <strong>{inviter}</strong> invites you to a mentoring partnership as their mentor.
              </Trans>
            ) : (
              <Trans>
                <strong>{inviter}</strong> invites you to a mentoring partnership as their mentee.
              </Trans>
            )}
          </p>
          {p.agreement.purpose && (
            <blockquote className="purpose" dir="auto">
              {p.agreement.purpose}
            </blockquote>
          )}
          <p className="muted small">
            <Trans>Sent {sent}. Only the members of a partnership see what is in it.</Trans>
          </p>
          {answer.isError && <ErrorNotice error={answer.error} />}
          <div className="form-actions start">
            <Button
              className="button primary"
              isPending={answer.isPending}
              onPress={() => answer.mutate({ id: p.id, accept: true })}
            >
              <Trans>Accept</Trans>
            </Button>
            <Suspense
              fallback={
                <button type="button" className="button" disabled>
                  <Trans>Decline</Trans>
                </button>
              }
            >
              <ConfirmDialog
                title={t`Decline this invitation?`}
                trigger={
                  <Button className="button">
                    <Trans>Decline</Trans>
                  </Button>
                }
                body={
                  <p>
                    <Trans>{inviter} will see that you declined. Either of you can send a new invitation later.</Trans>
                  </p>
                }
                confirmLabel={t`Decline`}
                onConfirm={() => answer.mutate({ id: p.id, accept: false })}
              />
            </Suspense>
          </div>
        </>
      ) : p.status === 'declined' ? (
        <p className="invitation-text">
          <Trans>{declined} declined your invitation.</Trans>{' '}
          <span className="muted">
            <Trans>You can invite someone else.</Trans>
          </span>
        </p>
      ) : (
        <p className="invitation-text">
          <Trans>Waiting for {waitingFor} to answer your invitation.</Trans>{' '}
          <span className="muted small">
            <Trans>Sent {sent}.</Trans>
          </span>
        </p>
      )}
    </article>
  );
}
