import { i18n } from '@lingui/core';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { defaultHeldAt, heldAtProblem, intlLocale, UpdateConversation, type Conversation } from '@mentoring/shared';
import { useCancelConversation, useUpdateConversation } from '../../../api/conversations.ts';
import { useConversationIcs } from '../../../api/lifecycle.ts';
import { ConfirmDialog, ModalDialog } from '../../../components/Dialog.tsx';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import type { AgendaLookup } from '../../../lib/agenda.ts';
import { formatDateTime, fromDateTimeLocal, toDateTimeLocal } from '../../../lib/dates.ts';
import { saveTextFile } from '../../../lib/download.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { AgendaEditor, AgendaView } from './AgendaEditor.tsx';
import { CarriedCommitments, Commitments } from './Commitments.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDateTime, showRelative } from '../../../components/Time.tsx';

/** One conversation: agenda, notes (shared and private), commitments, and marking it held. */
export function ConversationCard({
  conversation: c,
  lookup,
  carriedFrom,
  bare,
}: {
  conversation: Conversation;
  lookup: AgendaLookup;
  carriedFrom?: Conversation | undefined;
  bare?: boolean;
}) {
  const { partnership: p, can } = useWorkspace();
  const update = useUpdateConversation(p.id);
  const cancel = useCancelConversation(p.id);
  const notify = useNotify();
  const [rescheduling, setRescheduling] = useState(false);
  const past = Date.parse(c.scheduledFor) < Date.now();

  const ics = useConversationIcs();
  const when = c.heldAt ?? c.scheduledFor;

  return (
    <article
      className={bare ? 'conversation bare' : 'card conversation'}
      aria-label={t`Conversation on ${formatDateTime(when)}`}
    >
      {!bare && (
        <header className="conversation-head">
          <div>
            <p className="card-kicker">
              {c.heldAt ? (
                <span className="badge ok">
                  <Trans>Held</Trans>
                </span>
              ) : (
                <span className="badge accent">{past ? t`Waiting to be marked held` : t`Next conversation`}</span>
              )}
            </p>
            <h3>
              {showDateTime(when)} <span className="muted small">({showRelative(when)})</span>
            </h3>
            <ConversationDetails conversation={c} />
          </div>
          {can.write && !c.heldAt && (
            <div className="conversation-tools">
              <Button
                className="button small quiet"
                onPress={() => setRescheduling((r) => !r)}
                aria-expanded={rescheduling}
              >
                <Trans>Change time</Trans>
              </Button>
              <Button
                className="button small quiet"
                isPending={ics.isPending}
                onPress={() =>
                  ics.mutate(c.id, {
                    onSuccess: (text) =>
                      saveTextFile(text, `conversation-${c.scheduledFor.slice(0, 10)}.ics`, 'text/calendar'),
                  })
                }
              >
                <Trans>Add to calendar</Trans>
              </Button>
              <ModalDialog
                title={t`When was it held?`}
                trigger={
                  <Button className="button small">
                    <Trans>Mark as held</Trans>
                  </Button>
                }
              >
                {(close) => (
                  <HeldForm
                    conversation={c}
                    onDone={() => {
                      close();
                      notify({ message: t`Conversation marked as held.` });
                    }}
                    onCancel={close}
                  />
                )}
              </ModalDialog>
              <ConfirmDialog
                title={t`Cancel this conversation?`}
                trigger={
                  <Button className="button small quiet danger-text" isPending={cancel.isPending}>
                    <Trans>Cancel conversation</Trans>
                  </Button>
                }
                body={
                  <p>
                    <Trans>It is removed, and your partner is told.</Trans>
                  </p>
                }
                confirmLabel={t`Cancel conversation`}
                dismissLabel={t`Keep it`}
                onConfirm={() =>
                  cancel.mutate(c.id, { onSuccess: () => notify({ message: t`Conversation cancelled.` }) })
                }
              />
            </div>
          )}
        </header>
      )}
      {rescheduling && <RescheduleForm conversation={c} onDone={() => setRescheduling(false)} />}
      {update.isError && <ErrorNotice error={update.error} />}
      {cancel.isError && <ErrorNotice error={cancel.error} />}
      {ics.isError && <ErrorNotice error={ics.error} />}

      {carriedFrom && carriedFrom.commitments.length > 0 && <CarriedCommitments from={carriedFrom} lookup={lookup} />}

      <section className="conversation-part" aria-label={t`Agenda`}>
        <h4>
          <Trans>Agenda</Trans>{' '}
          {can.setAgenda && !c.heldAt && (
            <span className="muted small">
              <Trans>· yours to set and order</Trans>
            </span>
          )}
        </h4>
        {can.setAgenda && !c.heldAt ? (
          <AgendaEditor conversation={c} lookup={lookup} />
        ) : (
          <AgendaView agenda={c.agenda} lookup={lookup} />
        )}
      </section>

      <div className="notes-grid">
        <NotesEditor conversation={c} which="sharedNotes" />
        <NotesEditor conversation={c} which="privateNote" />
      </div>

      <Commitments conversation={c} lookup={lookup} />
    </article>
  );
}

