import { mentees, type Me, type Prompt } from '@mentoring/shared';
import { usePreparation } from '../api/prepare.ts';
import { routeHref } from '../app/route.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { formatNumber } from '../lib/dates.ts';
import { joinNames } from '../lib/people.ts';
import { ClipCard } from './workspace/clips/ClipCard.tsx';
import { AgendaView } from './workspace/conversations/AgendaEditor.tsx';
import { CommitmentLine } from './workspace/conversations/Commitments.tsx';
import type { AgendaLookup } from '../lib/agenda.ts';
import { workspaceFor, WorkspaceContext } from './workspace/workspaceContext.ts';
import { Folded } from '../components/Folded.tsx';
import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { showDate, showDateTime, showRelative } from '../components/Time.tsx';

/**
 * The mentor's preparation, from one request: what is new since the last conversation and not yet
 * reviewed, the prompts to pick up, the mentee's agenda, and the commitments now due.
 */
export function PrepareScreen({ me, partnershipId }: { me: Me; partnershipId: string }) {
  const prep = usePreparation(partnershipId);

  if (prep.isPending) return <Loading label={t`Gathering what is new…`} />;
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
            <Trans>
              <a href={routeHref({ name: 'workspace', partnershipId, tab: 'goals' })}>
                <Trans>Workspace with {who}</Trans>
              </a>{' '}
              <span aria-hidden="true">/</span> Prepare
            </Trans>
          </>
        }
      >
        <Trans>Before your next conversation</Trans>
      </PageTitle>
      <p className="lead">
        {d.nextConversation ? (
          <>
            <Trans>
              Next conversation: <strong>{showDateTime(d.nextConversation.scheduledFor)}</strong> (
              {showRelative(d.nextConversation.scheduledFor)}).{' '}
            </Trans>
          </>
        ) : (
          <>
            <Trans>No conversation is scheduled yet.</Trans>{' '}
          </>
        )}
        {d.lastConversationAt ? (
          <>
            <Trans>Last one: {showDate(d.lastConversationAt)}.</Trans>
          </>
        ) : (
          <>
            <Trans>You have not met yet.</Trans>
          </>
        )}
      </p>

      <div className="prepare-grid">
        <section className="section prepare-main" aria-labelledby="new-clips">
          <h2 id="new-clips">
            <Trans>
              New clips to review <span className="count">{formatNumber(d.newClipCount)}</span>
            </Trans>
          </h2>
          {d.newClips.length === 0 ? (
            <EmptyState title={t`You are up to date`}>
              <p>
                <Trans>No new clips since</Trans> {d.lastConversationAt ? t`the last conversation` : t`the start`}
                <Trans>. {who} may still add some before you meet.</Trans>
              </p>
            </EmptyState>
          ) : (
            <div className="stack">
              {d.newClips.map((c) => (
                <ClipCard key={c.id} clip={c} goals={d.goals} />
              ))}
              {d.newClipCount > d.newClips.length && (
                <p>
                  <a href={workspace('clips')}>
                    {plural(d.newClipCount, { one: 'See all # new clips', other: 'See all # new clips' })}
                  </a>
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
                  {d.lastConversationAt ? (
                    <Trans>Already reviewed since the last conversation</Trans>
                  ) : (
                    <Trans>Already reviewed since the start</Trans>
                  )}{' '}
                  <span className="count">{formatNumber(d.reviewedClips.length)}</span>
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
            <h2 id="prep-agenda">
              <Trans>{who}’s agenda</Trans>
            </h2>
            {d.nextConversation ? (
              <AgendaView agenda={d.nextConversation.agenda} lookup={lookup} />
            ) : (
              <p className="muted">
                <Trans>The agenda is set once a conversation is scheduled.</Trans>
              </p>
            )}
          </section>

          <section className="card section" aria-labelledby="prep-due">
            <h2 id="prep-due">
              <Trans>Commitments due</Trans>
            </h2>
            {d.commitmentsDue.length === 0 ? (
              <p className="muted">
                <Trans>Nothing due.</Trans>
              </p>
            ) : (
              <ul className="commitment-list">
                {d.commitmentsDue.map((c) => (
                  <CommitmentLine key={c.id} commitment={c} lookup={lookup} />
                ))}
              </ul>
            )}
          </section>

          <section className="card section" aria-labelledby="prep-prompts">
            <h2 id="prep-prompts">
              <Trans>Prompts</Trans>
            </h2>
            <PromptGroup title={t`Answered, to talk about`} prompts={d.answeredPrompts} showResponse />
            <PromptGroup title={t`Still open`} prompts={d.openPrompts} />
            <p className="small">
              <a href={workspace('prompts')}>
                <Trans>All prompts</Trans>
              </a>
            </p>
          </section>

          {d.openRequests > 0 && (
            <section className="card section" aria-labelledby="prep-requests">
              <h2 id="prep-requests">
                <Trans>Requests</Trans>
              </h2>
              <p>
                {plural(d.openRequests, {
                  one: `${who} asked for a resource.`,
                  other: `${who} asked for # resources.`,
                })}{' '}
                <a href={workspace('requests')}>
                  <Trans>Answer in the workspace</Trans>
                </a>
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
        {title} <span className="count">{formatNumber(prompts.length)}</span>
      </h3>
      {prompts.length === 0 ? (
        <p className="muted small">
          <Trans>None.</Trans>
        </p>
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
      <p dir="auto" className="prompt-question">
        {prompt.question}
      </p>
      {showResponse && prompt.response && (
        <p dir="auto" className="response-inline">
          {prompt.response}
        </p>
      )}
    </li>
  );
}
