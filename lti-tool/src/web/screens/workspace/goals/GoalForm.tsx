import { Button } from 'react-aria-components';
import { CreateGoal, UpdateGoal, type Goal } from '@mentoring/shared';
import { useCreateGoal, useUpdateGoal } from '../../../api/goals.ts';
import { TextAreaField, TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { partnersOf } from '../../../lib/people.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const FIELDS = ['title', 'why', 'success', 'coachId'];

/** Writes a new goal, or changes one; in collegial coaching also who coaches it. */
export function GoalForm({ goal, onDone }: { goal?: Goal; onDone: () => void }) {
  const { partnership: p, meId } = useWorkspace();
  const create = useCreateGoal(p.id);
  const update = useUpdateGoal(p.id);
  const notify = useNotify();
  const form = useFormState({
    title: goal?.title ?? '',
    why: goal?.why ?? '',
    success: goal?.success ?? '',
    coachId: goal?.coachId ?? null,
  });
  const collegial = p.kind === 'collegial';
  const coaches = partnersOf(p, meId).map((m) => ({ id: m.personId, label: m.name, own: true }));

  const submit = () => {
    const input = {
      title: form.values.title,
      why: form.values.why,
      success: form.values.success,
      ...(collegial ? { coachId: form.values.coachId } : {}),
    };
    const onError = (e: unknown) => form.setErrors(errorsFrom(e, FIELDS));
    if (goal) {
      const r = check(UpdateGoal, input, FIELDS);
      if (!r.ok) return form.setErrors(r.errors);
      update.mutate({ id: goal.id, body: r.value }, { onSuccess: onDone, onError });
    } else {
      const r = check(CreateGoal, input, FIELDS);
      if (!r.ok) return form.setErrors(r.errors);
      create.mutate(r.value, {
        onSuccess: () => {
          notify({ message: t`Goal set.` });
          onDone();
        },
        onError,
      });
    }
  };

  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextInput
        label={t`Goal`}
        isRequired
        autoFocus
        {...form.field('title')}
        placeholder={t`For example: Lead a staff meeting where teachers do most of the talking`}
      />
      <TextAreaField
        label={t`Why it matters`}
        {...form.field('why')}
        rows={3}
        description={t`To you, your school, your students.`}
      />
      <TextAreaField
        label={t`What success would look like`}
        {...form.field('success')}
        rows={3}
        description={t`How will you know you are getting there?`}
      />
      {collegial && coaches.length > 0 && (
        <SelectField
          label={t`Coached by`}
          options={coaches}
          {...form.field('coachId')}
          placeholder={t`Choose your coach for this goal`}
          description={t`In collegial coaching you switch roles goal by goal.`}
        />
      )}
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending || update.isPending}>
          {goal ? t`Save goal` : t`Set goal`}
        </Button>
      </div>
    </Form>
  );
}