function RescheduleForm({ conversation: c, onDone }: { conversation: Conversation; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const update = useUpdateConversation(p.id);
  const form = useFormState({ scheduledFor: toDateTimeLocal(c.scheduledFor) });
  const submit = () => {
    const when = fromDateTimeLocal(form.values.scheduledFor);
    if (!when) return form.setErrors({ fields: { scheduledFor: t`Choose a date and a time.` }, form: null });
    const r = check(UpdateConversation, { scheduledFor: when }, ['scheduledFor']);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(
      { id: c.id, body: r.value },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['scheduledFor'])) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className="inline-form">
      <TextInput
        type="datetime-local"
        label={t`New date and time`}
        isRequired
        autoFocus
        {...form.field('scheduledFor')}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Save time</Trans>
        </Button>
      </div>
    </Form>
  );
}

/** Length, place and video link, and the time zone the time was set in when it is not the reader's. */
function ConversationDetails({ conversation: c }: { conversation: Conversation }) {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = c.timeZone ?? '';
  const inZone = c.timeZone
    ? new Intl.DateTimeFormat(intlLocale(i18n.locale), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: c.timeZone,
      }).format(new Date(c.scheduledFor))
    : '';
  return (
    <p className="muted small conversation-details">
      {plural(c.durationMinutes, { one: '# minute', other: '# minutes' })}
      {c.place && <> · {c.place}</>}
      {c.videoUrl && (
        <>
          {' '}
          ·{' '}
          <a href={c.videoUrl} target="_blank" rel="noreferrer">
            <Trans>Video link</Trans>
          </a>
        </>
      )}
      {c.timeZone && c.timeZone !== here && (
        <>
          {' · '}
          {t`set in ${zone}: ${inZone}`}
        </>
      )}
    </p>
  );
}

/** Asks when it was held: the scheduled time if it has passed, else now; never later than now. */
function HeldForm({
  conversation: c,
  onDone,
  onCancel,
}: {
  conversation: Conversation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { partnership: p } = useWorkspace();
  const update = useUpdateConversation(p.id);
  const form = useFormState({ heldAt: toDateTimeLocal(defaultHeldAt(c.scheduledFor).toISOString()) });
  const submit = () => {
    const heldAt = fromDateTimeLocal(form.values.heldAt);
    if (!heldAt) return form.setErrors({ fields: { heldAt: t`Choose a date and a time.` }, form: null });
    if (heldAtProblem(heldAt))
      return form.setErrors({ fields: { heldAt: t`The time must not be later than now.` }, form: null });
    update.mutate(
      { id: c.id, body: { held: true, heldAt } },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['heldAt'])) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextInput
        type="datetime-local"
        label={t`Held on`}
        isRequired
        autoFocus
        description={t`This date is used everywhere: the held list, the program’s activity, and “new since the last conversation”.`}
        {...form.field('heldAt')}
      />
      <div className="form-actions">
        <Button className="button" onPress={onCancel}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Mark as held</Trans>
        </Button>
      </div>
    </Form>
  );
}
