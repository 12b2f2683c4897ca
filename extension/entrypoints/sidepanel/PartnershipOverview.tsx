/** The sections of the side panel for one partnership. */
import type { ReactNode } from 'react';
import { Trans } from '@lingui/react/macro';
import { plural, t } from '@lingui/core/macro';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  canSetAgenda,
  type AgendaItem,
  type Clip,
  type Conversation,
  type Goal,
  type Partnership,
  type Prompt,
} from '@mentoring/shared';
import type { Connection } from '@/lib/connection';
import { askBackground, type AnchorResult } from '@/lib/messages';
import type { PageState } from '@/lib/page-state';
import { excerpt, formatDateTime, formatDay, formatNumber } from '@/lib/format';
import { describeError } from '@/lib/problems';
import { callTool } from '@/lib/tool';
import { clipQueries, goalQueries, partnershipQueries, useGoals } from '@/ui/tool-queries';
import { Quote } from '@/ui/Quote';

interface Props {
  partnership: Partnership;
  connection: Connection;
  page: PageState | null;
  tabId: number | null;
}

export function PartnershipOverview({ partnership, connection, page, tabId }: Props) {
  const id = partnership.id;
  const queries = useQueryClient();
  const preparation = useQuery(partnershipQueries.preparation(id));
  const goals = useGoals(connection, id);
  const recent = useQuery(clipQueries.recent(id));

  const next = preparation.data?.nextConversation ?? null;
  const mayAddToAgenda = !!next && canSetAgenda(partnership, connection.me.person.id);
  const addToAgenda = useMutation({
    mutationFn: (item: AgendaItem) =>
      callTool(async (api) => {
        const add = (c: Conversation) =>
          api.setAgenda({ params: { id: c.id }, body: { agenda: [...c.agenda, item], version: c.version } });
        try {
          return await add(next!);
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 409)) throw err;
          // The agenda changed since it was read here (in the workspace, say): add to the newer one, never replace it.
          const fresh = (await api.prepare({ params: { id } })).nextConversation;
          if (fresh?.id !== next!.id) throw err;
          return fresh.agenda.some((i) => JSON.stringify(i) === JSON.stringify(item)) ? fresh : add(fresh);
        }
      }),
    onSuccess: () => queries.invalidateQueries(partnershipQueries.preparation(id)),
  });
  const toggleAction = useMutation({
    mutationFn: ({ actionId, done }: { actionId: string; done: boolean }) =>
      callTool((api) => api.updateAction({ params: { id: actionId }, body: { done } })),
    onSuccess: () => queries.invalidateQueries(goalQueries.list(connection.me.person.id, id)),
  });

  const onAgenda = (clipId: string) => !!next?.agenda.some((i) => i.kind === 'clip' && i.clipId === clipId);
  const pageClips = (page?.clips ?? []).filter((c) => c.partnershipId === id);
  const knownClips = [...pageClips, ...(recent.data ?? []), ...(preparation.data?.newClips ?? [])];
  const prompts = [...(preparation.data?.openPrompts ?? []), ...(preparation.data?.answeredPrompts ?? [])];

  const clipItem = (clip: Clip, found?: AnchorResult) => (
    <li key={clip.id}>
      {found === false ? (
        <>
          <Quote text={clip.quote} className="passage" />
          <span className="badge">
            <Trans>not found on this page</Trans>
          </span>
        </>
      ) : (
        <button
          type="button"
          className="link"
          onClick={() =>
            void askBackground({
              type: 'clip:show',
              clipId: clip.id,
              url: clip.url,
              tabId: found ? (tabId ?? undefined) : undefined,
            })
          }
          title={found ? t`Show this passage on the page` : openTitle(clip)}
        >
          <Quote text={clip.quote} />
        </button>
      )}
      {typeof found === 'object' && (
        <>
          <span className="badge">
            <Trans>approximate</Trans>
          </span>
          <div className="hint">
            <Trans>
              Found instead: “<bdi>{excerpt(found.approximate)}</bdi>”
            </Trans>
          </div>
        </>
      )}
      {found === undefined && (
        <div className="hint">
          <bdi>{clip.title || clip.url}</bdi>
        </div>
      )}
      {clip.note && (
        <div className="hint" dir="auto">
          {excerpt(clip.note)}
        </div>
      )}
      {mayAddToAgenda && !onAgenda(clip.id) && (
        <button
          type="button"
          onClick={() => addToAgenda.mutate({ kind: 'clip', clipId: clip.id })}
          disabled={addToAgenda.isPending}
        >
          <Trans>Add to agenda</Trans>
        </button>
      )}
      {onAgenda(clip.id) && (
        <span className="badge">
          <Trans>on the agenda</Trans>
        </span>
      )}
    </li>
  );

  return (
    <>
      {(addToAgenda.error || toggleAction.error) && (
        <p className="error" role="alert">
          {describeError(addToAgenda.error ?? toggleAction.error)}
        </p>
      )}

      <section aria-labelledby="on-page">
        <h2 id="on-page">
          <Trans>On this page</Trans>
        </h2>
        {page?.error && (
          <p className="hint">
            <Trans>Clips of this page could not be fetched: {page.error}</Trans>
          </p>
        )}
        {pageClips.length === 0 ? (
          <p className="hint">
            <Trans>No clips from this page yet.</Trans>
          </p>
        ) : (
          <>
            <FoundSummary clips={pageClips} found={page?.found ?? {}} />
            <ul className="plain">{pageClips.map((c) => clipItem(c, page?.found[c.id] ?? false))}</ul>
          </>
        )}
      </section>

      <section aria-labelledby="next-conversation">
        <h2 id="next-conversation">
          <Trans>Next conversation</Trans>
        </h2>
        {preparation.isPending ? (
          <p>
            <Trans>Loading…</Trans>
          </p>
        ) : preparation.error ? (
          <p className="error">{describeError(preparation.error)}</p>
        ) : !next ? (
          <p className="hint">
            <Trans>No conversation is scheduled yet.</Trans>
          </p>
        ) : (
          <>
            <p>
              <time dateTime={next.scheduledFor}>{formatDateTime(next.scheduledFor)}</time>
            </p>
            {next.agenda.length === 0 ? (
              <p className="hint">
                <Trans>The agenda is empty.</Trans>
              </p>
            ) : (
              <ol>
                {next.agenda.map((item, i) => (
                  <li key={i}>{agendaText(item, goals.data?.data ?? [], knownClips, prompts)}</li>
                ))}
              </ol>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="goals">
        <h2 id="goals">
          <Trans>Goals</Trans>
        </h2>
        {goals.isPending ? (
          <p>
            <Trans>Loading…</Trans>
          </p>
        ) : goals.error ? (
          <p className="error">{describeError(goals.error)}</p>
        ) : (
          <ul className="plain">
            {goals.data.data
              .filter((g) => g.status === 'active')
              .map((g) => (
                <li key={g.id}>
                  <strong dir="auto">{g.title}</strong>
                  {g.actions.length > 0 && (
                    <ul className="plain">
                      {g.actions.map((a) => (
                        <li key={a.id}>
                          <label style={{ fontWeight: 'normal', display: 'flex', gap: 6, margin: 0 }}>
                            <input
                              type="checkbox"
                              style={{ width: 'auto' }}
                              checked={a.done}
                              onChange={(e) => toggleAction.mutate({ actionId: a.id, done: e.target.checked })}
                            />
                            <span>
                              <bdi>{a.text}</bdi>
                              {a.dueOn && <Due day={a.dueOn} />}
                            </span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="prompts">
        <h2 id="prompts">
          <Trans>Open prompts</Trans>
        </h2>
        {(preparation.data?.openPrompts ?? []).length === 0 ? (
          <p className="hint">
            <Trans>No open prompts.</Trans>
          </p>
        ) : (
          <ul className="plain">
            {preparation.data!.openPrompts.map((p) => (
              <li key={p.id}>
                <bdi>{p.question}</bdi>
                {mayAddToAgenda && !next!.agenda.some((i) => i.kind === 'prompt' && i.promptId === p.id) && (
                  <div>
                    <button type="button" onClick={() => addToAgenda.mutate({ kind: 'prompt', promptId: p.id })}>
                      <Trans>Add to agenda</Trans>
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="commitments">
        <h2 id="commitments">
          <Trans>Commitments due</Trans>
        </h2>
        {(preparation.data?.commitmentsDue ?? []).length === 0 ? (
          <p className="hint">
            <Trans>Nothing due.</Trans>
          </p>
        ) : (
          <ul className="plain">
            {preparation.data!.commitmentsDue.map((a) => (
              <li key={a.id}>
                <bdi>{a.text}</bdi>
                {a.dueOn && <Due day={a.dueOn} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recent">
        <h2 id="recent">
          <Trans>Recent clips</Trans>
        </h2>
        {recent.isPending ? (
          <p>
            <Trans>Loading…</Trans>
          </p>
        ) : recent.error ? (
          <p className="error">{describeError(recent.error)}</p>
        ) : recent.data.length === 0 ? (
          <p className="hint">
            <Trans>No clips yet.</Trans>
          </p>
        ) : (
          <ul className="plain">{recent.data.map((c) => clipItem(c))}</ul>
        )}
      </section>
    </>
  );
}

/** An agenda item in words; what people wrote keeps its own direction. */
function agendaText(item: AgendaItem, goals: Goal[], clips: Clip[], prompts: Prompt[]): ReactNode {
  switch (item.kind) {
    case 'goal': {
      const title = goals.find((g) => g.id === item.goalId)?.title ?? t`a goal`;
      return (
        <Trans>
          Goal: <bdi>{title}</bdi>
        </Trans>
      );
    }
    case 'clip': {
      const clip = clips.find((c) => c.id === item.clipId);
      const quote = clip && excerpt(clip.quote, 100);
      return quote ? (
        <Trans>
          Clip: “<bdi>{quote}</bdi>”
        </Trans>
      ) : (
        <Trans>A clip</Trans>
      );
    }
    case 'prompt': {
      const question = prompts.find((p) => p.id === item.promptId)?.question ?? t`a reflection prompt`;
      return (
        <Trans>
          Prompt: <bdi>{question}</bdi>
        </Trans>
      );
    }
    case 'free':
      return <bdi>{item.text}</bdi>;
  }
}

/** A due date, as a calendar day in the reader's language. */
function Due({ day }: { day: string }) {
  const when = formatDay(day);
  return (
    <span className="hint">
      {' · '}
      <Trans>
        due <time dateTime={day}>{when}</time>
      </Trans>
    </span>
  );
}

function openTitle(clip: Clip): string {
  const page = clip.title || clip.url;
  return t`Open ${page} at this passage`;
}

/** "4 of 5 found on this page", saying how many only approximately and naming those not found. */
function FoundSummary({ clips, found }: { clips: Clip[]; found: PageState['found'] }) {
  const exactly = formatNumber(clips.filter((c) => found[c.id] === true).length);
  const approximate = clips.filter((c) => typeof found[c.id] === 'object').length;
  const missing = clips.filter((c) => !found[c.id]);
  if (!missing.length && !approximate) return null;
  return (
    <p className="notice" role="status">
      {plural(clips.length, {
        one: `${exactly} of # found on this page.`,
        other: `${exactly} of # found on this page.`,
      })}
      {approximate > 0 && (
        <>
          {' '}
          {plural(approximate, {
            one: '# found only approximately: compare it with the passage clipped.',
            other: '# found only approximately: compare each with the passage clipped.',
          })}
        </>
      )}
      {missing.length > 0 && (
        <>
          {' '}
          <Trans>Not found:</Trans>{' '}
          {missing.map((c) => (
            <Quote key={c.id} text={c.quote} max={60} className="missing" />
          ))}
        </>
      )}
    </p>
  );
}
