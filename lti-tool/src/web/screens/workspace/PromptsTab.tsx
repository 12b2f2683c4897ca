import { useState } from 'react';
import { Button } from 'react-aria-components';
import {
  CreatePrompt,
  UpdatePrompt,
  canDeletePrompt,
  canRespondToPrompt,
  promptResponders,
  type Clip,
  type Goal,
  type Prompt,
  type PromptStatus,
} from '@mentoring/shared';
import { useClips } from '../../api/clips.ts';
import { useGoals } from '../../api/goals.ts';
import { useCreatePrompt, useDeletePrompt, usePrompts, useUpdatePrompt } from '../../api/prompts.ts';
import { ConfirmDialog, ModalDialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { ErrorNotice, Loading } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useFormState } from '../../components/useFormState.ts';
import { formatDate, formatNumber } from '../../lib/dates.ts';
import { check, errorsFrom } from '../../lib/formErrors.ts';
import { askedBy, nameOf, whoAnswers } from '../../lib/people.ts';
import { useWorkspace } from './workspaceContext.ts';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';

const groups = (): { status: PromptStatus; title: string; empty: string }[] => [
  { status: 'open', title: t`Waiting for a response`, empty: t`No open prompts.` },
  { status: 'answered', title: t`Answered, to talk about`, empty: t`Nothing answered yet.` },
  { status: 'discussed', title: t`Discussed`, empty: '' },
];

