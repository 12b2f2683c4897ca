import { useState } from 'react';
import { Button } from 'react-aria-components';
import { CreateAction, type Action, type Goal } from '@mentoring/shared';
import { useCreateAction, useUpdateAction } from '../../../api/goals.ts';
import { Checkbox } from '../../../components/Checkbox.tsx';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { isOverdue } from '../../../lib/dates.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDay } from '../../../components/Time.tsx';

/** A goal's actions: ticked off by the goal's owner, with undo; commitments from conversations arrive here. */
export function ActionList({ goal, canEdit }: { goal: Goal; canEdit: boolean }) {
  const open = goal.actions.filter((a) => !a.done);
  const done = goal.actions.filter((a) => a.done);
  return (
    <div className="actions">
      <h4>
        <Trans>Actions</Trans>
      </h4>
      {goal.actions.length === 0 && (
        <p className="muted small">
          {canEdit
            ? t`No actions yet. What is one step you will take before your next conversation?`
            : t`No actions yet.`}
        </p>
      )}
      <ul className="action-list">
        {[...open, ...done].map((a) => (
          <ActionRow key={a.id} action={a} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit && <AddAction goalId={goal.id} />}
    </div>
  );
}

function ActionRow({ action: a, canEdit }: { action: Action; canEdit: boolean }) {
  const { partnership: p } = useWorkspace();
  const update = useUpdateAction(p.id);
  const notify = useNotify();
  const overdue = !a.done && a.dueOn && isOverdue(a.dueOn);
  const setDone = (done: boolean) => {
    update.mutate({ id: a.id, body: { done } });
    if (done) notify({ message: t`Done: ${a.text}`, undo: () => update.mutate({ id: a.id, body: { done: false } }) });
  };
  const meta = (
    <span className="action-meta">
      {a.dueOn && (
        <span className={overdue ? 'overdue' : undefined}>
          {overdue ? t`Was due` : t`Due`} {showDay(a.dueOn)}
        </span>
      )}
      {a.fromConversationId && (
        <span className="badge muted">
          <Trans>Commitment</Trans>
        </span>
      )}
    </span>
  );
  return (
    <li className={`action ${a.done ? 'done' : ''}`}>
      {canEdit ? (
        <Checkbox isSelected={a.done} onChange={setDone}>
          <span className="action-text" dir="auto">
            {a.text}
          </span>
          {meta}
        </Checkbox>
      ) : (
        <span className="action-readonly">
          <span
            className={`check-mark ${a.done ? 'on' : ''}`}
            aria-label={a.done ? t`Done` : t`Not done yet`}
            role="img"
          />
          <span className="action-text" dir="auto">
            {a.text}
          </span>
          {meta}
        </span>
      )}
    </li>
  );
}

const FIELDS = ['text', 'dueOn'];

/** Folded behind a button, so a page of goals reads as goals; stays open to add several in a row. */
function AddAction({ goalId }: { goalId: string }) {
  const { partnership: p } = useWorkspace();
  const create = useCreateAction(p.id);
  const form = useFormState({ text: '', dueOn: '' });
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button className="button quiet small" onPress={() => setOpen(true)}>
        <Trans>+ Add an action</Trans>
      </Button>
    );
  }
  const submit = () => {
    const r = check(CreateAction, { text: form.values.text, dueOn: form.values.dueOn || null }, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(
      { goalId, body: r.value },
      { onSuccess: () => form.reset(), onError: (e) => form.setErrors(errorsFrom(e, FIELDS)) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className="inline-form add-action" label={t`Add an action`}>
      <TextInput label={t`New action`} isRequired autoFocus {...form.field('text')} className="grow" />
      <TextInput type="date" label={t`Due`} {...form.field('dueOn')} />
      <div className="form-actions">
        <Button
          className="button"
          onPress={() => {
            form.reset();
            setOpen(false);
          }}
        >
          <Trans>Done</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Add action</Trans>
        </Button>
      </div>
    </Form>
  );
}
