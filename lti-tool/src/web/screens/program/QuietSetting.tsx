import { Button, FieldError, Group, Input, Label, NumberField } from 'react-aria-components';
import { ProgramSettings } from '@mentoring/shared';
import { useUpdateProgramSettings } from '../../api/program.ts';
import { Form } from '../../components/Form.tsx';
import { useNotify } from '../../components/Toaster.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/** When a partnership counts as quiet: days without a conversation, with none scheduled. */
export function QuietSetting({ days }: { days: number }) {
  const update = useUpdateProgramSettings();
  const notify = useNotify();
  const form = useFormState({ quietAfterDays: days });
  const submit = () => {
    const r = check(ProgramSettings, form.values, ['quietAfterDays']);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(r.value, {
      onSuccess: () =>
        notify({
          message: plural(r.value.quietAfterDays, {
            one: 'Partnerships now count as quiet after # day.',
            other: 'Partnerships now count as quiet after # days.',
          }),
        }),
      onError: (e) => form.setErrors(errorsFrom(e, ['quietAfterDays'])),
    });
  };
  const error = form.errors.fields.quietAfterDays;
  return (
    <Form onSubmit={submit} errors={form.errors} className="inline-form quiet-setting" label={t`Quiet after`}>
      <NumberField
        className="field number"
        value={form.values.quietAfterDays}
        onChange={(v) => form.set('quietAfterDays', Number.isNaN(v) ? 0 : v)}
        minValue={1}
        maxValue={365}
        isInvalid={!!error}
        validationBehavior="aria"
      >
        <Label>
          <Trans>Quiet after (days)</Trans>
        </Label>
        <Group className="number-group">
          <Input />
        </Group>
        <FieldError>{error}</FieldError>
      </NumberField>
      <Button
        type="submit"
        className="button"
        isPending={update.isPending}
        isDisabled={form.values.quietAfterDays === days}
      >
        <Trans>Save</Trans>
      </Button>
    </Form>
  );
}