/** Reflection prompts: questions to think about between conversations, and the responses. */
export function PromptsTab() {
  const w = useWorkspace();
  const prompts = usePrompts(w.partnership.id);
  const goals = useGoals(w.partnership.id);
  const clips = useClips(w.partnership.id);

  const write = w.can.write ? (
    <ModalDialog
      title={t`Write a prompt`}
      trigger={
        <Button className="button primary">
          <Trans>Write a prompt</Trans>
        </Button>
      }
    >
      {(close) => <PromptForm goals={goals.data?.goals ?? []} onDone={close} />}
    </ModalDialog>
  ) : null;

  if (prompts.isPending) return <Loading label={t`Loading prompts…`} />;
  if (prompts.isError) return <ErrorNotice error={prompts.error} retry={() => void prompts.refetch()} />;
  const list = prompts.data.prompts;

  return (
    <div className="tab-content">
      <div className="section-head">
        <h2>
          <Trans>Prompts</Trans>
        </h2>
        {write}
      </div>
      {list.length === 0 ? (
        <EmptyState title={t`No prompts yet`} action={write}>
          <p>
            <Trans>
              A prompt is a question to reflect on before you next talk: written here, or made from a clipped passage.
              The mentee responds in writing, and you discuss it together.
            </Trans>
          </p>
        </EmptyState>
      ) : (
        groups().map((g) => {
          const items = list.filter((p) => p.status === g.status);
          if (items.length === 0 && g.status === 'discussed') return null;
          return (
            <section key={g.status} className="section" aria-labelledby={`prompts-${g.status}`}>
              <h3 id={`prompts-${g.status}`}>
                <bdi>{g.title}</bdi> <span className="count">{formatNumber(items.length)}</span>
              </h3>
              {items.length === 0 ? (
                <p className="muted">{g.empty}</p>
              ) : (
                <div className="stack">
                  {items.map((p) => (
                    <PromptCard key={p.id} prompt={p} goals={goals.data?.goals ?? []} clips={clips.data?.clips ?? []} />
                  ))}
                </div>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}

const FIELDS = ['question', 'goalId'];
const NO_GOAL = '-';

function PromptForm({ goals, onDone }: { goals: readonly Goal[]; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const create = useCreatePrompt(p.id);
  const form = useFormState({ question: '', goalId: NO_GOAL as string | null });
  const submit = () => {
    const goalId = form.values.goalId && form.values.goalId !== NO_GOAL ? form.values.goalId : undefined;
    const r = check(CreatePrompt, { question: form.values.question, goalId }, FIELDS);
    if (!r.ok) return form.setErrors(r.errors);
    create.mutate(r.value, { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, FIELDS)) });
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextAreaField
        label={t`Question`}
        isRequired
        autoFocus
        rows={3}
        {...form.field('question')}
        description={t`Open questions invite reflection: what, how, what if…`}
      />
      {goals.length > 0 && (
        <SelectField
          label={t`About a goal`}
          options={[
            { id: NO_GOAL, label: t`No particular goal` },
            ...goals.filter((g) => g.status === 'active').map((g) => ({ id: g.id, label: g.title, own: true })),
          ]}
          {...form.field('goalId')}
        />
      )}
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={create.isPending}>
          <Trans>Add prompt</Trans>
        </Button>
      </div>
    </Form>
  );
}

function PromptCard({ prompt, goals, clips }: { prompt: Prompt; goals: readonly Goal[]; clips: readonly Clip[] }) {
  const w = useWorkspace();
  const p = w.partnership;
  const update = useUpdatePrompt(p.id);
  const remove = useDeletePrompt(p.id);
  const [responding, setResponding] = useState(false);
  const clip = prompt.clipId ? clips.find((c) => c.id === prompt.clipId) : undefined;
  const goal = prompt.goalId ? goals.find((g) => g.id === prompt.goalId) : undefined;
  const responder = canRespondToPrompt(p, prompt, goal?.ownerId ?? null, w.meId);
  const responders = promptResponders(p, prompt, goal?.ownerId ?? null);

  return (
    <article className={`card prompt-card status-${prompt.status}`}>
      <p className="card-kicker">
        <span className="muted">
          {prompt.authorId === w.meId
            ? t`Asked by you on ${formatDate(prompt.createdAt)}`
            : askedBy(nameOf(p, prompt.authorId), formatDate(prompt.createdAt))}
          {goal && (
            <>
              {' '}
              <Trans>· about “{goal.title}”</Trans>
            </>
          )}
        </span>
        {prompt.status === 'open' && responders.length > 0 && (
          <span className={`badge ${responder ? 'accent' : 'muted'}`}>{whoAnswers(p, responders, w.meId)}</span>
        )}
      </p>
      <h4 dir="auto" className="prompt-question">
        {prompt.question}
      </h4>
      {clip && (
        <blockquote dir="auto" className="clip-quote small">
          {clip.quote}
        </blockquote>
      )}
      {responding ? (
        <ResponseForm prompt={prompt} onDone={() => setResponding(false)} />
      ) : prompt.response ? (
        <div className="response">
          <span className="response-label">
            {prompt.respondedAt ? t`Response, ${formatDate(prompt.respondedAt)}` : t`Response`}
          </span>
          <p dir="auto">{prompt.response}</p>
        </div>
      ) : null}
      {update.isError && <ErrorNotice error={update.error} />}
      {w.can.write && !responding && (
        <div className="card-actions">
          {responder && prompt.status !== 'discussed' && (
            <Button className={`button small ${prompt.response ? '' : 'primary'}`} onPress={() => setResponding(true)}>
              {prompt.response ? t`Change response` : t`Respond`}
            </Button>
          )}
          {prompt.status !== 'discussed' ? (
            <Button
              className="button small quiet"
              onPress={() => update.mutate({ id: prompt.id, body: { status: 'discussed' } })}
            >
              <Trans>Mark discussed</Trans>
            </Button>
          ) : (
            <Button
              className="button small quiet"
              onPress={() => update.mutate({ id: prompt.id, body: { status: prompt.response ? 'answered' : 'open' } })}
            >
              <Trans>Reopen</Trans>
            </Button>
          )}
          {canDeletePrompt(p, prompt, w.meId) && (
            <ConfirmDialog
              title={t`Delete this prompt?`}
              trigger={
                <Button className="button small quiet danger-text" isPending={remove.isPending}>
                  <Trans>Delete</Trans>
                </Button>
              }
              body={
                <p>
                  <Trans>“{prompt.question}” is deleted for both of you and leaves any agenda.</Trans>
                </p>
              }
              confirmLabel={t`Delete prompt`}
              onConfirm={() => remove.mutate(prompt.id)}
            />
          )}
        </div>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
    </article>
  );
}

function ResponseForm({ prompt, onDone }: { prompt: Prompt; onDone: () => void }) {
  const { partnership: p } = useWorkspace();
  const update = useUpdatePrompt(p.id);
  const form = useFormState({ response: prompt.response ?? '' });
  const submit = () => {
    const r = check(
      UpdatePrompt,
      { response: form.values.response, status: form.values.response.trim() ? 'answered' : 'open' },
      ['response'],
    );
    if (!r.ok) return form.setErrors(r.errors);
    update.mutate(
      { id: prompt.id, body: r.value },
      { onSuccess: onDone, onError: (e) => form.setErrors(errorsFrom(e, ['response'])) },
    );
  };
  return (
    <Form onSubmit={submit} errors={form.errors}>
      <TextAreaField label={t`Your response`} isRequired autoFocus rows={5} {...form.field('response')} />
      <div className="form-actions">
        <Button className="button" onPress={onDone}>
          <Trans>Cancel</Trans>
        </Button>
        <Button type="submit" className="button primary" isPending={update.isPending}>
          <Trans>Save response</Trans>
        </Button>
      </div>
    </Form>
  );
}
