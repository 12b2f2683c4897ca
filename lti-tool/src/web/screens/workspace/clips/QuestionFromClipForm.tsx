import { Button } from 'react-aria-components';
import { CreatePrompt, type Clip } from '@mentoring/shared';
import { usePromptFromClip } from '../../../api/clips.ts';
import { TextAreaField } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const FIELDS = ['question'];

/** The mentor-coach asks rather than tells: a passage becomes a reflection prompt for the mentee. */
export function QuestionFromClipForm({ clip, onDone }: { clip: Clip; onDone: () => void }) {
  const { partnership: p, meId } = useWorkspace();
  const make = usePromptFromClip(p.id, meId);
  const notify = useNotify();
  const form = useFormState({ question: '' });
  const submit = () => {
    const r = check(CreatePrompt.pick({ question: true }), form.values, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    make.mutate(
      { clipId: clip.id, question: r.value.question },
      {
        onSuccess: () => {
          notify({ message: t`Question added to Prompts.` });
          onDone();
        },
        onError: (e) => form.setErrors(errorsFrom(e, FIELDS)),
      },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <blockquote dir="auto" className="clip-quote small">
        {clip.quote}
      </blockquote>
      <TextAreaField
        label={t`Question for reflection`}
        isRequired
        autoFocus
        rows={3}
        {...form.field('question')}
        description={t`An open question works best: what, how, what if…`}
        placeholder={t`What does this passage suggest about how you run your leadership team?`}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={make.isPending}>
          <Trans>Add question</Trans>
        </Button>
      </div>
    </Form>
  );
}
