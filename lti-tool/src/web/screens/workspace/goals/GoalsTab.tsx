import { Button } from 'react-aria-components';
import { mentees, type Goal } from '@mentoring/shared';
import { useGoals } from '../../../api/goals.ts';
import { ModalDialog } from '../../../components/Dialog.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorNotice, Loading } from '../../../components/QueryState.tsx';
import { joinNames } from '../../../lib/people.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { GoalCard } from './GoalCard.tsx';
import { GoalForm } from './GoalForm.tsx';
import { Folded } from '../../../components/Folded.tsx';
import { t } from '@lingui/core/macro';
import { formatNumber } from '../../../lib/dates.ts';
import { Trans } from '@lingui/react/macro';

/** Goals are the mentee's (docs/design.md, principle 1): they write them, the mentor reads and asks. */
export function GoalsTab() {
  const { partnership: p, can } = useWorkspace();
  const goals = useGoals(p.id);

  const newGoal = can.ownGoals ? (
    <ModalDialog
      title={t`New goal`}
      trigger={
        <Button className="button primary">
          <Trans>New goal</Trans>
        </Button>
      }
    >
      {(close) => <GoalForm onDone={close} />}
    </ModalDialog>
  ) : null;

  if (goals.isPending) return <Loading label={t`Loading goals…`} />;
  if (goals.isError) return <ErrorNotice error={goals.error} retry={() => void goals.refetch()} />;

  const list = goals.data.goals;
  const byStatus = (s: Goal['status']) => list.filter((g) => g.status === s);
  const active = byStatus('active');
  const rest = [...byStatus('achieved'), ...byStatus('parked')];

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Goals</Trans>
        </h2>
        {newGoal}
      </div>
      {list.length === 0 ? (
        can.ownGoals ? (
          <EmptyState title={t`Set your first goal`} action={newGoal}>
            <p>
              <Trans>
                What do you want to grow in over the coming months? Write it in your own words, with why it matters and
                what success would look like. Actions and commitments gather under it from one conversation to the next.
              </Trans>
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={t`No goals yet`}>
            <p>
              <Trans>
                Goals belong to {joinNames(mentees(p).map((m) => m.name))}. When one is set, it appears here with its
                actions, ready for your conversations.
              </Trans>
            </p>
          </EmptyState>
        )
      ) : (
        <>
          {active.length === 0 && (
            <p className="muted">
              <Trans>No active goals right now.</Trans>
            </p>
          )}
          <div className="stack">
            {active.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </div>
          {rest.length > 0 && (
            <Folded level={3} title={t`Achieved and parked goals (${formatNumber(rest.length)})`}>
              <div className="stack">
                {rest.map((g) => (
                  <GoalCard key={g.id} goal={g} />
                ))}
              </div>
            </Folded>
          )}
        </>
      )}
    </div>
  );
}
