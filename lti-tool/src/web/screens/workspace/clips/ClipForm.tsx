import { useState } from 'react';
import { Button } from 'react-aria-components';
import { CreateClip, UpdateClip, limitQuote, type Clip, type Goal } from '@mentoring/shared';
import { useCreateClip, useUpdateClip } from '../../../api/clips.ts';
import { CheckboxList } from '../../../components/Checkbox.tsx';
import { TextAreaField, TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { formatTags, parseTags } from '../../../lib/tags.ts';
import { uuid } from '../../../lib/uuid.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const NEW_FIELDS = ['url', 'title', 'quote', 'note', 'tags', 'goalIds', 'newPrompt'];
const EDIT_FIELDS = ['note', 'tags', 'goalIds'];

const goalOptions = (goals: readonly Goal[], keep: readonly string[] = []) =>
  goals
    .filter((g) => g.status === 'active' || keep.includes(g.id))
    .map((g) => ({ id: g.id, label: <bdi>{g.title}</bdi> }));

/**
 * Adds a passage by hand (pasted from a reading), for when the browser extension is not at hand.
 * The clip's id is made once per form, so sending again after a failure never makes a second clip.
 */
export function ClipNewForm({ goals, onDone }: { goals: readonly Goal[]; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const create = useCreateClip(p.id);
  const notify = useNotify();
  const [id] = useState(uuid);
  const form = useFormState({
    url: '',
    title: '',
    quote: '',
    note: '',
    tags: '',
    goalIds: [] as string[],
    question: '',
  });
  const v = form.values;
  const cut = limitQuote(v.quote);

  const submit = () => {
    const r = check(
      CreateClip,
      {
        id,
        url: v.url,
        title: v.title,
        quote: cut.quote,
        note: v.note,
        tags: parseTags(v.tags),
        goalIds: v.goalIds,
        newPrompt: v.question.trim() ? { question: v.question } : undefined,
      },
      NEW_FIELDS,
    );
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, {
      onSuccess: () => {
        notify({ message: v.question.trim() ? t`Clip added, with its question in Prompts.` : t`Clip added.` });
        onDone();
      },
      onError: (e) => form.setErrors(errorsFrom(e, NEW_FIELDS)),
    });
  };

  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextInput
        type="url"
        label={t`Address of the reading`}
        isRequired
        autoFocus
        {...form.field('url')}
        placeholder={t`https://`}
      />
      <TextInput label={t`Title`} {...form.field('title')} description={t`The article’s or chapter’s title.`} />
      <TextAreaField
        label={t`Passage`}
        isRequired
        rows={5}
        {...form.field('quote')}
        description={cut.notice ?? t`Paste the words exactly as written.`}
      />
      <TextAreaField
        label={t`Your note`}
        rows={3}
        {...form.field('note')}
        description={t`Why this passage caught your attention.`}
      />
      <TextInput
        label={t`Tags`}
        {...form.field('tags')}
        description={t`Separate tags with commas, for example: feedback, staff meetings.`}
      />
      {goals.length > 0 && (
        <CheckboxList label={t`File under goals`} options={goalOptions(goals)} {...form.field('goalIds')} />
      )}
      <TextAreaField
        label={t`Also ask it as a reflection question`}
        rows={2}
        {...form.field('question')}
        description={t`Adds a prompt made from this passage.`}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Add clip</Trans>
        </Button>
      </div>
    </Form>
  );
}

/** The clipper changes their note, tags and goals; the passage itself stays as it was read. */
export function ClipEditForm({ clip, goals, onDone }: { clip: Clip; goals: readonly Goal[]; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const update = useUpdateClip(p.id);
  const form = useFormState({ note: clip.note, tags: formatTags(clip.tags), goalIds: clip.goalIds });
  const submit = () => {
    const r = check(
      UpdateClip,
      { note: form.values.note, tags: parseTags(form.values.tags), goalIds: form.values.goalIds },
      EDIT_FIELDS,
    );
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(
      { id: clip.id, body: r.value },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, EDIT_FIELDS)) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <blockquote dir="auto" className="clip-quote small">
        {clip.quote}
      </blockquote>
      <TextAreaField label={t`Your note`} rows={3} autoFocus {...form.field('note')} />
      <TextInput label={t`Tags`} {...form.field('tags')} description={t`Separate tags with commas.`} />
      {goals.length > 0 && (
        <CheckboxList
          label={t`File under goals`}
          options={goalOptions(goals, clip.goalIds)}
          {...form.field('goalIds')}
        />
      )}
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Save clip</Trans>
        </Button>
      </div>
    </Form>
  );
}
