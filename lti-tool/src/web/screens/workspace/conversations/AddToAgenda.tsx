import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { AgendaItem as AgendaItemSchema, type AgendaItem } from '@mentoring/shared';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { SelectField, type OptionSection } from '../../../components/SelectField.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { addToAgenda, isOnAgenda, type AgendaLookup } from '../../../lib/agenda.ts';
import { check } from '../../../lib/formErrors.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const shorten = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);

/** Adds a goal, clip or prompt not yet on the agenda, or a topic in the mentee's own words. */
export function AddToAgenda({
  items,
  lookup,
  onAdd,
}: {
  items: AgendaItem[];
  lookup: AgendaLookup;
  onAdd: (agenda: AgendaItem[]) => void;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const free = useFormState({ text: '' });

  const candidates: { id: string; item: AgendaItem; label: string }[] = [
    ...lookup.goals
      .filter((g) => g.status === 'active')
      .map((g) => ({ id: `goal:${g.id}`, item: { kind: 'goal', goalId: g.id } as AgendaItem, label: g.title })),
    ...lookup.clips.map((c) => ({
      id: `clip:${c.id}`,
      item: { kind: 'clip', clipId: c.id } as AgendaItem,
      label: t`“${shorten(c.quote)}”`,
    })),
    ...lookup.prompts
      .filter((p) => p.status !== 'discussed')
      .map((p) => ({
        id: `prompt:${p.id}`,
        item: { kind: 'prompt', promptId: p.id } as AgendaItem,
        label: shorten(p.question),
      })),
  ].filter((c) => !isOnAgenda(items, c.item));

  const section = (title: string, prefix: string): OptionSection => ({
    title,
    options: candidates.filter((c) => c.id.startsWith(prefix)).map((c) => ({ id: c.id, label: c.label, own: true })),
  });

  const addChosen = () => {
    const c = candidates.find((x) => x.id === choice);
    if (!c) return;
    onAdd(addToAgenda(items, c.item));
    setChoice(null);
    // The pressed button is disabled now (nothing chosen): keyboard users go on from the choice, or
    // from the topic field once everything is on the agenda, instead of from the top of the page.
    requestAnimationFrame(() => box.current?.querySelector<HTMLElement>('.select-button, input')?.focus());
  };

  const addFree = () => {
    const r = check(AgendaItemSchema, { kind: 'free', text: free.values.text }, ['text']);
    if (!r.ok) return free.setErrors(r.errors);
    onAdd(addToAgenda(items, r.value));
    free.reset();
  };

  return (
    <div className="add-to-agenda" ref={box}>
      {candidates.length > 0 && (
        <div className="inline-form">
          <SelectField
            className="grow"
            label={t`Add from your workspace`}
            value={choice}
            onChange={setChoice}
            placeholder={t`Choose a goal, clip or prompt`}
            sections={[section(t`Goals`, 'goal:'), section(t`Clips`, 'clip:'), section(t`Prompts`, 'prompt:')]}
          />
          <Button className="button" isDisabled={!choice} onPress={addChosen}>
            <Trans>Add to agenda</Trans>
          </Button>
        </div>
      )}
      <Form onSubmit={addFree} errors={free.errors} className="inline-form" label={t`Add a topic`}>
        <TextInput
          label={t`Or a topic in your own words`}
          className="grow"
          markOptional={false}
          {...free.field('text')}
          placeholder={t`For example: a difficult conversation with a parent`}
        />
        <Button type="submit" className="button">
          <Trans>Add topic</Trans>
        </Button>
      </Form>
    </div>
  );
}
