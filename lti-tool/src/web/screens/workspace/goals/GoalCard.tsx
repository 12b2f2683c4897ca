import { Button, Menu, MenuItem, MenuTrigger, Popover, type Key } from 'react-aria-components';
import { canDeleteGoal, type Goal, type GoalStatus } from '@mentoring/shared';
import { useDeleteGoal, useUpdateGoal } from '../../../api/goals.ts';
import { ConfirmDialog, ModalDialog } from '../../../components/Dialog.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { formatNumber } from '../../../lib/dates.ts';
import { coachedBy, goalOf, nameOf } from '../../../lib/people.ts';
import { goalChangeLine } from '../../../lib/history.ts';

import { useWorkspace } from '../workspaceContext.ts';
import { ActionList } from './ActionList.tsx';
import { GoalForm } from './GoalForm.tsx';
import { Folded } from '../../../components/Folded.tsx';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate } from '../../../components/Time.tsx';

const statusLabel = (key: GoalStatus): string => {
  const words: Record<GoalStatus, string> = { active: t`Active`, achieved: t`Achieved`, parked: t`Parked` };
  return words[key];
};
const statusMoves = (): { id: GoalStatus; label: string }[] => [
  { id: 'achieved', label: t`Mark as achieved` },
  { id: 'parked', label: t`Park for now` },
  { id: 'active', label: t`Make active again` },
];

/** One goal with its reasons, actions and history; its owner changes it, partners read it. */
export function GoalCard({ goal }: { goal: Goal }) {
  const { partnership: p, meId, can } = useWorkspace();
  const update = useUpdateGoal(p.id);
  const remove = useDeleteGoal(p.id);
  const notify = useNotify();
  const isOwner = goal.ownerId === meId && can.write;
  const mayDelete = canDeleteGoal(p, goal, meId);
  const showOwner = p.kind === 'collegial' || p.members.filter((m) => m.role === 'mentee').length > 1;

  return (
    <article className={`card goal-card status-${goal.status}`} aria-labelledby={`goal-${goal.id}`}>
      <div className="goal-head">
        <div>
          <p className="card-kicker">
            <span className={`badge goal-${goal.status}`}>{statusLabel(goal.status)}</span>
            {showOwner && (
              <span className="muted">{goal.ownerId === meId ? t`Your goal` : goalOf(nameOf(p, goal.ownerId))}</span>
            )}
            {goal.coachId && (
              <span className="muted">
                {goal.coachId === meId ? t`coached by you` : coachedBy(nameOf(p, goal.coachId))}
              </span>
            )}
          </p>
          <h3 id={`goal-${goal.id}`} dir="auto">
            {goal.title}
          </h3>
        </div>
        {isOwner && (
          <div className="goal-tools">
            <ModalDialog
              title={t`Change goal`}
              trigger={
                <Button className="button quiet small">
                  <Trans>Edit</Trans>
                </Button>
              }
            >
              {(close) => <GoalForm goal={goal} onDone={close} />}
            </ModalDialog>
            <MenuTrigger>
              <Button className="button quiet small" aria-label={t`Change status of “${goal.title}”`}>
                <Trans>Status ▾</Trans>
              </Button>
              <Popover className="popover">
                <Menu
                  className="menu"
                  onAction={(k: Key) => update.mutate({ id: goal.id, body: { status: String(k) as GoalStatus } })}
                >
                  {statusMoves()
                    .filter((m) => m.id !== goal.status)
                    .map((m) => (
                      <MenuItem key={m.id} id={m.id} className="menu-item">
                        {m.label}
                      </MenuItem>
                    ))}
                </Menu>
              </Popover>
            </MenuTrigger>
            {mayDelete && (
              <ConfirmDialog
                title={t`Delete the goal “${goal.title}”?`}
                trigger={
                  <Button className="button quiet small danger-text" isPending={remove.isPending}>
                    <Trans>Delete</Trans>
                  </Button>
                }
                body={
                  <p>
                    {plural(goal.actions.length, {
                      one: 'Its action goes with it, and it leaves any agenda. Clips filed under it stay. To keep it without working on it, park it instead.',
                      other:
                        'Its # actions go with it, and it leaves any agenda. Clips filed under it stay. To keep it without working on it, park it instead.',
                    })}
                  </p>
                }
                confirmLabel={t`Delete goal`}
                onConfirm={() =>
                  remove.mutate(goal.id, { onSuccess: () => notify({ message: t`Goal deleted: ${goal.title}` }) })
                }
              />
            )}
          </div>
        )}
      </div>
      {update.isError && <ErrorNotice error={update.error} />}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {(goal.why || goal.success) && (
        <dl className="goal-reasons">
          {goal.why && (
            <div>
              <dt>
                <Trans>Why it matters</Trans>
              </dt>
              <dd dir="auto">{goal.why}</dd>
            </div>
          )}
          {goal.success && (
            <div>
              <dt>
                <Trans>What success looks like</Trans>
              </dt>
              <dd dir="auto">{goal.success}</dd>
            </div>
          )}
        </dl>
      )}
      <ActionList goal={goal} canEdit={isOwner} />
      {goal.history.length > 0 && (
        <Folded className="small" title={t`History (${formatNumber(goal.history.length)})`}>
          <ol className="history">
            {[...goal.history].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`}>
                {showDate(e.at)} <span>{e.byId === meId ? t`You` : <bdi>{nameOf(p, e.byId)}</bdi>}</span>:{' '}
                {goalChangeLine(e)}
              </li>
            ))}
          </ol>
        </Folded>
      )}
    </article>
  );
}
