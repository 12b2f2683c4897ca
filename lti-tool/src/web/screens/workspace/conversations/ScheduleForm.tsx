import { Button } from 'react-aria-components';
import { CreateConversation } from '@mentoring/shared';
import { useCreateConversation } from '../../../api/conversations.ts';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { fromDateTimeLocal, suggestNextConversation } from '../../../lib/dates.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';

const FIELDS = ['scheduledFor'];

/** Schedules a conversation at a local date and time. */
export function ScheduleForm({ onDone, compact }: { onDone?: () => void; compact?: boolean }) {
  const { partnership: p } = useWorkspace();
  const create = useCreateConversation(p.id);
  const notify = useNotify();
  const form = useFormState({ scheduledFor: suggestNextConversation(7) });
  const submit = () => {
    const when = fromDateTimeLocal(form.values.scheduledFor);
    if (!when) return form.setErrors({ fields: { scheduledFor: 'Choose a date and a time.' }, form: null });
    const r = check(CreateConversation, { scheduledFor: when }, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, {
      onSuccess: () => {
        notify({ message: 'Conversation scheduled.' });
        onDone?.();
      },
      onError: (e) => form.setErrors(errorsFrom(e, FIELDS)),
    });
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className={compact ? 'inline-form' : undefined}>
      <TextInput type="datetime-local" label="Date and time" isRequired {...form.field('scheduledFor')} />
      <div className="form-actions">
        {onDone && (
          <Button className="button" onPress={onDone}>
            Cancel
          </Button>
        )}
        <Button type="submit" className="button primary" isPending={create.isPending}>
          Schedule
        </Button>
      </div>
    </Form>
  );
}
