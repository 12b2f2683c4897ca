import { useState } from 'react';
import { Button } from 'react-aria-components';
import {
  CreateCommitment,
  UpdateCommitment,
  canChangeCommitment,
  type Action,
  type Commitment,
  type Conversation,
} from '@mentoring/shared';
import { useAddCommitment, useDeleteCommitment, useUpdateCommitment } from '../../../api/conversations.ts';
import { ConfirmDialog } from '../../../components/Dialog.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import type { AgendaLookup } from '../../../lib/agenda.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate, showDay } from '../../../components/Time.tsx';

function actionFor(c: Commitment, lookup: AgendaLookup): Action | undefined {
  if (!c.actionId) return undefined;
  for (const g of lookup.goals) {
    const a = g.actions.find((x) => x.id === c.actionId);
    if (a) return a;
  }
  return undefined;
}

/** A commitment, ticked when the action it became is done; either partner edits or deletes it where `editable`. */
export function CommitmentLine({
  commitment: c,
  lookup,
  editable = false,
}: {
  commitment: Commitment;
  lookup: AgendaLookup;
  editable?: boolean;
}) {
  const { partnership: p, meId } = useWorkspace();
  const goal = c.goalId ? lookup.goals.find((g) => g.id === c.goalId) : undefined;
  const action = actionFor(c, lookup);
  const [editing, setEditing] = useState(false);
  const remove = useDeleteCommitment(p.id);
  const mayChange = editable && canChangeCommitment(p, meId);
  if (editing) return <CommitmentEditForm commitment={c} onDone={() => setEditing(false)} />;
  return (
    <li className={`commitment ${action?.done ? 'done' : ''}`}>
      <span
        className={`check-mark ${action?.done ? 'on' : ''}`}
        role="img"
        aria-label={action?.done ? t`Done` : t`Not done yet`}
      />
      <span className="grow">
        <span className="commitment-text">
          <bdi>{c.text}</bdi>
        </span>
        {(goal || c.dueOn) && (
          <span className="action-meta">
            {goal && (
              <span>
                <Trans>for “{goal.title}”</Trans>
              </span>
            )}
            {c.dueOn && (
              <span>
                <Trans>due {showDay(c.dueOn)}</Trans>
              </span>
            )}
          </span>
        )}
        {remove.isError && <ErrorNotice error={remove.error} />}
      </span>
      {mayChange && (
        <span className="commitment-tools">
          <Button
            className="button quiet small"
            aria-label={t`Edit commitment: ${c.text}`}
            onPress={() => setEditing(true)}
          >
            <Trans>Edit</Trans>
          </Button>
          <ConfirmDialog
            title={t`Delete this commitment?`}
            trigger={
              <Button
                className="button quiet small danger-text"
                aria-label={t`Delete commitment: ${c.text}`}
                isPending={remove.isPending}
              >
                <Trans>Delete</Trans>
              </Button>
            }
            body={
              <p>
                <Trans>“{c.text}” is deleted for both of you</Trans>
                {goal ? (
                  <>
                    <Trans>, with the action it became under “{goal.title}”</Trans>
                  </>
                ) : null}
                .
              </p>
            }
            confirmLabel={t`Delete commitment`}
            onConfirm={() => remove.mutate(c.id)}
          />
        </span>
      )}
    </li>
  );
}

function CommitmentEditForm({ commitment: c, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const update = useUpdateCommitment(p.id);
  const form = useFormState({ text: c.text, dueOn: c.dueOn ?? '' });
  const submit = () => {
    const r = check(UpdateCommitment, { text: form.values.text, dueOn: form.values.dueOn || null }, ['text', 'dueOn']);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(
      { id: c.id, body: r.value },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['text', 'dueOn'])) },
    );
  };
  return (
    <li className="commitment editing">
      <Form onSubmit={submit} errors={form.errors} className="inline-form" label={t`Edit the commitment`}>
        <TextInput label={t`Commitment`} isRequired autoFocus className="grow" {...form.field('text')} />
        <TextInput type="date" label={t`Due`} {...form.field('dueOn')} />
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Save</Trans>
        </Button>
      </Form>
    </li>
  );
}

/** Commitments made in the last conversation, carried into this one (docs/design.md, principle 6, growth over time). */
export function CarriedCommitments({ from, lookup }: { from: Conversation; lookup: AgendaLookup }) {
  return (
    <section className="conversation-part carried" aria-label={t`Commitments from last time`}>
      <h4>
        <Trans>From last time ({showDate(from.heldAt ?? from.scheduledFor)})</Trans>
      </h4>
      <ul className="commitment-list">
        {from.commitments.map((c) => (
          <CommitmentLine key={c.id} commitment={c} lookup={lookup} />
        ))}
      </ul>
    </section>
  );
}

const FIELDS = ['text', 'goalId', 'dueOn'];
const NO_GOAL = '-';

/** What the mentee commits to; each commitment becomes an action under its goal for next time. */
export function Commitments({ conversation: c, lookup }: { conversation: Conversation; lookup: AgendaLookup }) {
  const { partnership: p, can } = useWorkspace();
  const add = useAddCommitment(p.id);
  const form = useFormState({ text: '', goalId: NO_GOAL as string | null, dueOn: '' });
  const goals = lookup.goals.filter((g) => g.status === 'active');

  const submit = () => {
    const goalId = form.values.goalId && form.values.goalId !== NO_GOAL ? form.values.goalId : null;
    const r = check(CreateCommitment, { text: form.values.text, goalId, dueOn: form.values.dueOn || null }, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    add.mutate(
      { id: c.id, body: r.value },
      { onSuccess: () => form.reset(), onError: (e) => form.setErrors(errorsFrom(e, FIELDS)) },
    );
  };

  return (
    <section className="conversation-part" aria-label={t`Commitments`}>
      <h4>
        <Trans>Commitments</Trans>
      </h4>
      {c.commitments.length === 0 ? (
        <p className="muted small">
          <Trans>
            What will happen before you next talk? Commitments become actions under their goal, and come back at the
            next conversation.
          </Trans>
        </p>
      ) : (
        <ul className="commitment-list">
          {c.commitments.map((x) => (
            <CommitmentLine key={x.id} commitment={x} lookup={lookup} editable />
          ))}
        </ul>
      )}
      {can.write && (
        <Form onSubmit={submit} errors={form.errors} className="inline-form add-commitment" label={t`Add a commitment`}>
          <TextInput label={t`Commitment`} isRequired className="grow" {...form.field('text')} />
          {goals.length > 0 && (
            <SelectField
              label={t`Goal`}
              options={[
                { id: NO_GOAL, label: t`No particular goal` },
                ...goals.map((g) => ({ id: g.id, label: g.title, own: true })),
              ]}
              {...form.field('goalId')}
            />
          )}
          <TextInput type="date" label={t`Due`} {...form.field('dueOn')} />
          <Button type="submit" className="button" isPending={add.isPending}>
            <Trans>Add commitment</Trans>
          </Button>
        </Form>
      )}
    </section>
  );
}
