import { useState } from 'react';
import { Button } from 'react-aria-components';
import { defaultHeldAt, heldAtProblem, UpdateConversation, type Conversation } from '@mentoring/shared';
import { useCancelConversation, useUpdateConversation } from '../../../api/conversations.ts';
import { useConversationIcs } from '../../../api/lifecycle.ts';
import { ConfirmDialog, ModalDialog } from '../../../components/Dialog.tsx';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import type { AgendaLookup } from '../../../lib/agenda.ts';
import { formatDateTime, formatRelative, fromDateTimeLocal, toDateTimeLocal } from '../../../lib/dates.ts';
import { saveTextFile } from '../../../lib/download.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { AgendaEditor, AgendaView } from './AgendaEditor.tsx';
import { CarriedCommitments, Commitments } from './Commitments.tsx';
import { NotesEditor } from './NotesEditor.tsx';

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
      aria-label={`Conversation on ${formatDateTime(when)}`}
    >
      {!bare && (
        <header className="conversation-head">
          <div>
            <p className="card-kicker">
              {c.heldAt ? (
                <span className="badge ok">Held</span>
              ) : (
                <span className="badge accent">{past ? 'Waiting to be marked held' : 'Next conversation'}</span>
              )}
            </p>
            <h3>
              {formatDateTime(when)} <span className="muted small">({formatRelative(when)})</span>
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
                Change time
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
                Add to calendar
              </Button>
              <ModalDialog title="When was it held?" trigger={<Button className="button small">Mark as held</Button>}>
                {(close) => (
                  <HeldForm
                    conversation={c}
                    onDone={() => {
                      close();
                      notify({ message: 'Conversation marked as held.' });
                    }}
                    onCancel={close}
                  />
                )}
              </ModalDialog>
              <ConfirmDialog
                title="Cancel this conversation?"
                trigger={
                  <Button className="button small quiet danger-text" isPending={cancel.isPending}>
                    Cancel conversation
                  </Button>
                }
                body={<p>It is removed, and your partner is told.</p>}
                confirmLabel="Cancel conversation"
                dismissLabel="Keep it"
                onConfirm={() =>
                  cancel.mutate(c.id, { onSuccess: () => notify({ message: 'Conversation cancelled.' }) })
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

      <section className="conversation-part" aria-label="Agenda">
        <h4>Agenda {can.setAgenda && !c.heldAt && <span className="muted small">· yours to set and order</span>}</h4>
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
    if (!when) return form.setErrors({ fields: { scheduledFor: 'Choose a date and a time.' }, form: null });
    const r = check(UpdateConversation, { scheduledFor: when }, ['scheduledFor']);
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(
      { id: c.id, body: r.value },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['scheduledFor'])) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors} className="inline-form">
      <TextInput type="datetime-local" label="New date and time" isRequired autoFocus {...form.field('scheduledFor')} />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          Cancel
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          Save time
        </Button>
      </div>
    </Form>
  );
}

/** Length, place and video link, and the time zone the time was set in when it is not the reader's. */
function ConversationDetails({ conversation: c }: { conversation: Conversation }) {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <p className="muted small conversation-details">
      {c.durationMinutes} minutes
      {c.place && <> · {c.place}</>}
      {c.videoUrl && (
        <>
          {' '}
          ·{' '}
          <a href={c.videoUrl} target="_blank" rel="noreferrer">
            Video link
          </a>
        </>
      )}
      {c.timeZone && c.timeZone !== here && (
        <>
          {' '}
          · set in {c.timeZone}:{' '}
          {new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: c.timeZone }).format(
            new Date(c.scheduledFor),
          )}
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
    if (!heldAt) return form.setErrors({ fields: { heldAt: 'Choose a date and a time.' }, form: null });
    const problem = heldAtProblem(heldAt);
    if (problem) return form.setErrors({ fields: { heldAt: `The time ${problem}.` }, form: null });
    update.mutate(
      { id: c.id, body: { held: true, heldAt } },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['heldAt'])) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextInput
        type="datetime-local"
        label="Held on"
        isRequired
        autoFocus
        description="This date is used everywhere: the held list, the program’s activity, and “new since the last conversation”."
        {...form.field('heldAt')}
      />
      <div className="form-actions">
        <Button className="button" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          Mark as held
        </Button>
      </div>
    </Form>
  );
}
