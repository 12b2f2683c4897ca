import { useState } from 'react';
import { Button } from 'react-aria-components';
import {
  AnswerResourceRequest,
  CreateResourceRequest,
  canAnswerRequest,
  canAskForResource,
  type Clip,
  type ResourceRequest,
} from '@mentoring/shared';
import { useClips } from '../../api/clips.ts';
import { useAnswerRequest, useCreateRequest, useRequests } from '../../api/requests.ts';
import { CheckboxList } from '../../components/Checkbox.tsx';
import { ModalDialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { formatDate } from '../../lib/dates.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { answerFrom, askedBy, joinNames, mentorsNames, nameOf } from '../../lib/people.ts';
import { useWorkspace } from './workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

/** Just in time (docs/design.md, principle 7): the mentee asks for what they need; the mentor answers that. */
export function RequestsTab() {
  const w = useWorkspace();
  const p = w.partnership;
  const requests = useRequests(p.id);
  const clips = useClips(p.id);
  const canAsk = canAskForResource(p, w.meId);

  const ask = canAsk ? (
    <ModalDialog
      title={t`Ask for a resource`}
      trigger={
        <Button className="button primary">
          <Trans>Ask for a resource</Trans>
        </Button>
      }
    >
      {(close) => <AskForm onDone={close} />}
    </ModalDialog>
  ) : null;

  if (requests.isPending) return <Loading label={t`Loading requests…`} />;
  if (requests.isError) return <ErrorNotice error={requests.error} retry={() => void requests.refetch()} />;
  const list = [...requests.data.requests].sort((a, b) =>
    a.status === b.status ? b.createdAt.localeCompare(a.createdAt) : a.status === 'open' ? -1 : 1,
  );

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Requests</Trans>
        </h2>
        {ask}
      </div>
      {list.length === 0 ? (
        canAsk ? (
          <EmptyState title={t`Need something now?`} action={ask}>
            <p>
              <Trans>
                Ask {joinNames(mentorsNames(p, w.meId))} for what would help you at this moment: a reading, an example
                from their school, a contact, a template.
              </Trans>
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={t`No requests yet`}>
            <p>
              <Trans>
                When your mentee asks for a resource, the request appears here for you to answer with a note, links or
                clips.
              </Trans>
            </p>
          </EmptyState>
        )
      ) : (
        <div className="stack">
          {list.map((r) => (
            <RequestCard key={r.id} request={r} clips={clips.data?.clips ?? []} />
          ))}
        </div>
      )}
    </div>
  );
}

function AskForm({ onDone }: { onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const create = useCreateRequest(p.id);
  const form = useFormState({ question: '' });
  const submit = () => {
    const r = check(CreateResourceRequest, form.values, ['question']);
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['question'])) });
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextAreaField
        label={t`What do you need?`}
        isRequired
        autoFocus
        rows={4}
        {...form.field('question')}
        placeholder={t`For example: an agenda you have used for a first meeting with a new leadership team`}
      />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Send request</Trans>
        </Button>
      </div>
    </Form>
  );
}

function RequestCard({ request: r, clips }: { request: ResourceRequest; clips: readonly Clip[] }) {
  const w = useWorkspace();
  const p = w.partnership;
  const [answering, setAnswering] = useState(false);
  const canAnswer = canAnswerRequest(p, r, w.meId);
  const answerClips = r.answer
    ? r.answer.clipIds.map((id) => clips.find((c) => c.id === id)).filter((c): c is Clip => !!c)
    : [];

  return (
    <article className={`card request-card status-${r.status}`}>
      <p className="card-kicker">
        <span className={`badge ${r.status === 'open' ? 'accent' : 'ok'}`}>
          {r.status === 'open' ? t`Open` : t`Answered`}
        </span>
        <span className="muted">
          {r.askedById === w.meId
            ? t`Asked by you on ${formatDate(r.createdAt)}`
            : askedBy(nameOf(p, r.askedById), formatDate(r.createdAt))}
        </span>
      </p>
      <h4 dir="auto" className="prompt-question">
        {r.question}
      </h4>
      {r.answer && (
        <div className="response">
          <span className="response-label">
            {r.answer.answeredById === w.meId
              ? t`Answer from you, ${formatDate(r.answer.answeredAt)}`
              : answerFrom(nameOf(p, r.answer.answeredById), formatDate(r.answer.answeredAt))}
          </span>
          <p>
            <bdi>{r.answer.text}</bdi>
          </p>
          {r.answer.links.length > 0 && (
            <ul className="links">
              {r.answer.links.map((l) => (
                <li key={l}>
                  <a href={l} target="_blank" rel="noopener noreferrer">
                    {l}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {answerClips.map((c) => (
            <blockquote key={c.id} className="clip-quote small">
              {c.quote}
            </blockquote>
          ))}
        </div>
      )}
      {answering ? (
        <AnswerForm request={r} clips={clips} onDone={() => setAnswering(false)} />
      ) : (
        canAnswer && (
          <div className="card-actions">
            <Button className="button small primary" onPress={() => setAnswering(true)}>
              <Trans>Answer</Trans>
            </Button>
          </div>
        )
      )}
    </article>
  );
}

const FIELDS = ['text', 'links', 'clipIds'];

function AnswerForm({
  request,
  clips,
  onDone,
}: {
  request: ResourceRequest;
  clips: readonly Clip[];
  onDone: () => void;
}) {
  const { partnership: p } = useWorkspace();
  const answer = useAnswerRequest(p.id);
  const form = useFormState({ text: '', links: '', clipIds: [] as string[] });
  const submit = () => {
    const links = form.values.links
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const r = check(AnswerResourceRequest, { text: form.values.text, links, clipIds: form.values.clipIds }, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    answer.mutate(
      { id: request.id, body: r.value },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, FIELDS)) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextAreaField label={t`Your answer`} isRequired autoFocus rows={4} {...form.field('text')} />
      <TextAreaField label={t`Links`} rows={2} {...form.field('links')} description={t`One web address per line.`} />
      {clips.length > 0 && (
        <CheckboxList
          label={t`Clips to share`}
          options={clips
            .slice(0, 30)
            .map((c) => ({ id: c.id, label: t`“${c.quote.length > 120 ? `${c.quote.slice(0, 119)}…` : c.quote}”` }))}
          {...form.field('clipIds')}
        />
      )}
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={answer.isPending}>
          <Trans>Send answer</Trans>
        </Button>
      </div>
    </Form>
  );
}
