import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ApiError, UpdatePartnership, type Agreement } from '@mentoring/shared';
import { usePartnership, useUpdatePartnership } from '../../api/partnerships.ts';
import { TextAreaField, TextInput } from '../../components/Field.tsx';
import { Folded } from '../../components/Folded.tsx';
import { Form } from '../../components/Form.tsx';
import { useNotify } from '../../components/Toaster.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { shownAgreement } from '../../lib/agreement.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { useWorkspace } from './workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const FIELDS = ['purpose', 'meetingCadence', 'confidentiality'];

/**
 * What the partners agreed: purpose, how often they meet, and how they keep it confidential. Both may
 * edit. Folded, so that in a short LMS frame the tabs and their work come first.
 */
export function AgreementPanel() {
  const { partnership: p, can } = useWorkspace();
  const [editing, setEditing] = useState(false);
  const a = shownAgreement(p.agreement);
  return (
    <Folded level={2} className="agreement" title={t`Our agreement`}>
      {editing ? (
        <AgreementForm agreement={a} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="agreement-terms">
            <div>
              <dt>
                <Trans>Purpose</Trans>
              </dt>
              <dd dir="auto">
                {a.purpose || (
                  <span className="muted">
                    <Trans>Not written yet.</Trans>{' '}
                    {can.write ? t`Say in a sentence what this partnership is for.` : ''}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>
                <Trans>We meet</Trans>
              </dt>
              <dd dir="auto">
                {a.meetingCadence || (
                  <span className="muted">
                    <Trans>Not agreed yet</Trans>
                  </span>
                )}
              </dd>
            </div>
            <div className="wide">
              <dt>
                <Trans>Confidentiality</Trans>
              </dt>
              <dd dir="auto">
                {a.confidentiality || (
                  <span className="muted">
                    <Trans>Not agreed yet</Trans>
                  </span>
                )}
              </dd>
            </div>
          </dl>
          {can.write && (
            <Button className="button quiet small" onPress={() => setEditing(true)}>
              <Trans>Edit agreement</Trans>
            </Button>
          )}
        </>
      )}
    </Folded>
  );
}

function AgreementForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const update = useUpdatePartnership(p.id);
  const refetch = usePartnership(p.id);
  const notify = useNotify();
  const form = useFormState({ ...agreement });
  // The version this edit started from; a partner's save in between is shown, never overwritten unseen.
  const [base, setBase] = useState(p.agreementVersion);
  const [theirs, setTheirs] = useState<Agreement | null>(null);
  const submit = () => {
    const r = check(UpdatePartnership, { agreement: form.values, agreementVersion: base }, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(r.value, {
      onSuccess: () => {
        notify({ message: t`Agreement saved.` });
        onDone();
      },
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 409)) return form.setErrors(errorsFrom(e, FIELDS));
        void refetch.refetch().then(({ data }) => {
          if (!data) return;
          setTheirs(shownAgreement(data.agreement));
          setBase(data.agreementVersion);
        });
      },
    });
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      {theirs && (
        <div className="notice" role="alert">
          <p>
            <Trans>Your partner changed the agreement while you were editing. Their version:</Trans>
          </p>
          <dl className="agreement-theirs">
            <dt>
              <Trans>Purpose</Trans>
            </dt>
            <dd dir="auto">{theirs.purpose || '—'}</dd>
            <dt>
              <Trans>We meet</Trans>
            </dt>
            <dd dir="auto">{theirs.meetingCadence || '—'}</dd>
            <dt>
              <Trans>Confidentiality</Trans>
            </dt>
            <dd dir="auto">{theirs.confidentiality || '—'}</dd>
          </dl>
          <p>
            <Trans>Your text is kept below: save to replace theirs, or change it first.</Trans>
          </p>
        </div>
      )}
      <TextAreaField
        label={t`Purpose`}
        {...form.field('purpose')}
        rows={2}
        autoFocus
        description={t`What this partnership is for, in the mentee’s words.`}
      />
      <TextInput
        label={t`We meet`}
        {...form.field('meetingCadence')}
        description={t`For example: every two weeks, 45 minutes, online.`}
      />
      <TextAreaField label={t`Confidentiality`} {...form.field('confidentiality')} rows={3} />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Save agreement</Trans>
        </Button>
      </div>
    </Form>
  );
}
