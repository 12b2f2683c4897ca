import { Button } from 'react-aria-components';
import { CreateCommitment, type Action, type Commitment, type Conversation } from '@mentoring/shared';
import { useAddCommitment } from '../../../api/conversations.ts';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import type { AgendaLookup } from '../../../lib/agenda.ts';
import { formatDate, formatDay } from '../../../lib/dates.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';

function actionFor(c: Commitment, lookup: AgendaLookup): Action | undefined {
  if (!c.actionId) return undefined;
  for (const g of lookup.goals) {
    const a = g.actions.find((x) => x.id === c.actionId);
    if (a) return a;
  }
  return undefined;
}

/** A commitment, ticked when the action it became is done. */
export function CommitmentLine({ commitment: c, lookup }: { commitment: Commitment; lookup: AgendaLookup }) {
  const goal = c.goalId ? lookup.goals.find((g) => g.id === c.goalId) : undefined;
  const action = actionFor(c, lookup);
  return (
    <li className={`commitment ${action?.done ? 'done' : ''}`}>
      <span
        className={`check-mark ${action?.done ? 'on' : ''}`}
        role="img"
        aria-label={action?.done ? 'Done' : 'Not done yet'}
      />
      <span>
        <span className="commitment-text">{c.text}</span>
        {(goal || c.dueOn) && (
          <span className="action-meta">
            {goal && <span>for “{goal.title}”</span>}
            {c.dueOn && <span>due {formatDay(c.dueOn)}</span>}
          </span>
        )}
      </span>
    </li>
  );
}

/** Commitments made in the last conversation, carried into this one (docs/design.md, principle 6, growth over time). */
export function CarriedCommitments({ from, lookup }: { from: Conversation; lookup: AgendaLookup }) {
  return (
    <section className="conversation-part carried" aria-label="Commitments from last time">
      <h4>From last time ({formatDate(from.heldAt ?? from.scheduledFor)})</h4>
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
    <section className="conversation-part" aria-label="Commitments">
      <h4>Commitments</h4>
      {c.commitments.length === 0 ? (
        <p className="muted small">
          What will happen before you next talk? Commitments become actions under their goal, and come back at the next
          conversation.
        </p>
      ) : (
        <ul className="commitment-list">
          {c.commitments.map((x) => (
            <CommitmentLine key={x.id} commitment={x} lookup={lookup} />
          ))}
        </ul>
      )}
      {can.write && (
        <Form onSubmit={submit} errors={form.errors} className="inline-form add-commitment" label="Add a commitment">
          <TextInput label="Commitment" isRequired className="grow" {...form.field('text')} />
          {goals.length > 0 && (
            <SelectField
              label="Goal"
              options={[
                { id: NO_GOAL, label: 'No particular goal' },
                ...goals.map((g) => ({ id: g.id, label: g.title })),
              ]}
              {...form.field('goalId')}
            />
          )}
          <TextInput type="date" label="Due" {...form.field('dueOn')} />
          <Button type="submit" className="button" isPending={add.isPending}>
            Add commitment
          </Button>
        </Form>
      )}
    </section>
  );
}
