import { useState } from 'react';
import { Button, FieldError, Group, Input, Label, NumberField } from 'react-aria-components';
import { ProgramSettings, type PartnershipActivity } from '@mentoring/shared';
import { useProgramActivity, useUpdateProgramSettings } from '../../api/program.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Form } from '../../components/Form.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useNotify } from '../../components/Toaster.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { formatDate, formatRelative } from '../../lib/dates.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { FormPartnershipDialog } from './FormPartnershipDialog.tsx';
import { PartnershipActions } from './PartnershipActions.tsx';

const STATUS: Record<PartnershipActivity['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  invited: 'Invitation open',
  declined: 'Declined',
  closed: 'Closed',
};

/** Quiet ones first: they are the reason to look. */
function byAttention(a: PartnershipActivity, b: PartnershipActivity): number {
  if (a.quiet !== b.quiet) return a.quiet ? -1 : 1;
  return (a.lastConversationAt ?? a.createdAt).localeCompare(b.lastConversationAt ?? b.createdAt);
}

/** Every partnership's activity: members, last and next conversation, counts of the last 30 days. */
export function ActivityPanel() {
  const activity = useProgramActivity();
  const [quietOnly, setQuietOnly] = useState(false);

  if (activity.isPending) return <Loading label="Loading activity…" />;
  if (activity.isError) return <ErrorNotice error={activity.error} retry={() => void activity.refetch()} />;

  const all = activity.data.partnerships;
  const quiet = all.filter((a) => a.quiet).length;
  const shown = (quietOnly ? all.filter((a) => a.quiet) : all).sort(byAttention);

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>Partnerships</h2>
        <QuietSetting days={activity.data.quietAfterDays} />
      </div>
      {all.length === 0 ? (
        <EmptyState title="No partnerships yet" action={<FormPartnershipDialog />}>
          <p>
            Form mentoring partnerships from the roster, or let participants invite each other. Their activity shows
            here: dates and counts, never content.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="table-tools">
            <p>
              {all.length} partnership{all.length === 1 ? '' : 's'}
              {quiet > 0 && (
                <>
                  , <strong>{quiet} quiet</strong> (no conversation in {activity.data.quietAfterDays} days and none
                  scheduled)
                </>
              )}
              .
            </p>
            <Checkbox isSelected={quietOnly} onChange={setQuietOnly}>
              Show only quiet partnerships
            </Checkbox>
          </div>
          <TableWrap label="Partnership activity, scrollable">
            <table className="table">
              <caption className="visually-hidden">Partnership activity</caption>
              <thead>
                <tr>
                  <th scope="col">Members</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last conversation</th>
                  <th scope="col">Next conversation</th>
                  <th scope="col">
                    Last 30 days
                    <span className="th-note">clips · prompts · conversations held</span>
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={a.partnershipId} className={a.quiet ? 'quiet-row' : undefined}>
                    <th scope="row">
                      <Members activity={a} />
                    </th>
                    <td>
                      {STATUS[a.status]}
                      {a.quiet && <span className="badge quiet">Quiet</span>}
                    </td>
                    <td>
                      {a.lastConversationAt ? (
                        <span title={formatDate(a.lastConversationAt)}>{formatRelative(a.lastConversationAt)}</span>
                      ) : (
                        <span className="muted">None yet</span>
                      )}
                    </td>
                    <td>
                      {a.nextConversationAt ? (
                        formatDate(a.nextConversationAt)
                      ) : (
                        <span className="muted">Not scheduled</span>
                      )}
                    </td>
                    <td className="counts">
                      <span aria-label={`${a.last30Days.clips} clips`}>{a.last30Days.clips}</span> ·{' '}
                      <span aria-label={`${a.last30Days.prompts} prompts`}>{a.last30Days.prompts}</span> ·{' '}
                      <span aria-label={`${a.last30Days.conversations} conversations held`}>
                        {a.last30Days.conversations}
                      </span>
                    </td>
                    <td>
                      <PartnershipActions activity={a} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </div>
  );
}

function Members({ activity: a }: { activity: PartnershipActivity }) {
  if (a.kind === 'collegial') {
    return (
      <span className="members-cell">
        {a.members.map((m) => m.name).join(' & ')}
        <span className="muted small">Collegial coaching</span>
      </span>
    );
  }
  const mentors = a.members.filter((m) => m.role === 'mentor').map((m) => m.name);
  const mentees = a.members.filter((m) => m.role === 'mentee').map((m) => m.name);
  return (
    <span className="members-cell">
      <span>
        {mentors.join(', ')} <span aria-hidden="true">→</span>
        <span className="visually-hidden">mentoring</span> {mentees.join(', ')}
      </span>
      <span className="muted small">Mentor → mentee{mentees.length > 1 ? 's' : ''}</span>
    </span>
  );
}

/** When a partnership counts as quiet: days without a conversation, with none scheduled. */
function QuietSetting({ days }: { days: number }) {
  const update = useUpdateProgramSettings();
  const notify = useNotify();
  const form = useFormState({ quietAfterDays: days });
  const submit = () => {
    const r = check(ProgramSettings, form.values, ['quietAfterDays']);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(r.value, {
      onSuccess: () => notify({ message: `Partnerships now count as quiet after ${r.value.quietAfterDays} days.` }),
      onError: (e) => form.setErrors(errorsFrom(e, ['quietAfterDays'])),
    });
  };
  const error = form.errors.fields.quietAfterDays;
  return (
    <Form onSubmit={submit} errors={form.errors} className="inline-form quiet-setting" label="Quiet after">
      <NumberField
        className="field number"
        value={form.values.quietAfterDays}
        onChange={(v) => form.set('quietAfterDays', Number.isNaN(v) ? 0 : v)}
        minValue={1}
        maxValue={365}
        isInvalid={!!error}
        validationBehavior="aria"
      >
        <Label>Quiet after (days)</Label>
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
        Save
      </Button>
    </Form>
  );
}
