import { Button } from 'react-aria-components';
import { CreateCheckpoint } from '@mentoring/shared';
import { useState } from 'react';
import type { Checkpoint } from '@mentoring/shared';
import {
  useCheckpoints,
  useCreateCheckpoint,
  useProgramEvaluations,
  useProgramPeople,
  useRemoveCheckpoint,
  useUpdateCheckpoint,
} from '../../api/program.ts';
import { ConfirmDialog, ModalDialog } from '../../components/Dialog.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { TextInput } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { formatDate, formatDay } from '../../lib/dates.ts';
import { RATING_LABELS } from '../../lib/evaluation.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';

/** Named checkpoints (Month 6, 12, 18, 24) and the evaluations mentors completed at them (docs/design.md, principle 3). */
export function CheckpointsPanel() {
  const checkpoints = useCheckpoints();
  const evaluations = useProgramEvaluations();
  const roster = useProgramPeople();
  const nameOf = (id: string) => roster.data?.people.find((p) => p.personId === id)?.name ?? 'Unknown';
  const checkpointName = (id: string) =>
    checkpoints.data?.checkpoints.find((c) => c.id === id)?.name ?? 'A removed checkpoint';

  return (
    <div className="tab-content">
      <section className="section" aria-labelledby="cp-title">
        <h2 id="cp-title">Checkpoints</h2>
        <p className="muted">
          At each checkpoint mentors complete a short evaluation, visible to both partners and to you. Coaching content
          never flows into it.
        </p>
        {checkpoints.isPending ? (
          <Loading />
        ) : checkpoints.isError ? (
          <ErrorNotice error={checkpoints.error} retry={() => void checkpoints.refetch()} />
        ) : checkpoints.data.checkpoints.length === 0 ? (
          <p>No checkpoints yet. Name the first one below, for example “Month 6”.</p>
        ) : (
          <ul className="checkpoint-list">
            {checkpoints.data.checkpoints.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong>
                {c.dueOn && <span className="muted"> · due {formatDay(c.dueOn)}</span>}
                {c.lineItemId && <span className="badge muted">In the gradebook</span>}
                <CheckpointTools checkpoint={c} />
              </li>
            ))}
          </ul>
        )}
        <NewCheckpoint />
      </section>

      <section className="section" aria-labelledby="ev-title">
        <h2 id="ev-title">Evaluations</h2>
        {evaluations.isPending ? (
          <Loading />
        ) : evaluations.isError ? (
          <ErrorNotice error={evaluations.error} retry={() => void evaluations.refetch()} />
        ) : evaluations.data.evaluations.length === 0 ? (
          <p className="muted">No evaluations completed yet.</p>
        ) : (
          <TableWrap label="Checkpoint evaluations, scrollable">
            <table className="table">
              <caption className="visually-hidden">Checkpoint evaluations</caption>
              <thead>
                <tr>
                  <th scope="col">Checkpoint</th>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Rating</th>
                  <th scope="col">Summary</th>
                  <th scope="col">Completed</th>
                </tr>
              </thead>
              <tbody>
                {evaluations.data.evaluations.map((e) => (
                  <tr key={e.id}>
                    <td>{checkpointName(e.checkpointId)}</td>
                    <th scope="row">{nameOf(e.menteeId)}</th>
                    <td>{nameOf(e.mentorId)}</td>
                    <td>
                      <span className={`rating rating-${e.rating}`}>{RATING_LABELS[e.rating]}</span>
                    </td>
                    <td className="summary-cell">{e.summary}</td>
                    <td>{formatDate(e.completedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}

const FIELDS = ['name', 'dueOn', 'postToGradebook'];

function NewCheckpoint() {
  const create = useCreateCheckpoint();
  const form = useFormState({ name: '', dueOn: '', postToGradebook: false });
  const submit = () => {
    const r = check(
      CreateCheckpoint,
      { name: form.values.name, dueOn: form.values.dueOn || null, postToGradebook: form.values.postToGradebook },
      FIELDS,
    );
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, { onSuccess: () => form.reset(), onError: (e) => form.setErrors(errorsFrom(e, FIELDS)) });
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className="inline-form new-checkpoint" label="Name a checkpoint">
      <TextInput label="Checkpoint name" isRequired {...form.field('name')} placeholder="Month 6" />
      <TextInput type="date" label="Due" {...form.field('dueOn')} />
      <Checkbox isSelected={form.values.postToGradebook} onChange={(v) => form.set('postToGradebook', v)}>
        Record completion in the gradebook
      </Checkbox>
      <Button type="submit" className="button" isPending={create.isPending}>
        Add checkpoint
      </Button>
    </Form>
  );
}

/** Rename or move a checkpoint, or remove it (its evaluations are kept). */
function CheckpointTools({ checkpoint: c }: { checkpoint: Checkpoint }) {
  const remove = useRemoveCheckpoint();
  return (
    <span className="inline-tools">
      <ModalDialog
        title={`Edit “${c.name}”`}
        trigger={
          <Button className="button small quiet" aria-label={`Edit ${c.name}`}>
            Edit
          </Button>
        }
      >
        {(close) => <EditCheckpoint checkpoint={c} onDone={close} />}
      </ModalDialog>
      <ConfirmDialog
        title={`Remove “${c.name}”?`}
        trigger={
          <Button className="button small quiet" aria-label={`Remove ${c.name}`}>
            Remove
          </Button>
        }
        body={<p>It leaves the list. Evaluations already completed at it are kept, for the record.</p>}
        confirmLabel="Remove checkpoint"
        onConfirm={() => remove.mutate(c.id)}
      />
    </span>
  );
}

function EditCheckpoint({ checkpoint: c, onDone }: { checkpoint: Checkpoint; onDone: () => void }) {
  const update = useUpdateCheckpoint();
  const [name, setName] = useState(c.name);
  const [dueOn, setDueOn] = useState(c.dueOn ?? '');
  const submit = () => update.mutate({ id: c.id, body: { name, dueOn: dueOn || null } }, { onSuccess: onDone });
  const errors = update.error ? errorsFrom(update.error, ['name', 'dueOn']) : { fields: {}, form: null };
  return (
    <Form onSubmit={submit} errors={errors}>
      <TextInput label="Name" value={name} onChange={setName} error={errors.fields.name} isRequired autoFocus />
      <TextInput label="Due" type="date" value={dueOn} onChange={setDueOn} error={errors.fields.dueOn} />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          Cancel
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
