import { Button } from 'react-aria-components';
import { CreateCheckpoint, UpdateCheckpoint } from '@mentoring/shared';
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
import { ratingLabel } from '../../lib/evaluation.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate, showDay } from '../../components/Time.tsx';

/** Named checkpoints (Month 6, 12, 18, 24) and the evaluations mentors completed at them (docs/design.md, principle 3). */
export function CheckpointsPanel() {
  const checkpoints = useCheckpoints();
  const evaluations = useProgramEvaluations();
  const roster = useProgramPeople();
  const nameOf = (id: string) => roster.data?.people.find((p) => p.personId === id)?.name ?? 'Unknown';
  const checkpointName = (id: string) =>
    checkpoints.data?.checkpoints.find((c) => c.id === id)?.name ?? t`A removed checkpoint`;

  return (
    <div className="tab-content">
      <section className="section" aria-labelledby="cp-title">
        <h2 id="cp-title">
          <Trans>Checkpoints</Trans>
        </h2>
        <p className="muted">
          <Trans>
            At each checkpoint mentors complete a short evaluation, visible to both partners and to you. Coaching
            content never flows into it.
          </Trans>
        </p>
        {checkpoints.isPending ? (
          <Loading />
        ) : checkpoints.isError ? (
          <ErrorNotice error={checkpoints.error} retry={() => void checkpoints.refetch()} />
        ) : checkpoints.data.checkpoints.length === 0 ? (
          <p>
            <Trans>No checkpoints yet. Name the first one below, for example “Month 6”.</Trans>
          </p>
        ) : (
          <ul className="checkpoint-list">
            {checkpoints.data.checkpoints.map((c) => (
              <li key={c.id}>
                <strong>
                  <bdi>{c.name}</bdi>
                </strong>
                {c.dueOn && (
                  <span className="muted">
                    {' '}
                    <Trans>· due {showDay(c.dueOn)}</Trans>
                  </span>
                )}
                {c.lineItemId && (
                  <span className="badge muted">
                    <Trans>In the gradebook</Trans>
                  </span>
                )}
                <CheckpointTools checkpoint={c} />
              </li>
            ))}
          </ul>
        )}
        <NewCheckpoint />
      </section>

      <section className="section" aria-labelledby="ev-title">
        <h2 id="ev-title">
          <Trans>Evaluations</Trans>
        </h2>
        {evaluations.isPending ? (
          <Loading />
        ) : evaluations.isError ? (
          <ErrorNotice error={evaluations.error} retry={() => void evaluations.refetch()} />
        ) : evaluations.data.evaluations.length === 0 ? (
          <p className="muted">
            <Trans>No evaluations completed yet.</Trans>
          </p>
        ) : (
          <TableWrap label={t`Checkpoint evaluations, scrollable`}>
            <table className="table">
              <caption className="visually-hidden">
                <Trans>Checkpoint evaluations</Trans>
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <Trans>Checkpoint</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Mentee</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Mentor</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Rating</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Summary</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Completed</Trans>
                  </th>
                </tr>
              </thead>
              <tbody>
                {evaluations.data.evaluations.map((e) => (
                  <tr key={e.id}>
                    <td>{checkpointName(e.checkpointId)}</td>
                    <th scope="row">{nameOf(e.menteeId)}</th>
                    <td>{nameOf(e.mentorId)}</td>
                    <td>
                      <span className={`rating rating-${e.rating}`}>{ratingLabel(e.rating)}</span>
                    </td>
                    <td className="summary-cell">
                      <bdi>{e.summary}</bdi>
                    </td>
                    <td>{showDate(e.completedAt)}</td>
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
    <Form onSubmit={submit} errors={form.errors} className="inline-form new-checkpoint" label={t`Name a checkpoint`}>
      <TextInput label={t`Checkpoint name`} isRequired {...form.field('name')} placeholder={t`Month 6`} />
      <TextInput type="date" label={t`Due`} {...form.field('dueOn')} />
      <Checkbox isSelected={form.values.postToGradebook} onChange={(v) => form.set('postToGradebook', v)}>
        <Trans>Record completion in the gradebook</Trans>
      </Checkbox>
      <Button type="submit" className="button" isPending={create.isPending}>
        <Trans>Add checkpoint</Trans>
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
        title={t`Edit “${c.name}”`}
        trigger={
          <Button className="button small quiet" aria-label={t`Edit ${c.name}`}>
            <Trans>Edit</Trans>
          </Button>
        }
      >
        {(close) => <EditCheckpoint checkpoint={c} onDone={close} />}
      </ModalDialog>
      <ConfirmDialog
        title={t`Remove “${c.name}”?`}
        trigger={
          <Button className="button small quiet" aria-label={t`Remove ${c.name}`}>
            <Trans>Remove</Trans>
          </Button>
        }
        body={
          <p>
            <Trans>It leaves the list. Evaluations already completed at it are kept, for the record.</Trans>
          </p>
        }
        confirmLabel={t`Remove checkpoint`}
        onConfirm={() => remove.mutate(c.id)}
      />
    </span>
  );
}

function EditCheckpoint({ checkpoint: c, onDone }: { checkpoint: Checkpoint; onDone: () => void }) {
  const update = useUpdateCheckpoint();
  const [name, setName] = useState(c.name);
  const [dueOn, setDueOn] = useState(c.dueOn ?? '');
  // An emptied name is refused here, in the app's words, before the server would in its own.
  const [refused, setRefused] = useState<ReturnType<typeof errorsFrom> | null>(null);
  const submit = () => {
    const r = check(UpdateCheckpoint, { name, dueOn: dueOn || null }, ['name', 'dueOn']);
    if (!r.ok) return setRefused(r.errors);
    setRefused(null);
    update.mutate({ id: c.id, body: r.value }, { onSuccess: onDone });
  };
  const errors = refused ?? (update.error ? errorsFrom(update.error, ['name', 'dueOn']) : { fields: {}, form: null });
  return (
    <Form onSubmit={submit} errors={errors}>
      <TextInput label={t`Name`} value={name} onChange={setName} error={errors.fields.name} isRequired autoFocus />
      <TextInput label={t`Due`} type="date" value={dueOn} onChange={setDueOn} error={errors.fields.dueOn} />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Save</Trans>
        </Button>
      </div>
    </Form>
  );
}
