import { useState } from 'react';
import { Button } from 'react-aria-components';
import { UpdateConversation, type Conversation } from '@mentoring/shared';
import { useUpdateConversation } from '../../../api/conversations.ts';
import { TextInput } from '../../../components/Field.tsx';
import { Form } from '../../../components/Form.tsx';
import { ErrorNotice } from '../../../components/QueryState.tsx';
import { useNotify } from '../../../components/Toaster.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import type { AgendaLookup } from '../../../lib/agenda.ts';
import { formatDateTime, formatRelative, fromDateTimeLocal, toDateTimeLocal } from '../../../lib/dates.ts';
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
  const notify = useNotify();
  const [rescheduling, setRescheduling] = useState(false);
  const past = Date.parse(c.scheduledFor) < Date.now();

  const markHeld = () => {
    update.mutate({ id: c.id, body: { held: true } });
    notify({ message: 'Conversation marked as held.', undo: () => update.mutate({ id: c.id, body: { held: false } }) });
  };

  return (
    <article
      className={bare ? 'conversation bare' : 'card conversation'}
      aria-label={`Conversation on ${formatDateTime(c.scheduledFor)}`}
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
              {formatDateTime(c.scheduledFor)} <span className="muted small">({formatRelative(c.scheduledFor)})</span>
            </h3>
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
              <Button className="button small" onPress={markHeld}>
                Mark as held
              </Button>
            </div>
          )}
        </header>
      )}
      {rescheduling && <RescheduleForm conversation={c} onDone={() => setRescheduling(false)} />}
      {update.isError && <ErrorNotice error={update.error} />}

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
