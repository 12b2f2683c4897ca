import { Button } from 'react-aria-components';
import { memberOf, type Partnership } from '@mentoring/shared';
import { useAnswerInvitation } from '../../api/partnerships.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { joinNames, nameOf, partnersOf } from '../../lib/people.ts';

/** An invitation: to answer when it is for me, or waiting on the others when I sent it (docs/design.md, principle 5, choice). */
export function InvitationCard({ partnership: p, meId }: { partnership: Partnership; meId: string }) {
  const answer = useAnswerInvitation();
  const me = memberOf(p, meId);
  const mine = me?.invitation === 'pending';
  const inviter = nameOf(p, p.createdById);
  const kind = p.kind === 'mentoring' ? 'a mentoring partnership' : 'collegial coaching';
  const role = p.kind === 'mentoring' && me ? ` as ${me.role === 'mentor' ? 'their mentor' : 'their mentee'}` : '';
  const pendingNames = p.members.filter((m) => m.personId !== meId && m.invitation === 'pending').map((m) => m.name);
  const declinedNames = p.members.filter((m) => m.invitation === 'declined').map((m) => m.name);

  return (
    <article className="card invitation-card">
      {mine ? (
        <>
          <p className="invitation-text">
            <strong>{inviter}</strong> invites you to {kind}
            {role}.
          </p>
          {p.agreement.purpose && <blockquote className="purpose">{p.agreement.purpose}</blockquote>}
          <p className="muted small">
            Sent {formatDate(p.createdAt)}. Only the members of a partnership see what is in it.
          </p>
          {answer.isError && <ErrorNotice error={answer.error} />}
          <div className="form-actions start">
            <Button
              className="button primary"
              isPending={answer.isPending}
              onPress={() => answer.mutate({ id: p.id, accept: true })}
            >
              Accept
            </Button>
            <ConfirmDialog
              title="Decline this invitation?"
              trigger={<Button className="button">Decline</Button>}
              body={<p>{inviter} will see that you declined. Either of you can send a new invitation later.</p>}
              confirmLabel="Decline"
              onConfirm={() => answer.mutate({ id: p.id, accept: false })}
            />
          </div>
        </>
      ) : p.status === 'declined' ? (
        <p className="invitation-text">
          {joinNames(declinedNames)} declined your invitation to {kind}.{' '}
          <span className="muted">You can invite someone else.</span>
        </p>
      ) : (
        <p className="invitation-text">
          Waiting for {joinNames(pendingNames.length ? pendingNames : partnersOf(p, meId).map((m) => m.name))} to answer
          your invitation to {kind}.<span className="muted small"> Sent {formatDate(p.createdAt)}.</span>
        </p>
      )}
    </article>
  );
}
