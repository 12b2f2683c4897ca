import { Button } from 'react-aria-components';
import { CreateConversation } from '@mentoring/shared';
import { useCreateConversation } from '../../../api/conversations.ts';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { fromDateTimeLocal, suggestNextConversation } from '../../../lib/dates.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const LENGTHS = [30, 45, 60, 90, 120];

const FIELDS = ['scheduledFor', 'durationMinutes', 'place', 'videoUrl'];

/** Schedules a conversation at a local date and time. */
export function ScheduleForm({ onDone, compact }: { onDone?: () => void; compact?: boolean }) {
  const { partnership: p } = useWorkspace();
  const create = useCreateConversation(p.id);
  const notify = useNotify();
  const form = useFormState({
    scheduledFor: suggestNextConversation(7),
    durationMinutes: '60',
    place: '',
    videoUrl: '',
  });
  const v = form.values;
  const submit = () => {
    const when = fromDateTimeLocal(v.scheduledFor);
    if (!when) return form.setErrors({ fields: { scheduledFor: t`Choose a date and a time.` }, form: null });
    const r = check(
      CreateConversation,
      {
        scheduledFor: when,
        durationMinutes: Number(v.durationMinutes) || 60,
        place: v.place,
        videoUrl: v.videoUrl.trim() || null,
        // The person's own time zone, so their partner sees the time as it was meant.
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      FIELDS,
    );
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, {
      onSuccess: () => {
        notify({ message: t`Conversation scheduled.` });
        onDone?.();
      },
      onError: (e) => form.setErrors(errorsFrom(e, FIELDS)),
    });
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className={compact ? 'inline-form' : undefined}>
      <TextInput type="datetime-local" label={t`Date and time`} isRequired {...form.field('scheduledFor')} />
      {!compact && (
        <>
          <SelectField
            label={t`Length`}
            options={LENGTHS.map((m) => ({ id: String(m), label: plural(m, { one: '# minute', other: '# minutes' }) }))}
            value={v.durationMinutes}
            onChange={(m) => form.set('durationMinutes', m ?? '60')}
            error={form.errors.fields.durationMinutes}
          />
          <TextInput label={t`Place`} {...form.field('place')} description={t`A room, a school, or leave empty.`} />
          <TextInput
            type="url"
            label={t`Video link`}
            {...form.field('videoUrl')}
            description={t`An https:// address.`}
          />
        </>
      )}
      <div className="form-actions">
        {onDone && (
          <Button className="button" onPress={onDone}>
            <Trans>Cancel</Trans>
          </Button>
        )}
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Schedule</Trans>
        </Button>
      </div>
    </Form>
  );
}
