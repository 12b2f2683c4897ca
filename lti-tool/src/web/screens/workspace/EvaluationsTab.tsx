import { Button } from 'react-aria-components';
import {
  CreateCheckpointEvaluation,
  EvaluationRating,
  mentees,
  type Checkpoint,
  type CheckpointEvaluation,
} from '@mentoring/shared';
import { useCreateEvaluation, useEvaluations } from '../../api/evaluations.ts';
import { useCheckpoints } from '../../api/program.ts';
import { ModalDialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { RadioChoice } from '../../components/RadioChoice.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { formatDate } from '../../lib/dates.ts';
import { ratingLabel } from '../../lib/evaluation.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { evaluatedBy, nameOf } from '../../lib/people.ts';
import { useWorkspace } from './workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDay } from '../../components/Time.tsx';

/**
 * docs/design.md, principle 3: evaluation is a separate record, labelled as such and kept visually apart. Nothing
 * from goals, clips, prompts or notes flows into it.
 */
export function EvaluationsTab() {
  const { partnership: p, can } = useWorkspace();
  const evaluations = useEvaluations(p.id);
  const checkpoints = useCheckpoints();
  const cps = checkpoints.data?.checkpoints ?? [];

  return (
    <div className="tab-content evaluation-zone">
      <div className="evaluation-banner" role="note">
        <p className="evaluation-label">
          <Trans>Checkpoint evaluation — visible to program staff</Trans>
        </p>
        <p>
          <Trans>
            At a few named checkpoints the program asks mentors for a short evaluation. It is seen by both partners and
            by program staff. It is kept apart from your coaching: staff never see goals, clips, prompts, conversations
            or notes.
          </Trans>
        </p>
      </div>
      <div className="section-head">
        <h2>
          <Trans>Evaluations</Trans>
        </h2>
        {can.evaluate && cps.length > 0 && (
          <ModalDialog
            title={t`Checkpoint evaluation`}
            trigger={
              <Button className="button evaluation-button">
                <Trans>Complete an evaluation</Trans>
              </Button>
            }
          >
            {(close) => <EvaluationForm checkpoints={cps} onDone={close} />}
          </ModalDialog>
        )}
      </div>
      {evaluations.isPending || checkpoints.isPending ? (
        <Loading label={t`Loading evaluations…`} />
      ) : evaluations.isError ? (
        <ErrorNotice error={evaluations.error} retry={() => void evaluations.refetch()} />
      ) : (
        <>
          {cps.length > 0 && <CheckpointList checkpoints={cps} evaluations={evaluations.data.evaluations} />}
          {cps.length === 0 && (
            <p className="muted">
              <Trans>
                The program has not named any checkpoints yet. When it does, they appear here with their evaluations.
              </Trans>
            </p>
          )}
        </>
      )}
    </div>
  );
}

function CheckpointList({
  checkpoints,
  evaluations,
}: {
  checkpoints: Checkpoint[];
  evaluations: CheckpointEvaluation[];
}) {
  const { partnership: p, meId } = useWorkspace();
  return (
    <ol className="checkpoints">
      {checkpoints.map((cp) => {
        const done = evaluations.filter((e) => e.checkpointId === cp.id);
        return (
          <li key={cp.id} className="checkpoint">
            <div className="checkpoint-head">
              <h3>
                <bdi>{cp.name}</bdi>
              </h3>
              {cp.dueOn && (
                <span className="muted small">
                  <Trans>due {showDay(cp.dueOn)}</Trans>
                </span>
              )}
            </div>
            {done.length === 0 ? (
              <p className="muted small">
                <Trans>Not evaluated yet.</Trans>
              </p>
            ) : (
              done.map((e) => (
                <div key={e.id} className="evaluation">
                  <p className="evaluation-meta">
                    <strong>{nameOf(p, e.menteeId)}</strong>:{' '}
                    <span className={`rating rating-${e.rating}`}>{ratingLabel(e.rating)}</span>
                    <span className="muted small">
                      {' '}
                      {e.mentorId === meId
                        ? t`· by you, ${formatDate(e.completedAt)}`
                        : evaluatedBy(nameOf(p, e.mentorId), formatDate(e.completedAt))}
                    </span>
                  </p>
                  <p>
                    <bdi>{e.summary}</bdi>
                  </p>
                </div>
              ))
            )}
          </li>
        );
      })}
    </ol>
  );
}

const FIELDS = ['checkpointId', 'menteeId', 'rating', 'summary'];

function EvaluationForm({ checkpoints, onDone }: { checkpoints: Checkpoint[]; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const create = useCreateEvaluation(p.id);
  const people = mentees(p);
  const form = useFormState({
    checkpointId: checkpoints[0]?.id ?? null,
    menteeId: people.length === 1 ? (people[0]?.personId ?? null) : null,
    rating: 'developing' as CheckpointEvaluation['rating'],
    summary: '',
  });
  const submit = () => {
    const r = check(CreateCheckpointEvaluation, form.values, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, FIELDS)) });
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className="evaluation-form">
      <p className="evaluation-label">
        <Trans>Visible to program staff</Trans>
      </p>
      <SelectField
        label={t`Checkpoint`}
        options={checkpoints.map((c) => ({ id: c.id, label: c.name, own: true }))}
        {...form.field('checkpointId')}
      />
      {people.length > 1 && (
        <SelectField
          label={t`Mentee`}
          options={people.map((m) => ({ id: m.personId, label: m.name, own: true }))}
          {...form.field('menteeId')}
        />
      )}
      <RadioChoice
        label={t`Rating`}
        orientation="vertical"
        options={EvaluationRating.options.map((id) => ({ id, label: ratingLabel(id) }))}
        {...form.field('rating')}
      />
      <TextAreaField
        label={t`Summary`}
        isRequired
        rows={5}
        {...form.field('summary')}
        description={t`Written for program staff. Do not copy coaching notes or confidential conversation content here.`}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Submit evaluation</Trans>
        </Button>
      </div>
    </Form>
  );
}
