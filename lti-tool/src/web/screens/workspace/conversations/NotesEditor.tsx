import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ApiError, UpdateConversation, type Conversation } from '@mentoring/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../api/ApiContext.tsx';
import { conversationQueries, useUpdateConversation } from '../../../api/conversations.ts';
import { TextAreaField } from '../../../components/Field.tsx';
import { LockIcon } from '../../../components/Icons.tsx';
import { Form } from '../../../components/Form.tsx';
import { useFormState } from '../../../components/useFormState.ts';
import { check, errorsFrom } from '../../../lib/formErrors.ts';
import { joinNames, partnersOf } from '../../../lib/people.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/**
 * Shared notes, or the reader's private note (sent by the tool to its author only). The private
 * one looks different on purpose, so nobody wonders who can read it.
 */
export function NotesEditor({
  conversation: c,
  which,
}: {
  conversation: Conversation;
  which: 'sharedNotes' | 'privateNote';
}) {
  const { partnership: p, meId, can } = useWorkspace();
  const update = useUpdateConversation(p.id);
  const saved = c[which];
  // What is typed stays a draft until saved; the saved text shows while nothing is being typed.
  const form = useFormState({ text: saved });
  const [editing, setEditing] = useState(false);
  // Shared notes: the version the edit started from; a partner's save in between is shown, and kept.
  const [base, setBase] = useState<number | null>(null);
  // The shared notes as they were then: an agenda change (the same version) leaves them alone, and is no conflict.
  const [baseText, setBaseText] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const qc = useQueryClient();
  const api = useApi();
  const isPrivate = which === 'privateNote';
  const label = isPrivate ? t`My private note` : t`Shared notes`;
  const hint = isPrivate
    ? t`Only you see this. Not your partner, not program staff.`
    : t`Shared with ${joinNames(partnersOf(p, meId).map((m) => m.name))}.`;

  const submit = (version = isPrivate ? undefined : (base ?? c.version)) => {
    const r = check(UpdateConversation, { [which]: form.values.text, version }, [which]);
    if (!r.ok) return form.setErrors({ fields: { text: r.errors.fields[which] ?? r.errors.form ?? '' }, form: null });
    update.mutate(
      { id: c.id, body: r.value },
      {
        onSuccess: () => {
          setEditing(false);
          setStale(false);
        },
        onError: (e) => {
          if (!(e instanceof ApiError && e.status === 409)) return form.setErrors(errorsFrom(e, ['text']));
          // Show their newer text (from a fresh read) above what this person typed, which stays;
          // when only the agenda moved on, the notes are saved on the newer version instead.
          void qc.fetchQuery({ ...conversationQueries.list(api, p.id), staleTime: 0 }).then(({ conversations }) => {
            const fresh = conversations.find((x) => x.id === c.id);
            if (fresh && baseText !== null && fresh.sharedNotes === baseText && fresh.version !== r.value.version)
              return submit(fresh.version);
            setStale(true);
            setBase(null);
            setBaseText(null);
          });
        },
      },
    );
  };

  return (
    <section className={`notes ${isPrivate ? 'private' : 'shared'}`} aria-label={label}>
      {editing ? (
        <Form onSubmit={submit} errors={form.errors}>
          {stale && (
            <div className="notice" role="alert">
              <p>
                <Trans>Your partner saved the shared notes while you were writing. Their version:</Trans>
              </p>
              <blockquote className="notes-theirs">{saved || t`(empty)`}</blockquote>
              <p>
                <Trans>Your text is kept below: save to replace theirs, or add to it first.</Trans>
              </p>
            </div>
          )}
          <TextAreaField
            label={label}
            rows={6}
            autoFocus
            description={hint}
            markOptional={false}
            {...form.field('text')}
          />
          <div className="form-actions">
            <Button
              className="button"
              onPress={() => {
                form.reset({ text: saved });
                setEditing(false);
              }}
            >
              <Trans>Cancel</Trans>
            </Button>
            <Button type="submit" className="button primary" isPending={update.isPending}>
              {isPrivate ? t`Save private note` : t`Save notes`}
            </Button>
          </div>
        </Form>
      ) : (
        <>
          <div className="notes-head">
            <h4>
              {isPrivate && <LockIcon />}
              {label}
            </h4>
            {can.write && (
              <Button
                className="button quiet small"
                onPress={() => {
                  form.reset({ text: saved });
                  setBase(c.version);
                  setBaseText(c.sharedNotes);
                  setStale(false);
                  setEditing(true);
                }}
              >
                {saved ? t`Edit` : t`Write`}
              </Button>
            )}
          </div>
          <p className="notes-hint">{hint}</p>
          {saved ? (
            <div className="notes-text" dir="auto">
              {saved}
            </div>
          ) : (
            <p className="muted small">{isPrivate ? t`Nothing written yet.` : t`No shared notes yet.`}</p>
          )}
        </>
      )}
    </section>
  );
}
