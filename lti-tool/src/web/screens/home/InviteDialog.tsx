import { Button } from 'react-aria-components';
import { CreatePartnership, type Me, type MemberRole, type PartnershipKind } from '@mentoring/shared';
import { useCreatePartnership } from '../../api/partnerships.ts';
import { useProgramDirectory } from '../../api/program.ts';
import { ModalDialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { RadioChoice } from '../../components/RadioChoice.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { useNotify } from '../../components/Toaster.tsx';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const FIELDS = ['person', 'kind', 'role', 'purpose'];

/** Choosing a partner (docs/design.md, principle 5): the other person accepts or declines. */
export function InviteDialog({ me }: { me: Me }) {
  return (
    <ModalDialog
      title={t`Invite someone`}
      trigger={
        <Button className="button primary">
          <Trans>Invite someone</Trans>
        </Button>
      }
    >
      {(close) => <InviteForm me={me} onDone={close} />}
    </ModalDialog>
  );
}

function InviteForm({ me, onDone }: { me: Me; onDone: () => void }) {
  const directory = useProgramDirectory();
  const create = useCreatePartnership();
  const notify = useNotify();
  const form = useFormState({
    person: null as string | null,
    kind: 'mentoring' as PartnershipKind,
    role: 'mentee' as MemberRole,
    purpose: '',
  });
  const v = form.values;

  const submit = () => {
    if (!v.person) return form.setErrors({ fields: { person: t`Choose the person to invite.` }, form: null });
    // In collegial coaching both are partners, switching coach and coachee goal by goal.
    const myRole: MemberRole = v.kind === 'collegial' ? 'partner' : v.role;
    const theirRole: MemberRole = myRole === 'partner' ? 'partner' : myRole === 'mentor' ? 'mentee' : 'mentor';
    const r = check(
      CreatePartnership,
      {
        kind: v.kind,
        members: [
          { personId: me.person.id, role: myRole },
          { personId: v.person, role: theirRole },
        ],
        agreement: v.purpose.trim() ? { purpose: v.purpose } : undefined,
      },
      FIELDS,
    );
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, {
      onSuccess: () => {
        notify({ message: t`Invitation sent. You will see here when it is answered.` });
        onDone();
      },
      onError: (e) => form.setErrors(errorsFrom(e, FIELDS)),
    });
  };

  if (directory.isPending) return <Loading label={t`Loading the people in your program…`} />;
  if (directory.isError) return <ErrorNotice error={directory.error} retry={() => void directory.refetch()} />;
  const people = directory.data.people.map((p) => ({ id: p.id, name: p.name, detail: p.email }));

  return (
    <Form onSubmit={submit} errors={form.errors}>
      <PersonPicker
        label={t`Person to invite`}
        people={people}
        autoFocus
        {...form.field('person')}
        description={t`Anyone in your program.`}
      />
      <RadioChoice
        label={t`Kind of partnership`}
        {...form.field('kind')}
        options={[
          { id: 'mentoring', label: t`Mentoring`, description: t`One of you mentors the other.` },
          { id: 'collegial', label: t`Collegial coaching`, description: t`Peers who coach each other, goal by goal.` },
        ]}
      />
      {v.kind === 'mentoring' && (
        <RadioChoice
          label={t`Your role`}
          {...form.field('role')}
          options={[
            { id: 'mentee', label: t`I’d like to be mentored` },
            { id: 'mentor', label: t`I’ll be the mentor` },
          ]}
        />
      )}
      <TextAreaField
        label={t`What you hope to work on`}
        {...form.field('purpose')}
        rows={3}
        description={t`Becomes the purpose in your agreement; you can both change it later.`}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Send invitation</Trans>
        </Button>
      </div>
    </Form>
  );
}
