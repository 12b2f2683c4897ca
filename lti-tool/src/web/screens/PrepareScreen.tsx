import { mentees, type Me, type Prompt } from '@mentoring/shared';
import { usePreparation } from '../api/prepare.ts';
import { routeHref } from '../app/route.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { formatDate, formatDateTime, formatRelative } from '../lib/dates.ts';
import { joinNames } from '../lib/people.ts';
import { ClipCard } from './workspace/clips/ClipCard.tsx';
import { AgendaView } from './workspace/conversations/AgendaEditor.tsx';
import { CommitmentLine } from './workspace/conversations/Commitments.tsx';
import type { AgendaLookup } from '../lib/agenda.ts';
import { workspaceFor, WorkspaceContext } from './workspace/workspaceContext.ts';
import { Folded } from '../components/Folded.tsx';

/**
 * The mentor's preparation, from one request: what is new since the last conversation and not yet
 * reviewed, the prompts to pick up, the mentee's agenda, and the commitments now due.
 */
export function PrepareScreen({ me, partnershipId }: { me: Me; partnershipId: string }) {
  const prep = usePreparation(partnershipId);

  if (prep.isPending) return <Loading label="Gathering what is new…" />;
  if (prep.isError) return <ErrorNotice error={prep.error} retry={() => void prep.refetch()} />;

  const d = prep.data;
  const lookup: AgendaLookup = {
    goals: d.goals,
    clips: [...d.newClips, ...d.reviewedClips, ...d.agendaClips],
    prompts: [...d.openPrompts, ...d.answeredPrompts, ...d.agendaPrompts],
  };
  const p = d.partnership;
  const w = workspaceFor(p, me.person.id);
  const who = joinNames(mentees(p).map((m) => m.name));
  const workspace = (tab: 'clips' | 'prompts' | 'requests' | 'conversations') =>
    routeHref({ name: 'workspace', partnershipId, tab });

  return (
    <WorkspaceContext.Provider value={w}>
      <PageTitle
        kicker={
          <>
            <a href={routeHref({ name: 'workspace', partnershipId, tab: 'goals' })}>Workspace with {who}</a>{' '}
            <span aria-hidden="true">/</span> Prepare
          </>
        }
      >
        Before your next conversation
      </PageTitle>
      <p className="lead">
        {d.nextConversation ? (
          <>
            Next conversation: <strong>{formatDateTime(d.nextConversation.scheduledFor)}</strong> (
            {formatRelative(d.nextConversation.scheduledFor)}).{' '}
          </>
        ) : (
          <>No conversation is scheduled yet. </>
        )}
        {d.lastConversationAt ? <>Last one: {formatDate(d.lastConversationAt)}.</> : <>You have not met yet.</>}
      </p>

      <div className="prepare-grid">
        <section className="section prepare-main" aria-labelledby="new-clips">
          <h2 id="new-clips">
            New clips to review <span className="count">{d.newClipCount}</span>
          </h2>
          {d.newClips.length === 0 ? (
            <EmptyState title="You are up to date">
              <p>
                No new clips since {d.lastConversationAt ? 'the last conversation' : 'the start'}. {who} may still add
                some before you meet.
              </p>
            </EmptyState>
          ) : (
            <div className="stack">
              {d.newClips.map((c) => (
                <ClipCard key={c.id} clip={c} goals={d.goals} />
              ))}
              {d.newClipCount > d.newClips.length && (
                <p>
                  <a href={workspace('clips')}>See all {d.newClipCount} new clips</a>
                </p>
              )}
            </div>
          )}
          {d.reviewedClips.length > 0 && (
            <Folded
              level={3}
              className="reviewed-clips"
              title={
                <>
                  Already reviewed since {d.lastConversationAt ? 'the last conversation' : 'the start'}{' '}
                  <span className="count">{d.reviewedClips.length}</span>
                </>
              }
            >
              <div className="stack">
                {d.reviewedClips.map((c) => (
                  <ClipCard key={c.id} clip={c} goals={d.goals} />
                ))}
              </div>
            </Folded>
          )}
        </section>

        <aside className="prepare-side">
          <section className="card section" aria-labelledby="prep-agenda">
            <h2 id="prep-agenda">{who}’s agenda</h2>
            {d.nextConversation ? (
              <AgendaView agenda={d.nextConversation.agenda} lookup={lookup} />
            ) : (
              <p className="muted">The agenda is set once a conversation is scheduled.</p>
            )}
          </section>

          <section className="card section" aria-labelledby="prep-due">
            <h2 id="prep-due">Commitments due</h2>
            {d.commitmentsDue.length === 0 ? (
              <p className="muted">Nothing due.</p>
            ) : (
              <ul className="commitment-list">
                {d.commitmentsDue.map((c) => (
                  <CommitmentLine key={c.id} commitment={c} lookup={lookup} />
                ))}
              </ul>
            )}
          </section>

          <section className="card section" aria-labelledby="prep-prompts">
            <h2 id="prep-prompts">Prompts</h2>
            <PromptGroup title="Answered, to talk about" prompts={d.answeredPrompts} showResponse />
            <PromptGroup title="Still open" prompts={d.openPrompts} />
            <p className="small">
              <a href={workspace('prompts')}>All prompts</a>
            </p>
          </section>

          {d.openRequests > 0 && (
            <section className="card section" aria-labelledby="prep-requests">
              <h2 id="prep-requests">Requests</h2>
              <p>
                {who} asked for {d.openRequests === 1 ? 'a resource' : `${d.openRequests} resources`}.{' '}
                <a href={workspace('requests')}>Answer in the workspace</a>
              </p>
            </section>
          )}
        </aside>
      </div>
    </WorkspaceContext.Provider>
  );
}

function PromptGroup({ title, prompts, showResponse }: { title: string; prompts: Prompt[]; showResponse?: boolean }) {
  return (
    <div className="prompt-group">
      <h3>
        {title} <span className="count">{prompts.length}</span>
      </h3>
      {prompts.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="prompt-list">
          {prompts.map((p) => (
            <PromptItem key={p.id} prompt={p} showResponse={showResponse} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PromptItem({ prompt, showResponse }: { prompt: Prompt; showResponse?: boolean | undefined }) {
  return (
    <li>
      <p className="prompt-question">{prompt.question}</p>
      {showResponse && prompt.response && <p className="response-inline">{prompt.response}</p>}
    </li>
  );
}
