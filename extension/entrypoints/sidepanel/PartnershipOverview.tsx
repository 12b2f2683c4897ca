/** The sections of the side panel for one partnership. */
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
import { callTool, describeError } from '@/lib/tool';
import { clipQueries, goalQueries, partnershipQueries, useGoals } from '@/ui/tool-queries';

interface Props {
  partnership: Partnership;
  connection: Connection;
  page: PageState | null;
  tabId: number | null;
}

const day = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

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
          <div>“{excerpt(clip.quote)}”</div>
          <span className="badge">not found on this page</span>
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
          title={found ? 'Show this passage on the page' : `Open ${clip.title || clip.url} at this passage`}
        >
          “{excerpt(clip.quote)}”
        </button>
      )}
      {typeof found === 'object' && (
        <>
          <span className="badge">approximate</span>
          <div className="hint">Found instead: “{excerpt(found.approximate)}”</div>
        </>
      )}
      {found === undefined && <div className="hint">{clip.title || clip.url}</div>}
      {clip.note && <div className="hint">{excerpt(clip.note)}</div>}
      {mayAddToAgenda && !onAgenda(clip.id) && (
        <button
          type="button"
          onClick={() => addToAgenda.mutate({ kind: 'clip', clipId: clip.id })}
          disabled={addToAgenda.isPending}
        >
          Add to agenda
        </button>
      )}
      {onAgenda(clip.id) && <span className="badge">on the agenda</span>}
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
        <h2 id="on-page">On this page</h2>
        {page?.error && <p className="hint">Clips of this page could not be fetched: {page.error}</p>}
        {pageClips.length === 0 ? (
          <p className="hint">No clips from this page yet.</p>
        ) : (
          <>
            <FoundSummary clips={pageClips} found={page?.found ?? {}} />
            <ul className="plain">{pageClips.map((c) => clipItem(c, page?.found[c.id] ?? false))}</ul>
          </>
        )}
      </section>

      <section aria-labelledby="next-conversation">
        <h2 id="next-conversation">Next conversation</h2>
        {preparation.isPending ? (
          <p>Loading…</p>
        ) : preparation.error ? (
          <p className="error">{describeError(preparation.error)}</p>
        ) : !next ? (
          <p className="hint">No conversation is scheduled yet.</p>
        ) : (
          <>
            <p>{day(next.scheduledFor)}</p>
            {next.agenda.length === 0 ? (
              <p className="hint">The agenda is empty.</p>
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
        <h2 id="goals">Goals</h2>
        {goals.isPending ? (
          <p>Loading…</p>
        ) : goals.error ? (
          <p className="error">{describeError(goals.error)}</p>
        ) : (
          <ul className="plain">
            {goals.data.data
              .filter((g) => g.status === 'active')
              .map((g) => (
                <li key={g.id}>
                  <strong>{g.title}</strong>
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
                              {a.text}
                              {a.dueOn && <span className="hint"> · due {a.dueOn}</span>}
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
        <h2 id="prompts">Open prompts</h2>
        {(preparation.data?.openPrompts ?? []).length === 0 ? (
          <p className="hint">No open prompts.</p>
        ) : (
          <ul className="plain">
            {preparation.data!.openPrompts.map((p) => (
              <li key={p.id}>
                {p.question}
                {mayAddToAgenda && !next!.agenda.some((i) => i.kind === 'prompt' && i.promptId === p.id) && (
                  <div>
                    <button type="button" onClick={() => addToAgenda.mutate({ kind: 'prompt', promptId: p.id })}>
                      Add to agenda
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="commitments">
        <h2 id="commitments">Commitments due</h2>
        {(preparation.data?.commitmentsDue ?? []).length === 0 ? (
          <p className="hint">Nothing due.</p>
        ) : (
          <ul className="plain">
            {preparation.data!.commitmentsDue.map((a) => (
              <li key={a.id}>
                {a.text}
                {a.dueOn && <span className="hint"> · due {a.dueOn}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recent">
        <h2 id="recent">Recent clips</h2>
        {recent.isPending ? (
          <p>Loading…</p>
        ) : recent.error ? (
          <p className="error">{describeError(recent.error)}</p>
        ) : recent.data.length === 0 ? (
          <p className="hint">No clips yet.</p>
        ) : (
          <ul className="plain">{recent.data.map((c) => clipItem(c))}</ul>
        )}
      </section>
    </>
  );
}

function agendaText(item: AgendaItem, goals: Goal[], clips: Clip[], prompts: Prompt[]): string {
  switch (item.kind) {
    case 'goal':
      return `Goal: ${goals.find((g) => g.id === item.goalId)?.title ?? 'a goal'}`;
    case 'clip': {
      const clip = clips.find((c) => c.id === item.clipId);
      return clip ? `Clip: “${excerpt(clip.quote, 100)}”` : 'A clip';
    }
    case 'prompt':
      return `Prompt: ${prompts.find((p) => p.id === item.promptId)?.question ?? 'a reflection prompt'}`;
    case 'free':
      return item.text;
  }
}

/** "4 of 5 found on this page", saying how many only approximately and naming those not found. */
function FoundSummary({ clips, found }: { clips: Clip[]; found: PageState['found'] }) {
  const exactly = clips.filter((c) => found[c.id] === true).length;
  const approximate = clips.filter((c) => typeof found[c.id] === 'object').length;
  const missing = clips.filter((c) => !found[c.id]);
  if (exactly === clips.length) return null;
  return (
    <p className="notice" role="status">
      {exactly} of {clips.length} found on this page.
      {approximate > 0 && ` ${approximate} found only approximately: compare each with the passage clipped.`}
      {missing.length > 0 && ' Not found: '}
      {missing.map((c, i) => (
        <span key={c.id}>
          {i > 0 && '; '}“{excerpt(c.quote, 60)}”
        </span>
      ))}
      {missing.length > 0 && '.'}
    </p>
  );
}
