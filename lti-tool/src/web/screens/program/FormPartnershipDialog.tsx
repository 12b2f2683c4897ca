import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ApiError, CreatePartnership, type PartnershipKind } from '@mentoring/shared';
import { useCreatePartnership } from '../../api/partnerships.ts';
import { useProgramPeople } from '../../api/program.ts';
import { ModalDialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { PeoplePicker, PersonPicker, type PersonOption } from '../../components/PersonPicker.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { RadioChoice } from '../../components/RadioChoice.tsx';
import { useNotify } from '../../components/Toaster.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { joinNames } from '../../lib/people.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const FIELDS = ['kind', 'mentor', 'mentees', 'partners', 'purpose'];

/** The coordinator pairs people: a mentor with one or more mentees, or colleagues for collegial coaching. */
export function FormPartnershipDialog() {
  return (
    <ModalDialog
      title={t`Form a partnership`}
      wide
      trigger={
        <Button className="button primary">
          <Trans>Form a partnership</Trans>
        </Button>
      }
    >
      {(close) => <FormPartnership onDone={close} />}
    </ModalDialog>
  );
}

function FormPartnership({ onDone }: { onDone: () => void }) {
  const roster = useProgramPeople();
  const create = useCreatePartnership();
  const notify = useNotify();
  const form = useFormState({
    kind: 'mentoring' as PartnershipKind,
    mentor: null as string | null,
    mentees: [] as string[],
    partners: [] as string[],
    purpose: '',
  });
  const v = form.values;
  // The tool's warning that these people already share a partnership, until confirmed or changed.
  const [duplicate, setDuplicate] = useState<string | null>(null);

  if (roster.isPending) return <Loading label={t`Loading the roster…`} />;
  if (roster.isError) return <ErrorNotice error={roster.error} retry={() => void roster.refetch()} />;

  const people: PersonOption[] = roster.data.people
    .filter((p) => p.inCourse)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({
      id: p.personId,
      name: p.name,
      detail:
        [p.email, p.programRole === 'staff' ? 'staff' : null, p.partnerships.length ? null : 'unmatched']
          .filter(Boolean)
          .join(' · ') || null,
    }));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;

  const submit = (confirmDuplicate = false) => {
    const members =
      v.kind === 'mentoring'
        ? [
            ...(v.mentor ? [{ personId: v.mentor, role: 'mentor' as const }] : []),
            ...v.mentees.map((id) => ({ personId: id, role: 'mentee' as const })),
          ]
        : // Collegial partners switch roles goal by goal; the stored roles are only a starting point.
          v.partners.map((id, i) => ({ personId: id, role: i === 0 ? ('mentor' as const) : ('mentee' as const) }));
    if (v.kind === 'mentoring' && (!v.mentor || v.mentees.length === 0)) {
      return form.setErrors({
        fields: {
          ...(v.mentor ? {} : { mentor: t`Choose the mentor.` }),
          ...(v.mentees.length ? {} : { mentees: t`Choose at least one mentee.` }),
        },
        form: null,
      });
    }
    if (v.kind === 'collegial' && v.partners.length < 2)
      return form.setErrors({ fields: { partners: t`Choose at least two colleagues.` }, form: null });
    const r = check(
      CreatePartnership,
      { kind: v.kind, members, agreement: v.purpose.trim() ? { purpose: v.purpose } : undefined },
      FIELDS,
    );
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(
      { ...r.value, ...(confirmDuplicate && { confirmDuplicate }) },
      {
        onSuccess: () => {
          notify({ message: t`Partnership formed: ${joinNames(members.map((m) => nameOf(m.personId)))}.` });
          onDone();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) return setDuplicate(e.message);
          form.setErrors(errorsFrom(e, FIELDS));
        },
      },
    );
  };

  if (people.length < 2) {
    return (
      <p>
        <Trans>The roster has fewer than two people. Sync the roster from the LMS first (Roster tab).</Trans>
      </p>
    );
  }

  return (
    <Form
      onSubmit={() => {
        setDuplicate(null);
        submit();
      }}
      errors={form.errors}
    >
      <RadioChoice
        label={t`Kind`}
        {...form.field('kind')}
        options={[
          {
            id: 'mentoring',
            label: t`Mentoring`,
            description: t`An experienced leader mentors one or more new leaders.`,
          },
          {
            id: 'collegial',
            label: t`Collegial coaching`,
            description: t`Peers coach each other, switching roles goal by goal.`,
          },
        ]}
      />
      {v.kind === 'mentoring' ? (
        <div className="two-columns">
          <PersonPicker
            label={t`Mentor`}
            people={people.filter((p) => !v.mentees.includes(p.id))}
            {...form.field('mentor')}
          />
          <PeoplePicker
            label={t`Mentees`}
            people={people.filter((p) => p.id !== v.mentor)}
            {...form.field('mentees')}
            description={t`Add one or more.`}
          />
        </div>
      ) : (
        <PeoplePicker
          label={t`Colleagues`}
          people={people}
          {...form.field('partners')}
          description={t`Add two or more.`}
        />
      )}
      <TextAreaField
        label={t`Purpose`}
        rows={2}
        {...form.field('purpose')}
        description={t`A starting point for their agreement; the partners can change it.`}
      />
      <p className="muted small">
        <Trans>
          The partners see their workspace the next time they open the tool from the course. You will see their
          activity, never their content.
        </Trans>
      </p>
      {duplicate ? (
        <div className="notice warning" role="alert">
          <p>{duplicate}</p>
          <div className="form-actions">
            <Button className="button" onPress={() => setDuplicate(null)}>
              <Trans>Change the members</Trans>
            </Button>
            <Button className="button primary" isPending={create.isPending} onPress={() => submit(true)}>
              <Trans>Form a second partnership</Trans>
            </Button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <Button className="button" onPress={onDone}>
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" className="button primary" isPending={create.isPending}>
            <Trans>Form partnership</Trans>
          </Button>
        </div>
      )}
    </Form>
  );
}
