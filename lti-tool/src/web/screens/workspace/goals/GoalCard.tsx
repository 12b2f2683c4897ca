import { Button, Menu, MenuItem, MenuTrigger, Popover, type Key } from 'react-aria-components';
import { canDeleteGoal, type Goal, type GoalStatus } from '@mentoring/shared';
import { useDeleteGoal, useUpdateGoal } from '../../../api/goals.ts';
import { ConfirmDialog, ModalDialog } from '../../../components/Dialog.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { nameOf } from '../../../lib/people.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { ActionList } from './ActionList.tsx';
import { GoalForm } from './GoalForm.tsx';
import { Folded } from '../../../components/Folded.tsx';

const STATUS_LABEL: Record<GoalStatus, string> = { active: 'Active', achieved: 'Achieved', parked: 'Parked' };
const STATUS_MOVES: { id: GoalStatus; label: string }[] = [
  { id: 'achieved', label: 'Mark as achieved' },
  { id: 'parked', label: 'Park for now' },
  { id: 'active', label: 'Make active again' },
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
            <span className={`badge goal-${goal.status}`}>{STATUS_LABEL[goal.status]}</span>
            {showOwner && (
              <span className="muted">{goal.ownerId === meId ? 'Your goal' : `${nameOf(p, goal.ownerId)}’s goal`}</span>
            )}
            {goal.coachId && (
              <span className="muted">coached by {goal.coachId === meId ? 'you' : nameOf(p, goal.coachId)}</span>
            )}
          </p>
          <h3 id={`goal-${goal.id}`}>{goal.title}</h3>
        </div>
        {isOwner && (
          <div className="goal-tools">
            <ModalDialog title="Change goal" trigger={<Button className="button quiet small">Edit</Button>}>
              {(close) => <GoalForm goal={goal} onDone={close} />}
            </ModalDialog>
            <MenuTrigger>
              <Button className="button quiet small" aria-label={`Change status of “${goal.title}”`}>
                Status ▾
              </Button>
              <Popover className="popover">
                <Menu
                  className="menu"
                  onAction={(k: Key) => update.mutate({ id: goal.id, body: { status: String(k) as GoalStatus } })}
                >
                  {STATUS_MOVES.filter((m) => m.id !== goal.status).map((m) => (
                    <MenuItem key={m.id} id={m.id} className="menu-item">
                      {m.label}
                    </MenuItem>
                  ))}
                </Menu>
              </Popover>
            </MenuTrigger>
            {mayDelete && (
              <ConfirmDialog
                title={`Delete the goal “${goal.title}”?`}
                trigger={
                  <Button className="button quiet small danger-text" isPending={remove.isPending}>
                    Delete
                  </Button>
                }
                body={
                  <p>
                    Its {goal.actions.length === 1 ? 'action goes' : `${goal.actions.length} actions go`} with it, and
                    it leaves any agenda. Clips filed under it stay. To keep it without working on it, park it instead.
                  </p>
                }
                confirmLabel="Delete goal"
                onConfirm={() =>
                  remove.mutate(goal.id, { onSuccess: () => notify({ message: `Goal deleted: ${goal.title}` }) })
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
              <dt>Why it matters</dt>
              <dd>{goal.why}</dd>
            </div>
          )}
          {goal.success && (
            <div>
              <dt>What success looks like</dt>
              <dd>{goal.success}</dd>
            </div>
          )}
        </dl>
      )}
      <ActionList goal={goal} canEdit={isOwner} />
      {goal.history.length > 0 && (
        <Folded className="small" title={`History (${goal.history.length})`}>
          <ol className="history">
            {[...goal.history].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{formatDate(e.at)}</time>{' '}
                <span>{e.byId === meId ? 'You' : nameOf(p, e.byId)}</span>: {e.change}
              </li>
            ))}
          </ol>
        </Folded>
      )}
    </article>
  );
}
